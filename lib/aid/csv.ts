import { stringify } from "csv-stringify/sync";
import type { AidContext, AidRecordDto } from "@/lib/aid/queries";

/** The records as CSV with their provenance, one source column group per record. */
export function aidRecordsToCsv(context: AidContext, records: AidRecordDto[]): string {
  return stringify(
    records.map((r) => ({
      date: r.date,
      granularity: r.granularity,
      donor_code: r.donorCode,
      donor_name: r.donorName,
      category: r.category,
      subcategory: r.subcategory ?? "",
      measure: r.measure,
      amount: r.amount,
      currency: r.currency,
      value: r.value,
      value_currency: r.valueCurrency,
      fx_rate: r.fxRate ? `${r.fxRate.pair} ${r.fxRate.rate} (${r.fxRate.period})${r.fxRate.substituted ? " substituted" : ""}` : "",
      dataset: `${context.dataset.name}${context.dataset.asOf ? ` (as of ${context.dataset.asOf})` : ""}`,
      source_publishers: r.sources.map((s) => s.publisher).join(" | "),
      source_titles: r.sources.map((s) => s.title).join(" | "),
      source_urls: r.sources.map((s) => s.url).join(" | "),
      notes: r.notes ?? "",
    })),
    {
      header: true,
      columns: [
        "date", "granularity", "donor_code", "donor_name", "category", "subcategory", "measure", "amount", "currency",
        "value", "value_currency", "fx_rate", "dataset", "source_publishers", "source_titles", "source_urls", "notes",
      ],
    },
  );
}

export function csvFilename(context: AidContext): string {
  const parts = [context.dataset.id, context.measure, context.currency, context.filters.from, context.filters.to].filter(Boolean);
  return `aid-records_${parts.join("_")}.csv`;
}
