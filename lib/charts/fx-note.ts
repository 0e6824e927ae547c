/** The exchange rates an aid figure was converted at, as a note for its sources line. */
export function fxNote(rates: { pair: string; period: string; rate: number; substituted: boolean }[]): string | undefined {
  if (!rates.length) return undefined;
  const subs = rates.some((r) => r.substituted);
  return `Converted at ECB annual averages: ${[...new Map(rates.map((r) => [r.period, r])).values()].map((r) => `${r.pair} ${r.rate} (${r.period})`).join(", ")}${subs ? "; later years use the latest available rate" : ""}`;
}
