/**
 * Currency conversion through the euro reference rates (1 EUR = rate × quote).
 * Pure: the rate table is passed in. A figure is converted at the rate of its
 * own year (or month, when a monthly rate exists); a year beyond the table uses
 * the latest rate and says so, rather than inventing one.
 */
export interface FxRateRow {
  quote: string;
  year: number;
  month: number | null;
  rate: number;
  sourceId: string;
}

export interface AppliedRate {
  pair: string;
  /** The period whose rate was used, e.g. "2024" or "2024-03". */
  period: string;
  rate: number;
  sourceId: string;
  /** True when the figure's own period had no rate and the nearest one was used. */
  substituted: boolean;
  note: string | null;
}

export interface Converted {
  value: number;
  rate: AppliedRate | null;
}

export class FxTable {
  private readonly byKey = new Map<string, FxRateRow>();
  private readonly years = new Map<string, number[]>();

  constructor(rows: FxRateRow[]) {
    for (const r of rows) {
      this.byKey.set(key(r.quote, r.year, r.month), r);
      if (r.month === null) {
        const ys = this.years.get(r.quote) ?? [];
        ys.push(r.year);
        this.years.set(
          r.quote,
          ys.sort((a, b) => a - b),
        );
      }
    }
  }

  /** The EUR→quote rate for a date, preferring the monthly, then the annual, then the nearest annual. */
  rateFor(quote: string, year: number, month: number): AppliedRate {
    const monthly = this.byKey.get(key(quote, year, month));
    if (monthly) return applied(monthly, false, null);
    const annual = this.byKey.get(key(quote, year, null));
    if (annual) return applied(annual, false, null);
    const years = this.years.get(quote);
    if (!years?.length) throw new Error(`No EUR/${quote} rate in the FX table`);
    const nearest = years.reduce((best, y) => (Math.abs(y - year) < Math.abs(best - year) ? y : best), years[0]);
    const row = this.byKey.get(key(quote, nearest, null))!;
    return applied(row, true, `No EUR/${quote} rate for ${year} in the table; the ${nearest} annual average was used.`);
  }

  /** Converts between EUR and one quote currency (or returns the amount unchanged). */
  convert(amount: number, from: string, to: string, date: Date): Converted {
    if (from === to) return { value: amount, rate: null };
    const year = date.getUTCFullYear();
    const month = date.getUTCMonth() + 1;
    if (from === "EUR") {
      const r = this.rateFor(to, year, month);
      return { value: amount * r.rate, rate: r };
    }
    if (to === "EUR") {
      const r = this.rateFor(from, year, month);
      return { value: amount / r.rate, rate: r };
    }
    // Cross rates go through the euro, as the ECB publishes them.
    const toEur = this.convert(amount, from, "EUR", date);
    const out = this.convert(toEur.value, "EUR", to, date);
    return { value: out.value, rate: out.rate };
  }
}

function key(quote: string, year: number, month: number | null): string {
  return `${quote}:${year}:${month ?? "A"}`;
}

function applied(r: FxRateRow, substituted: boolean, note: string | null): AppliedRate {
  return {
    pair: `EUR/${r.quote}`,
    period: r.month ? `${r.year}-${String(r.month).padStart(2, "0")}` : String(r.year),
    rate: r.rate,
    sourceId: r.sourceId,
    substituted,
    note,
  };
}

/** Distinct rates used across many conversions, for the response's `fx` block. */
export function distinctRates(rates: (AppliedRate | null)[]): AppliedRate[] {
  const seen = new Map<string, AppliedRate>();
  for (const r of rates) if (r) seen.set(`${r.pair}:${r.period}:${r.substituted}:${r.note}`, r);
  return [...seen.values()].sort((a, b) => a.period.localeCompare(b.period));
}

/** A sum of amounts in one currency and one calendar month (YYYYMM), as the database groups them. */
export interface AmountGroup {
  currency: string;
  periodMonth: number;
  amount: number;
}

/**
 * Converts grouped sums rather than single records: the rate is per year (or
 * month), so converting each month's sum gives the same figure as converting
 * every record, with a few hundred multiplications instead of a million.
 */
export function convertGroups<G extends AmountGroup>(table: FxTable, groups: G[], target: string): { rows: (G & { value: number })[]; rates: AppliedRate[] } {
  const used: (AppliedRate | null)[] = [];
  const rows = groups.map((g) => {
    const date = new Date(Date.UTC(Math.floor(g.periodMonth / 100), (g.periodMonth % 100) - 1, 1));
    const c = table.convert(g.amount, g.currency, target, date);
    used.push(c.rate);
    return { ...g, value: c.value };
  });
  return { rows, rates: distinctRates(used) };
}
