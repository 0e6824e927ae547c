import { UCDP_DATE_PRECISIONS, UCDP_VIOLENCE_TYPES, UCDP_WHERE_PRECISIONS } from "./codebook";
import { classifyEvent } from "./classify";
import { parseEventDate } from "./dates";
import { CellReader, type FormatSpec, type ParsedEvent } from "./event";

/**
 * UCDP GED CSV (columns as in the GED codebook; the many other columns are
 * read past). Fatalities are `best`, UCDP's best estimate.
 *
 * An event coded over several days (date_start < date_end) is counted once, on
 * date_start, with all its fatalities, and counted as imprecise: spreading it
 * over its days would invent a distribution UCDP does not give, and counting it
 * on each day would multiply it. Its last day is kept (dayEnd) and shown.
 */
export const UCDP_REQUIRED = ["id", "type_of_violence", "side_a", "side_b", "country", "date_prec", "date_start", "date_end", "best"] as const;
export const UCDP_OPTIONAL = [
  "relid",
  "year",
  "active_year",
  "code_status",
  "conflict_new_id",
  "conflict_name",
  "dyad_new_id",
  "dyad_name",
  "side_a_new_id",
  "side_b_new_id",
  "number_of_sources",
  "source_article",
  "source_office",
  "source_date",
  "source_headline",
  "source_original",
  "where_prec",
  "where_coordinates",
  "where_description",
  "adm_1",
  "adm_2",
  "latitude",
  "longitude",
  "geom_wkt",
  "priogrid_gid",
  "country_id",
  "region",
  "event_clarity",
  "deaths_a",
  "deaths_b",
  "deaths_civilians",
  "deaths_unknown",
  "high",
  "low",
  "gwnoa",
  "gwnob",
] as const;

export function parseUcdpRow(cells: Record<string, string | undefined>): ParsedEvent {
  const r = new CellReader(cells);
  const sourceEventId = r.text("id", 64);
  const violence = r.int("type_of_violence", [1, 2, 3]);
  const sideA = r.text("side_a");
  const sideB = r.text("side_b");
  const country = r.text("country", 100);
  const datePrecision = r.int("date_prec", UCDP_DATE_PRECISIONS);
  const day = date(r, cells, "date_start");
  const dayEnd = date(r, cells, "date_end");
  if (day && dayEnd && dayEnd < day) r.issues.push({ column: "date_end", message: `${dayEnd} is before date_start ${day}` });
  const fatalities = r.int("best");
  const eventType = UCDP_VIOLENCE_TYPES[violence] ?? "";
  // Admin-1 names in GED carry a suffix ("Donetsk oblast"); kept as written: the two datasets are never summed.
  const admin1 = (cells.adm_1 ?? "").trim().slice(0, 200);
  const event = {
    sourceEventId,
    day: day ?? "",
    dayEnd: dayEnd ?? "",
    datePrecision,
    precise: datePrecision === 1 && day === dayEnd,
    country,
    admin1,
    admin2: r.optionalText("adm_2", 200),
    location: r.optionalText("where_coordinates", 200),
    latitude: r.coordinate("latitude", 90),
    longitude: r.coordinate("longitude", 180),
    geoPrecision: r.optionalInt("where_prec", UCDP_WHERE_PRECISIONS),
    eventType,
    subEventType: (cells.dyad_name ?? "").trim().slice(0, 200) || `${sideA} - ${sideB}`.slice(0, 200),
    actor1: sideA,
    actor2: sideB,
    fatalities,
    notes: r.optionalText("source_article"),
    source: r.optionalText("source_office", 2000),
    ...classifyEvent({ format: "ucdp", eventType, country, actors: [sideA, sideB] }),
  };
  return r.issues.length ? { ok: false, issues: r.issues } : { ok: true, event };
}

function date(r: CellReader, cells: Record<string, string | undefined>, column: string): string | null {
  const raw = (cells[column] ?? "").trim();
  const d = parseEventDate(raw);
  if (!d) r.issues.push({ column, message: raw ? `"${raw.slice(0, 40)}" is not a date (YYYY-MM-DD)` : "is empty" });
  return d;
}

export const UCDP_FORMAT: FormatSpec = { format: "ucdp", required: UCDP_REQUIRED, optional: UCDP_OPTIONAL, parse: parseUcdpRow };
