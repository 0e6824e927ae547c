import { ACLED_SUB_EVENT_TYPES, ACLED_TIME_PRECISIONS, type AcledEventType } from "./codebook";
import { classifyEvent } from "./classify";
import { parseEventDate } from "./dates";
import { CellReader, type FormatSpec, type ParsedEvent } from "./event";

/**
 * ACLED export CSV (columns as in ACLED's codebook). Older exports lack some
 * columns (disorder_type, civilian_targeting, tags, timestamp, iso, admin3,
 * source_scale…): only the ones this app needs are required.
 */
export const ACLED_REQUIRED = [
  "event_id_cnty",
  "event_date",
  "time_precision",
  "event_type",
  "sub_event_type",
  "actor1",
  "country",
  "admin1",
  "fatalities",
] as const;
export const ACLED_OPTIONAL = [
  "year",
  "disorder_type",
  "assoc_actor_1",
  "inter1",
  "actor2",
  "assoc_actor_2",
  "inter2",
  "interaction",
  "civilian_targeting",
  "iso",
  "region",
  "admin2",
  "admin3",
  "location",
  "latitude",
  "longitude",
  "geo_precision",
  "source",
  "source_scale",
  "notes",
  "tags",
  "timestamp",
] as const;

export function parseAcledRow(cells: Record<string, string | undefined>): ParsedEvent {
  const r = new CellReader(cells);
  const sourceEventId = r.text("event_id_cnty", 64);
  const rawDate = (cells.event_date ?? "").trim();
  const day = parseEventDate(rawDate);
  if (!day) r.issues.push({ column: "event_date", message: rawDate ? `"${rawDate.slice(0, 40)}" is not a date (YYYY-MM-DD or "16 May 2025")` : "is empty" });
  const datePrecision = r.int("time_precision", ACLED_TIME_PRECISIONS);
  const eventType = r.text("event_type", 100);
  const subEventType = r.text("sub_event_type", 100);
  if (eventType && !(eventType in ACLED_SUB_EVENT_TYPES)) {
    r.issues.push({ column: "event_type", message: `"${eventType}" is not an ACLED event type` });
  } else if (eventType && subEventType && !(ACLED_SUB_EVENT_TYPES[eventType as AcledEventType] as readonly string[]).includes(subEventType)) {
    r.issues.push({ column: "sub_event_type", message: `"${subEventType}" is not a sub-event type of "${eventType}"` });
  }
  const actor1 = r.text("actor1");
  const actor2 = r.optionalText("actor2", 500);
  const country = r.text("country", 100);
  const admin1 = (cells.admin1 ?? "").trim().slice(0, 200);
  const fatalities = r.int("fatalities");
  const event = {
    sourceEventId,
    day: day ?? "",
    dayEnd: day ?? "",
    datePrecision,
    precise: datePrecision === 1,
    country,
    admin1,
    admin2: r.optionalText("admin2", 200),
    location: r.optionalText("location", 200),
    latitude: r.coordinate("latitude", 90),
    longitude: r.coordinate("longitude", 180),
    geoPrecision: r.optionalInt("geo_precision", [1, 2, 3]),
    eventType,
    subEventType,
    actor1,
    actor2,
    fatalities,
    notes: r.optionalText("notes"),
    source: r.optionalText("source", 2000),
    ...classifyEvent({
      format: "acled",
      eventType,
      country,
      actors: [actor1, actor2, cells.assoc_actor_1, cells.assoc_actor_2],
    }),
  };
  return r.issues.length ? { ok: false, issues: r.issues } : { ok: true, event };
}

export const ACLED_FORMAT: FormatSpec = { format: "acled", required: ACLED_REQUIRED, optional: ACLED_OPTIONAL, parse: parseAcledRow };
