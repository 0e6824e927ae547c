/**
 * Ticks for a period axis that read at a glance on a fixed-size image: every
 * year's start when the span is long, half-years or quarters when it is short,
 * never more than `max` ticks. Periods are "2024", "2024-Q1" or "2024-03".
 */
export function periodTicks(periods: string[], max = 10): string[] {
  if (periods.length <= max) return periods;
  const monthOf = (p: string): number | null => {
    const m = /^\d{4}-(\d{2})$/.exec(p);
    if (m) return Number(m[1]);
    const q = /^\d{4}-Q([1-4])$/.exec(p);
    return q ? (Number(q[1]) - 1) * 3 + 1 : null;
  };
  for (const every of [3, 6, 12, 24, 36, 60]) {
    const ticks = periods.filter((p) => {
      const m = monthOf(p);
      if (m === null) return true;
      const index = Number(p.slice(0, 4)) * 12 + (m - 1);
      return index % every === 0;
    });
    if (ticks.length <= max && ticks.length >= 2) return ticks;
  }
  const step = Math.ceil(periods.length / max);
  return periods.filter((_, i) => i % step === 0);
}

/** Evenly spread day ticks for a date axis ("YYYY-MM-DD"): the first day of months, quarters or years. */
export function dayTicks(from: string, to: string, max = 8): string[] {
  const start = Number(from.slice(0, 4)) * 12 + Number(from.slice(5, 7)) - 1;
  const end = Number(to.slice(0, 4)) * 12 + Number(to.slice(5, 7)) - 1;
  for (const every of [1, 3, 6, 12, 24, 60]) {
    const ticks: string[] = [];
    for (let m = start; m <= end; m++) {
      if (m % every !== 0) continue;
      const iso = `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}-01`;
      if (iso >= from && iso <= to) ticks.push(iso);
    }
    if (ticks.length <= max) return ticks;
  }
  return [from, to];
}
