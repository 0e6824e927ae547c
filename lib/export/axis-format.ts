import { formatMoney } from "@/lib/format/money";

/**
 * A money tick formatter with as many decimals as the step between ticks
 * needs, so ticks never repeat ("€1.5 m" and "€2 m", not "€2 m" twice).
 */
export function moneyTickFormatter(ticks: number[], currency: string): (v: number) => string {
  const top = Math.max(...ticks.map(Math.abs), 0);
  const unit = top >= 1e9 ? 1e9 : top >= 1e6 ? 1e6 : top >= 1e3 ? 1e3 : 1;
  const steps = ticks
    .slice(1)
    .map((t, i) => Math.abs(t - ticks[i]))
    .filter((s) => s > 0);
  const step = steps.length ? Math.min(...steps) : unit;
  let digits = 0;
  while (digits < 3 && Math.abs(Math.round((step / unit) * 10 ** digits) - (step / unit) * 10 ** digits) > 1e-9) digits++;
  return (v: number) => formatMoney(v, currency, { digits: v === 0 ? 0 : digits });
}
