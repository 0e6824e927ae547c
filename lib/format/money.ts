/** Human figures: "€12.4 bn", "€850 m", "$60.2 bn". Amounts arrive in whole units. */
const SYMBOL: Record<string, string> = { EUR: "€", USD: "$" };

export function currencySymbol(currency: string): string {
  return SYMBOL[currency] ?? `${currency} `;
}

function trim(n: number, digits: number): string {
  return n.toLocaleString("en-GB", { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

export function formatMoney(value: number, currency: string, opts: { digits?: number } = {}): string {
  const sign = value < 0 ? "−" : "";
  const abs = Math.abs(value);
  const sym = currencySymbol(currency);
  if (abs === 0) return `${sym}0`;
  const digits = opts.digits;
  if (abs >= 1e9) return `${sign}${sym}${trim(abs / 1e9, digits ?? (abs >= 100e9 ? 0 : 1))} bn`;
  if (abs >= 1e6) return `${sign}${sym}${trim(abs / 1e6, digits ?? (abs >= 100e6 ? 0 : 1))} m`;
  if (abs >= 1e3) return `${sign}${sym}${trim(abs / 1e3, digits ?? 0)} k`;
  return `${sign}${sym}${trim(abs, 0)}`;
}

/** Short tick labels for axes: "€20 bn", "€500 m" — no decimals unless needed. */
export function formatAxisMoney(value: number, currency: string): string {
  return formatMoney(value, currency, { digits: Math.abs(value) < 1e9 && Math.abs(value) >= 1e6 ? 0 : 1 });
}

export function formatPercent(fraction: number, digits = 1): string {
  if (!Number.isFinite(fraction)) return "–";
  return `${(fraction * 100).toLocaleString("en-GB", { maximumFractionDigits: digits, minimumFractionDigits: digits })}%`;
}

export function formatSignedPercent(fraction: number): string {
  if (!Number.isFinite(fraction)) return "–";
  const s = formatPercent(Math.abs(fraction));
  return fraction > 0 ? `+${s}` : fraction < 0 ? `−${s}` : s;
}

export function formatCount(n: number): string {
  return n.toLocaleString("en-GB");
}
