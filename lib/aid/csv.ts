import { stringify } from "csv-stringify/sync";
import type { AidContext, AidRecordDto } from "@/lib/aid/queries";
import { aidRecordId } from "@/lib/seed/load-seed";
import { joinSourceField, SOURCE_SEPARATOR } from "@/lib/import/aid/format";
import { CSV_SAFE_CAST } from "@/lib/export/csv-safe";

/**
 * A record's key inside its dataset. Record ids are aidRecordId(dataset, key),
 * so the key is the id without that prefix (the DTO does not carry it).
 */
function externalKeyOf(r: AidRecordDto): string {
  const prefix = aidRecordId(r.datasetId, "");
  return r.id.startsWith(prefix) ? r.id.slice(prefix.length) : "";
}

const SEPARATOR_CHAR = SOURCE_SEPARATOR.trim();
/** A publisher or title never contains the separator: "|" becomes "¦". */
const sourceText = (s: string) => s.replaceAll(SEPARATOR_CHAR, "¦");
/** A URL never contains it either: "|" is percent-encoded (the same URL). */
const sourceUrl = (s: string) => s.replaceAll(SEPARATOR_CHAR, "%7C");

/**
 * The records as CSV with their provenance. This is also the input format of
 * `npm run import:aid` (lib/import/aid/format.ts): several sources of a record
 * are joined by " | " in source_publishers, source_titles and source_urls,
 * matched by position; external_key is the record's key in its dataset.
 */
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
      source_publishers: joinSourceField(r.sources.map((s) => sourceText(s.publisher))),
      source_titles: joinSourceField(r.sources.map((s) => sourceText(s.title))),
      source_urls: joinSourceField(r.sources.map((s) => sourceUrl(s.url))),
      notes: r.notes ?? "",
      external_key: externalKeyOf(r),
    })),
    {
      header: true,
      cast: CSV_SAFE_CAST,
      columns: [
        "date",
        "granularity",
        "donor_code",
        "donor_name",
        "category",
        "subcategory",
        "measure",
        "amount",
        "currency",
        "value",
        "value_currency",
        "fx_rate",
        "dataset",
        "source_publishers",
        "source_titles",
        "source_urls",
        "notes",
        "external_key",
      ],
    },
  );
}

export function csvFilename(context: AidContext): string {
  const parts = [context.dataset.id, context.measure, context.currency, context.filters.from, context.filters.to].filter(Boolean);
  return `aid-records_${parts.join("_")}.csv`;
}
