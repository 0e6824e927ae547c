/**
 * Generated API requests for the fuzz suite: query strings, path ids, JSON and
 * upload bodies, headers. Pure (fast-check only), shared by the handler-level
 * property tests (tests/fuzz/routes.fuzz.ts) and the HTTP run against the
 * production build (e2e/fuzz-http.spec.ts).
 */
import fc from "fast-check";
import { API_ROUTE_METHODS } from "@/lib/security/api-methods";
import {
  CATEGORIES,
  CHANNELS,
  CONFIDENCES,
  CURRENCIES,
  DEPLOYMENT_STATUSES,
  EVENT_TYPES,
  FORCE_TYPES,
  GRANULARITIES,
  MEASURES,
  SUBCATEGORIES,
} from "@/lib/domain/taxonomy";

/** A request before it is sent: placeholders for what only the sender knows (token, own origin). */
export interface FuzzRequest {
  /** The route as listed in API_ROUTE_METHODS, e.g. "/api/events/[id]". */
  route: string;
  method: string;
  /** The concrete path, its id segment percent-encoded (or deliberately broken). */
  path: string;
  /** The id the handler receives as its path parameter (item routes only). */
  id?: string;
  /** The raw query string, without "?". */
  query: string;
  auth: "valid" | "none" | { header: string };
  origin: "same" | "none" | string;
  contentType?: string;
  body?: string;
}

/** Ids the generator may name in paths and bodies; the rest it makes up. */
export interface FuzzIds {
  events: string[];
  deployments: string[];
  aidRecords: string[];
  sources: string[];
}

/** Reads a positive integer from the environment (FUZZ_SEED, FUZZ_RUNS, …). */
export function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got ${JSON.stringify(raw)}`);
  return n;
}

export const DEFAULT_FUZZ_SEED = 20261130;
export const fuzzSeed = () => envInt("FUZZ_SEED", DEFAULT_FUZZ_SEED);

/** Every (route, method) pair the API serves. */
export const ROUTE_METHODS: [string, string][] = Object.entries(API_ROUTE_METHODS).flatMap(([route, methods]) =>
  methods.map((m) => [route, m] as [string, string]),
);

// ---------------------------------------------------------------- strings

/** Percent-encodes what encodeURIComponent can; a lone surrogate goes raw. */
function encode(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return s;
  }
}

const NASTY_STRINGS = [
  "",
  " ",
  "  \t ",
  "0",
  "-1",
  "-0",
  "1.5",
  "1e309",
  "-1e309",
  "NaN",
  "Infinity",
  "0x1F",
  "0b1",
  "1_000",
  "9007199254740993",
  "99999999999999999999",
  "true",
  "false",
  "null",
  "undefined",
  "[]",
  "{}",
  "[object Object]",
  "%",
  "_",
  "%_%",
  "%%",
  "\\",
  "\\%",
  "'",
  '"',
  "`",
  "' OR '1'='1",
  "1; DROP TABLE Event; --",
  '" OR ""="',
  "') UNION SELECT name FROM sqlite_master --",
  "$1",
  "?",
  "*",
  "NULL",
  "\u0000",
  "a\u0000b",
  "\uFFFD",
  "\uFEFF",
  "\u202E",
  "😀",
  "👩‍👩‍👧",
  "ü",
  "İ",
  "ß",
  "ﬀ",
  "ǅ",
  "Ⅻ",
  "a\nb",
  "a\r\nb",
  "<script>alert(1)</script>",
  "../../etc/passwd",
  "/etc/passwd",
  "C:\\Windows",
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  ",",
  ",,,",
  " , ",
  "a,,b",
  "DEU,",
  ",DEU",
];

const ODD_DATES = [
  "2024-02-30",
  "2023-02-29",
  "2024-13-01",
  "2024-00-10",
  "2024-01-00",
  "2024-01-32",
  "0000-00-00",
  "0001-01-01",
  "1989-12-31",
  "1990-01-01",
  "2100-12-31",
  "2101-01-01",
  "9999-12-31",
  "+002024-01-01",
  "-002024-01-01",
  "2024-1-1",
  "2024-01-01T00:00:00Z",
  "2024-01-01 ",
  " 2024-01-01",
  "20240101",
  "2024/01/01",
  "01.01.2024",
  "2024-W01",
  "２０２４-０１-０１",
  "٢٠٢٤-٠١-٠١",
];

const arbIsoDate = fc
  .date({ min: new Date("1985-01-01T00:00:00Z"), max: new Date("2105-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
/** Dates where the data is. */
const arbNearDate = fc
  .date({ min: new Date("2021-06-01T00:00:00Z"), max: new Date("2026-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const arbDate = fc.oneof({ weight: 3, arbitrary: arbNearDate }, { weight: 2, arbitrary: arbIsoDate }, { weight: 2, arbitrary: fc.constantFrom(...ODD_DATES) });

const arbShortText = fc.oneof(fc.string({ maxLength: 12 }), fc.string({ unit: "binary", maxLength: 12 }), fc.string({ unit: "grapheme", maxLength: 6 }));

/** Anything a string parameter could carry. */
const arbJunkString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 3, arbitrary: arbShortText },
  { weight: 1, arbitrary: fc.string({ unit: "binary", minLength: 40, maxLength: 300 }) },
  { weight: 1, arbitrary: fc.integer({ min: 50, max: 6000 }).map((n) => "x".repeat(n)) },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n })).map(String) },
  { weight: 1, arbitrary: fc.constantFrom(...ODD_DATES) },
);

/** A comma-separated list: a few items, or hundreds (the APIs allow at most 100 distinct). */
function arbList(item: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.array(item, { minLength: 1, maxLength: 4 }).map((l) => l.join(",")) },
    { weight: 1, arbitrary: fc.array(item, { minLength: 90, maxLength: 400 }).map((l) => l.join(",")) },
    { weight: 1, arbitrary: fc.array(fc.oneof(item, arbJunkString), { minLength: 1, maxLength: 6 }).map((l) => l.join(",")) },
  );
}

const DONOR_CODES = ["DEU", "USA", "GBR", "FRA", "POL", "NLD", "EU", "EUI", "deu", "usa", "XX", "ZZZ", "ABCDE", "ABCDEF", "D", "d-e"];
const arbDonorCode = fc.oneof(fc.constantFrom(...DONOR_CODES), fc.stringMatching(/^[A-Za-z0-9]{2,5}$/));
const arbCountry = fc.oneof(fc.constantFrom("RUS", "UKR", "PRK", "BLR", "IRN", "USA", "rus", "XXX", "RU", "RUSS"), fc.stringMatching(/^[A-Z]{3}$/));
const arbActor = fc.oneof(fc.constantFrom("RUS", "UKR", "USA", "NATO", "PRK", "EU", "ru", "x".repeat(41)), arbShortText);

/** Values that pass a parameter's own rule, so that requests reach the queries behind the parser. */
const VALID_QUERY_VALUES: Record<string, fc.Arbitrary<string>> = {
  dataset: fc.constantFrom("curated", "kiel-r29", "kiel", "analyst", "no-such-dataset", "acled", "ucdp"),
  donor: arbList(arbDonorCode),
  category: arbList(fc.constantFrom(...CATEGORIES)),
  subcategory: arbList(fc.constantFrom(...SUBCATEGORIES)),
  measure: fc.constantFrom(...MEASURES),
  from: arbDate,
  to: arbDate,
  date: arbDate,
  currency: fc.constantFrom(...CURRENCIES, "usd", "GBP"),
  granularity: fc.constantFrom("month", "quarter", "year", "day", "week"),
  page: fc.oneof(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 2 ** 31 })).map(String),
  pageSize: fc.oneof(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1001, max: 10 ** 9 })).map(String),
  format: fc.constantFrom("json", "csv", "CSV", "xml"),
  sort: fc.constantFrom("date", "-date", "donor", "-donor", "category", "-category", "amount", "-amount", "--date", "id"),
  type: arbList(fc.constantFrom(...EVENT_TYPES)),
  confidence: arbList(fc.constantFrom(...CONFIDENCES)),
  actor: arbList(arbActor),
  country: arbList(arbCountry),
  status: arbList(fc.constantFrom(...DEPLOYMENT_STATUSES)),
  halfLife: fc.oneof(fc.integer({ min: 0, max: 400 }), fc.double({ min: 0, max: 400, noNaN: true })).map(String),
  subindex: arbList(fc.constantFrom(...CHANNELS)),
  name: arbShortText,
  replace: fc.constantFrom("true", "false"),
  dryRun: fc.constantFrom("true", "false"),
  admin1: arbList(fc.constantFrom("Donetsk", "Kursk", "Kyiv City", "Donetsk oblast", "%", "_")),
  limit: fc.oneof(fc.integer({ min: 1, max: 50 }), fc.integer({ min: -5, max: 10 ** 6 })).map(String),
};
const QUERY_KEYS = Object.keys(VALID_QUERY_VALUES);

const BROKEN_PERCENT = ["%", "%F", "%FF", "%E0%A4%A", "%zz", "%00", "%C0%AF", "%ED%A0%80", "%F4%90%80%80", "%%32%30"];

const AID_FILTER_KEYS = ["dataset", "donor", "category", "subcategory", "measure", "from", "to", "currency"];
/** The parameters each route reads; the others are sent too, less often. */
const ROUTE_QUERY_KEYS: Record<string, string[]> = {
  "/api/aid/records": [...AID_FILTER_KEYS, "page", "pageSize", "format", "sort"],
  "/api/aid/summary": AID_FILTER_KEYS,
  "/api/aid/timeseries": [...AID_FILTER_KEYS, "granularity"],
  "/api/weapons": ["dataset", "donor"],
  "/api/events": ["from", "to", "type", "confidence", "actor", "page", "pageSize"],
  "/api/deployments": ["from", "to", "country", "status", "page", "pageSize"],
  "/api/escalation": ["from", "to", "halfLife", "subindex"],
  "/api/escalation/explain": ["date", "halfLife"],
  "/api/imports": ["page", "pageSize"],
  "/api/imports/aid": ["dataset", "name", "replace", "dryRun"],
  "/api/conflict/daily": ["from", "to", "dataset", "country", "admin1", "type"],
  "/api/conflict/regions": ["from", "to", "dataset", "country", "type"],
  "/api/conflict/explain": ["date", "dataset", "limit"],
  "/api/imports/events": ["format", "dryRun"],
  "/api/drafts": ["status"],
  "/api/audit": ["user", "entity", "entityId", "from", "to", "page", "pageSize"],
  "/api/admin/tokens": ["id"],
};

/** One `key=value` pair, encoded properly, sent raw, or with broken percent-encoding. */
const arbQueryPair = (own: string[]): fc.Arbitrary<string> =>
  fc
    .oneof(
      { weight: own.length ? 12 : 1, arbitrary: fc.constantFrom(...(own.length ? own : QUERY_KEYS)) },
      { weight: 4, arbitrary: fc.constantFrom(...QUERY_KEYS) },
      { weight: 1, arbitrary: fc.constantFrom("__proto__", "constructor", "a[]", "donor[]", "", "DONOR", "page ") },
      { weight: 1, arbitrary: arbShortText },
    )
    .chain((key) =>
      fc.tuple(
        fc.constant(key),
        fc.oneof(
          { weight: 3, arbitrary: Object.hasOwn(VALID_QUERY_VALUES, key) ? VALID_QUERY_VALUES[key] : arbJunkString },
          { weight: 2, arbitrary: arbJunkString },
        ),
        fc.constantFrom("encoded", "encoded", "encoded", "raw", "broken", "bare"),
        fc.constantFrom(...BROKEN_PERCENT),
      ),
    )
    .map(([key, value, how, broken]) => {
      const k = encode(key);
      if (how === "bare") return k;
      if (how === "raw") return `${k}=${value.replace(/[&#]/g, encode)}`;
      if (how === "broken") return `${k}=${encode(value)}${broken}`;
      return `${k}=${encode(value)}`;
    });

/** A query string for `route`: mostly its own parameters, with good, odd and broken values. */
export const arbQuery = (route: string): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 1, arbitrary: fc.constant("") },
    { weight: 8, arbitrary: fc.array(arbQueryPair(ROUTE_QUERY_KEYS[route] ?? []), { minLength: 1, maxLength: 6 }).map((pairs) => pairs.join("&")) },
    { weight: 1, arbitrary: fc.constantFrom("&&&", "=", "==", "&=&", "%", "%FF=%FF", "a=1&a=2&a=3", "?", "#") },
  );

// ---------------------------------------------------------------- path ids

/** The id in an item route's path: stored ids, made-up ones, and ids no route can name. */
function arbItemId(stored: string[]): fc.Arbitrary<{ id: string; segment: string }> {
  const plain = fc.oneof(
    { weight: 4, arbitrary: stored.length ? fc.constantFrom(...stored) : fc.stringMatching(/^[a-z0-9-]{3,20}$/) },
    { weight: 2, arbitrary: fc.stringMatching(/^[a-z0-9][a-z0-9-]{2,40}$/) },
    { weight: 2, arbitrary: arbJunkString },
    { weight: 1, arbitrary: fc.integer({ min: 190, max: 260 }).map((n) => "a".repeat(n)) },
    { weight: 1, arbitrary: fc.constantFrom(".", "..", "a/b", "a?b", "a#b", "a%2Fb", "%", "%25", "%FF", "null", "0") },
  );
  return fc.oneof(
    { weight: 9, arbitrary: plain.map((id) => ({ id, segment: encode(id) })) },
    // Broken encodings never reach a handler over HTTP (the proxy answers); a handler given one sees it undecoded.
    { weight: 1, arbitrary: fc.constantFrom(...BROKEN_PERCENT).map((s) => ({ id: s, segment: `a${s}` })) },
  );
}

// ---------------------------------------------------------------- JSON bodies

const OMIT = Symbol("omit");

/** Values of the wrong type, out of range, or deeply nested. */
const arbJunkJson: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom<unknown>(
      null,
      true,
      false,
      0,
      -1,
      1e308,
      -1e308,
      1e13 + 1,
      5e-324,
      2 ** 53 + 2,
      -0,
      0.5,
      3,
      -3,
      11,
      1e7 + 1,
      [],
      {},
      [null],
      [[]],
      { a: 1 },
    ),
  },
  { weight: 3, arbitrary: arbJunkString },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.maxSafeInteger()) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.integer({ min: 51, max: 300 }).map((n) => Array.from({ length: n }, (_, i) => `src-${i}`)) },
  { weight: 1, arbitrary: fc.integer({ min: 10, max: 400 }).map((n) => JSON.parse("[".repeat(n) + "]".repeat(n)) as unknown) },
);

/** A body field: values its schema accepts, and values of the right type it refuses (beyond generic junk). */
interface FieldSpec {
  valid: fc.Arbitrary<unknown>;
  invalid?: fc.Arbitrary<unknown>;
  /** May be left out of a valid body. */
  optional?: boolean;
}

function withoutOmitted(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== OMIT));
}

/** A field's value in a valid body: an accepted value, or absent when the field is optional. */
const validValue = (f: FieldSpec): fc.Arbitrary<unknown> =>
  f.optional ? fc.oneof({ weight: 3, arbitrary: f.valid }, { weight: 1, arbitrary: fc.constant(OMIT) }) : f.valid;

/** A field's value when anything goes: accepted, refused for its own rule, absent, or junk of any type. */
const anyValue = (f: FieldSpec): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 6, arbitrary: f.valid },
    { weight: 2, arbitrary: f.invalid ?? arbJunkJson },
    { weight: 1, arbitrary: fc.constant(OMIT) },
    { weight: 2, arbitrary: arbJunkJson },
  );

/**
 * Bodies of one shape: valid ones (which reach the database), one field
 * broken, every field perhaps broken, extra keys, or any JSON value at all.
 */
function arbObjectBody(spec: Record<string, FieldSpec>): fc.Arbitrary<unknown> {
  const keys = Object.keys(spec);
  const valid = fc.record(Object.fromEntries(keys.map((k) => [k, validValue(spec[k])]))).map(withoutOmitted);
  const oneBroken = fc
    .tuple(valid, fc.constantFrom(...keys))
    .chain(([body, k]) => fc.oneof(fc.constant(OMIT), spec[k].invalid ?? arbJunkJson, arbJunkJson).map((v) => withoutOmitted({ ...body, [k]: v })));
  const extras = fc.dictionary(
    fc.oneof(fc.constantFrom("__proto__", "constructor", "id", "createdAt", "datasetId"), fc.string({ maxLength: 8 })),
    arbJunkJson,
    { maxKeys: 3 },
  );
  return fc.oneof(
    { weight: 4, arbitrary: valid },
    { weight: 4, arbitrary: oneBroken },
    { weight: 2, arbitrary: fc.record(Object.fromEntries(keys.map((k) => [k, anyValue(spec[k])]))).map(withoutOmitted) },
    { weight: 1, arbitrary: fc.tuple(valid, extras).map(([v, e]) => ({ ...v, ...e })) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  );
}

/** Every field optional (a PATCH body). */
const allOptional = (spec: Record<string, FieldSpec>) => Object.fromEntries(Object.entries(spec).map(([k, f]) => [k, { ...f, optional: true }]));

const arbSlug = (prefix: string) => fc.stringMatching(/^[a-z0-9]{6,12}$/).map((s) => `${prefix}-${s}`);
const arbValidDate = fc.oneof({ weight: 3, arbitrary: arbNearDate }, { weight: 1, arbitrary: fc.constantFrom("1990-01-01", "2100-12-31", "2024-02-29") });
const arbInvalidDate = fc.oneof(fc.constantFrom(...ODD_DATES.filter((d) => !["1990-01-01", "2100-12-31"].includes(d))), arbShortText);

const arbSourceRef = (ids: FuzzIds): fc.Arbitrary<unknown> => {
  const inline = arbObjectBody({
    publisher: { valid: fc.constantFrom("Fuzz Ministry", " Ministry ", "Ü"), invalid: fc.constantFrom("", "   ", "p".repeat(201)) },
    title: { valid: fc.constantFrom("Fuzz package", "T"), invalid: fc.constantFrom("", "t".repeat(501)) },
    url: {
      valid: fc.oneof(
        fc.constant("https://example.org/fuzz"),
        fc.webUrl({ validSchemes: ["https", "http"] }).filter((u) => u.length <= 2000),
      ),
      invalid: fc.constantFrom(
        "javascript:alert(1)",
        "ftp://example.org/x",
        "http://",
        "https://ex ample.org",
        `https://example.org/${"a".repeat(2100)}`,
        "//example.org",
        "mailto:x@example.org",
      ),
    },
    publishedAt: { valid: fc.oneof(arbValidDate, fc.constant(null)), invalid: arbInvalidDate, optional: true },
    id: { valid: arbSlug("src-fuzz"), invalid: fc.constantFrom("Src", "-a", "ab", "a".repeat(82)), optional: true },
    retrievedAt: { valid: arbValidDate, invalid: arbInvalidDate, optional: true },
    releaseLabel: { valid: fc.oneof(arbShortText, fc.constant(null)), invalid: fc.constant("r".repeat(201)), optional: true },
  });
  return fc.oneof(
    { weight: 3, arbitrary: ids.sources.length ? fc.constantFrom(...ids.sources) : fc.constant("https://example.org/fuzz") },
    { weight: 3, arbitrary: inline },
    { weight: 1, arbitrary: fc.oneof(arbJunkJson, fc.constantFrom("no-such-source", "", "s".repeat(201))) },
  );
};

const sourcesSpec = (ids: FuzzIds): FieldSpec => ({
  valid: fc.array(arbSourceRef(ids), { minLength: 1, maxLength: 3 }),
  invalid: fc.oneof(fc.constant([]), fc.array(fc.constant(ids.sources[0] ?? "x"), { minLength: 51, maxLength: 55 })),
});

function arbAidRecordBody(ids: FuzzIds, patch: boolean): fc.Arbitrary<unknown> {
  const spec: Record<string, FieldSpec> = {
    donorCode: { valid: fc.constantFrom("DEU", "USA", "GBR", "FRA", "POL", "deu"), invalid: fc.oneof(arbDonorCode, fc.constantFrom("D", "ABCDEF", "d-e")) },
    date: { valid: arbValidDate, invalid: arbInvalidDate },
    granularity: { valid: fc.constantFrom(...GRANULARITIES), invalid: fc.constantFrom("year", "DAY", ""), optional: true },
    category: { valid: fc.constantFrom(...CATEGORIES), invalid: fc.constantFrom("Military", "other", "") },
    subcategory: { valid: fc.oneof(fc.constantFrom(...SUBCATEGORIES), fc.constant(null)), invalid: fc.constantFrom("x", ""), optional: true },
    measure: { valid: fc.constantFrom(...MEASURES), invalid: fc.constantFrom("allocations", "") },
    amount: {
      valid: fc.oneof(fc.integer({ min: 1, max: 1e9 }), fc.double({ min: 1e-6, max: 1e13, noNaN: true }), fc.constant(1e13)),
      invalid: fc.constantFrom(0, -1, 1e13 + 1, 1e308, -0, "1000", null),
    },
    currency: { valid: fc.constantFrom(...CURRENCIES), invalid: fc.constantFrom("GBP", "eur", "") },
    notes: { valid: fc.oneof(arbShortText, fc.constant(null)), invalid: fc.constant("n".repeat(2001)), optional: true },
    sources: sourcesSpec(ids),
  };
  if (patch) return arbObjectBody(allOptional(spec));
  return arbObjectBody({
    ...spec,
    granularity: { ...spec.granularity, optional: true },
    datasetId: { valid: fc.constant("analyst"), invalid: fc.constantFrom("curated-x", "kiel-r29", "no-such-dataset", "", "x".repeat(101)), optional: true },
    externalKey: { valid: arbSlug("fuzz-key"), invalid: fc.constantFrom("", "k".repeat(201)), optional: true },
  });
}

function arbEventBody(ids: FuzzIds, patch: boolean): fc.Arbitrary<unknown> {
  // Severity and type must agree (negative for de_escalation only): a valid body picks them together.
  const spec: Record<string, FieldSpec> = {
    date: { valid: arbValidDate, invalid: arbInvalidDate },
    title: {
      valid: fc.oneof(
        fc.constant("Fuzz event"),
        arbShortText.filter((s) => s.trim().length > 0),
      ),
      invalid: fc.constantFrom("", "   ", "t".repeat(301)),
    },
    summary: { valid: fc.constant("Generated by the fuzz suite"), invalid: fc.constantFrom("", "s".repeat(3001)) },
    actors: {
      valid: fc.array(fc.constantFrom("RUS", "UKR", "USA", "NATO", "PRK"), { maxLength: 4 }),
      invalid: fc.oneof(fc.constant([""]), fc.array(fc.constant("RUS"), { minLength: 51, maxLength: 60 }), fc.constant(["x".repeat(41)])),
      optional: !patch,
    },
    type: { valid: fc.constantFrom(...EVENT_TYPES.filter((t) => t !== "de_escalation")), invalid: fc.constantFrom("de_escalation", "nuclear", "") },
    severity: { valid: fc.integer({ min: 1, max: 10 }), invalid: fc.constantFrom(0, -1, -6, 11, 2.5, "3") },
    confidence: { valid: fc.constantFrom(...CONFIDENCES), invalid: fc.constantFrom("certain", "") },
    sources: sourcesSpec(ids),
  };
  if (patch) return arbObjectBody(allOptional(spec));
  return arbObjectBody({
    ...spec,
    id: { valid: arbSlug("fuzz-event"), invalid: fc.constantFrom("ab", "Fuzz", "-x", "a".repeat(122), ...ids.events.slice(0, 2)), optional: true },
  });
}

function arbDeploymentBody(ids: FuzzIds, patch: boolean): fc.Arbitrary<unknown> {
  const low = fc.integer({ min: 0, max: 5000 });
  const spec: Record<string, FieldSpec> = {
    date: { valid: arbValidDate, invalid: arbInvalidDate },
    deployingCountry: { valid: fc.constantFrom("PRK", "RUS", "blr"), invalid: fc.constantFrom("RU", "RUSS", "R1S", "") },
    hostCountry: { valid: fc.constantFrom("RUS", "UKR"), invalid: fc.constantFrom("UA", "") },
    location: { valid: fc.constantFrom("Kursk oblast", "Ü"), invalid: fc.constantFrom("", " ", "l".repeat(201)) },
    forceType: { valid: fc.constantFrom(...FORCE_TYPES), invalid: fc.constantFrom("army", "") },
    personnelLow: { valid: fc.oneof(low, fc.constant(null)), invalid: fc.constantFrom(-1, 1.5, 10_000_001, 9_999_999), optional: true },
    personnelHigh: {
      valid: fc.oneof(fc.integer({ min: 5000, max: 10_000_000 }), fc.constant(null)),
      invalid: fc.constantFrom(-1, 10_000_001, 0),
      optional: true,
    },
    status: { valid: fc.constantFrom(...DEPLOYMENT_STATUSES), invalid: fc.constantFrom("rumoured", "") },
    notes: { valid: fc.oneof(arbShortText, fc.constant(null)), invalid: fc.constant("n".repeat(3001)), optional: true },
    sources: sourcesSpec(ids),
  };
  if (patch) return arbObjectBody(allOptional(spec));
  return arbObjectBody({ ...spec, id: { valid: arbSlug("fuzz-deployment"), invalid: fc.constantFrom("ab", ...ids.deployments.slice(0, 2)), optional: true } });
}

const OVERSIZED_JSON = JSON.stringify({ notes: "x".repeat(1024 * 1024 + 10) });

/** Bodies that are not JSON, or JSON no schema wants. */
const arbRawBody: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom(
      "",
      "{",
      "}",
      "[1,]",
      "{'a':1}",
      "NaN",
      "\u0000",
      "\uFEFF{}",
      "null",
      "[]",
      '"str"',
      "1e999",
      "-0",
      '{"a":1}{"b":2}',
      '{"__proto__":{"polluted":1}}',
      '{"constructor":{"prototype":{"x":1}}}',
      "[".repeat(3000) + "]".repeat(3000),
      "[".repeat(20000),
      '{"a":' + "1".repeat(400) + "}",
      "\xff\xfe",
      "true",
    ),
  },
  { weight: 3, arbitrary: fc.string({ unit: "binary", maxLength: 60 }) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v) ?? "null") },
  { weight: 1, arbitrary: fc.constant(OVERSIZED_JSON) },
);

function arbJsonRequestBody(body: fc.Arbitrary<unknown>): fc.Arbitrary<{ contentType?: string; body?: string }> {
  return fc
    .tuple(
      fc.oneof(
        { weight: 6, arbitrary: body.map((b) => JSON.stringify(b) ?? "null") },
        { weight: 2, arbitrary: arbRawBody },
        { weight: 1, arbitrary: fc.constant(undefined) },
      ),
      fc.constantFrom<string | undefined>(
        "application/json",
        "application/json",
        "application/json",
        "text/plain",
        undefined,
        "application/json; charset=latin1",
        "multipart/form-data; boundary=x",
      ),
    )
    .map(([b, contentType]) => ({ body: b, contentType }));
}

// ---------------------------------------------------------------- the analysts' workspace

const ROLE_VALUES = ["viewer", "editor", "reviewer", "admin"];
const arbRole = fc.constantFrom(...ROLE_VALUES);
const arbUuidish = fc.oneof(fc.uuid(), fc.stringMatching(/^[a-z0-9-]{1,40}$/));
const arbComment = fc.oneof(fc.constant(OMIT), arbShortText);

function arbWorkspaceBody(route: string, method: string, ids: FuzzIds): fc.Arbitrary<unknown> {
  if (route === "/api/auth/sign-in/email") {
    return arbObjectBody({
      email: { valid: fc.constantFrom("nobody@example.org", "admin@example.org"), invalid: arbShortText },
      password: { valid: fc.constantFrom("a wrong password", "x".repeat(12)), invalid: fc.constantFrom("", "x".repeat(300)) },
    });
  }
  if (route === "/api/drafts/decide") {
    return arbObjectBody({
      decision: { valid: fc.constantFrom("publish", "reject"), invalid: arbShortText },
      id: { valid: arbUuidish },
      comment: { valid: arbComment, optional: true },
    });
  }
  if (route === "/api/drafts/preview") return arbEventBody(ids, false);
  if (route === "/api/audit/revert") return arbObjectBody({ id: { valid: arbUuidish }, comment: { valid: arbComment, optional: true } });
  if (route === "/api/admin/users" && method === "PATCH")
    return arbObjectBody({ id: { valid: arbUuidish }, role: { valid: arbRole, invalid: fc.constantFrom("root", "ADMIN", "") } });
  if (route === "/api/admin/users") {
    return arbObjectBody({
      email: { valid: fc.stringMatching(/^[a-z]{4,10}$/).map((u) => `fuzz-${u}@example.org`), invalid: arbShortText },
      role: { valid: arbRole, invalid: fc.constantFrom("root", "ADMIN", "") },
      password: { valid: fc.constant("a long enough fuzz password"), invalid: fc.constantFrom("short", "x".repeat(300)) },
      name: { valid: fc.constantFrom("Fuzz Analyst", OMIT), optional: true },
    });
  }
  if (route === "/api/admin/tokens") {
    return arbObjectBody({
      label: { valid: fc.stringMatching(/^[a-z ]{1,20}$/).map((l) => `fuzz ${l}`), invalid: fc.constantFrom("", "x".repeat(300)) },
      role: { valid: arbRole, invalid: fc.constantFrom("root", "") },
      expiresOn: { valid: fc.constantFrom(OMIT, "2099-12-31"), invalid: arbInvalidDate, optional: true },
    });
  }
  return fc.constant({});
}

// ---------------------------------------------------------------- uploads

const KIEL_HEADER = '"country","iso","year","month","total","financial","humanitarian","military","commitments","to_be_allocated","gdp","pct_gdp"';
const AID_HEADER = "date,donor_code,category,measure,amount,currency,source_urls,source_publishers,subcategory,granularity,source_titles,notes,external_key";

const arbCell = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      "",
      "0",
      "-1",
      "1e309",
      "NaN",
      "2024",
      "13",
      "DEU",
      "Germany",
      "military",
      "2024-05-01",
      "EUR",
      "https://example.org/x",
      '"',
      '""',
      '"a,b"',
      "=1+1",
      "@SUM(A1)",
    ),
  },
  { weight: 2, arbitrary: fc.oneof(fc.integer({ min: 1990, max: 2030 }), fc.double({ noNaN: true })).map(String) },
  { weight: 1, arbitrary: arbShortText },
);
const arbCsvRows = (columns: number) =>
  fc.array(
    fc.array(arbCell, { minLength: Math.max(0, columns - 2), maxLength: columns + 1 }).map((cells) => cells.join(",")),
    { maxLength: 5 },
  );

const arbKielCsv = fc
  .tuple(fc.oneof({ weight: 4, arbitrary: fc.constant(KIEL_HEADER) }, { weight: 1, arbitrary: arbShortText }), arbCsvRows(12))
  .map(([h, rows]) => [h, ...rows].join("\n"));
const arbAidRow = fc
  .tuple(
    arbNearDate,
    arbDonorCode,
    fc.constantFrom(...CATEGORIES, "x"),
    fc.constantFrom(...MEASURES),
    fc.oneof(fc.integer({ min: -5, max: 1e9 }).map(String), arbCell),
    fc.constantFrom("EUR", "USD", "GBP"),
  )
  .map((cells) => `${cells.join(",")},https://example.org/fuzz,Fuzz Ministry,,day,,,`);
const arbAidCsv = fc
  .tuple(
    fc.oneof(
      { weight: 4, arbitrary: fc.constant(AID_HEADER) },
      { weight: 1, arbitrary: fc.constantFrom("date,donor_code", "", "\uFEFF" + AID_HEADER) },
      { weight: 1, arbitrary: arbShortText },
    ),
    fc.oneof(fc.array(arbAidRow, { maxLength: 4 }), arbCsvRows(13)),
  )
  .map(([h, rows]) => [h, ...rows].join("\n"));

interface Part {
  name: string;
  filename?: string;
  content: string;
}

function multipart(boundary: string, parts: Part[]): string {
  const out = parts.map(
    (p) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"${p.filename !== undefined ? `; filename="${p.filename}"\r\nContent-Type: text/csv` : ""}\r\n\r\n${p.content}\r\n`,
  );
  return `${out.join("")}--${boundary}--\r\n`;
}

/** A multipart form around generated parts, perhaps with a wrong boundary, cut short, or no form at all. */
function arbMultipart(parts: fc.Arbitrary<Part[]>): fc.Arbitrary<{ contentType?: string; body?: string }> {
  return fc
    .tuple(parts, fc.constantFrom("ok", "ok", "ok", "ok", "wrong-boundary", "no-boundary", "truncated", "json", "none"), fc.nat(200))
    .map(([ps, how, cut]) => {
      const body = multipart("fuzzBOUNDARY", ps);
      if (how === "wrong-boundary") return { contentType: "multipart/form-data; boundary=other", body };
      if (how === "no-boundary") return { contentType: "multipart/form-data", body };
      if (how === "truncated") return { contentType: "multipart/form-data; boundary=fuzzBOUNDARY", body: body.slice(0, cut) };
      if (how === "json") return { contentType: "application/json", body: "{}" };
      if (how === "none") return { contentType: undefined, body: undefined };
      return { contentType: "multipart/form-data; boundary=fuzzBOUNDARY", body };
    });
}

const arbFlagValue = fc.oneof(fc.constantFrom("true", "false", "TRUE", "1", "yes", ""), arbShortText);

function arbKielUpload(dryRunOnly: boolean): fc.Arbitrary<{ contentType?: string; body?: string }> {
  const field = (name: string, value: fc.Arbitrary<string>) =>
    fc.oneof(
      fc.constant(null),
      value.map((content): Part => ({ name, content })),
    );
  const file = (name: string, content: fc.Arbitrary<string>) =>
    fc.oneof(
      fc.constant(null),
      fc.tuple(content, fc.constantFrom("data_explorer.csv", "x.csv", "", "../../x.csv")).map(([c, filename]): Part => ({ name, filename, content: c })),
    );
  const parts = fc
    .tuple(
      fc.oneof({ weight: 4, arbitrary: file("dataExplorer", arbKielCsv) }, { weight: 1, arbitrary: field("dataExplorer", arbShortText) }),
      file("weapons", fc.oneof(fc.constant('"donor","category","number_of_weapons","monetary_value_eur","weapons_list"'), arbShortText)),
      file("releaseInfo", fc.oneof(fc.constant('"release","period","date","label"\n"99","13/2030","2030-02-30","x"'), arbShortText)),
      field("release", arbJunkString),
      field("published", arbDate),
      dryRunOnly ? fc.constant({ name: "dryRun", content: "true" }) : field("dryRun", arbFlagValue),
      field("allowShrink", arbFlagValue),
      field("allowOlder", arbFlagValue),
      fc.oneof(
        { weight: 4, arbitrary: fc.constant(null) },
        { weight: 1, arbitrary: fc.tuple(arbShortText, arbShortText).map(([name, content]): Part => ({ name, content })) },
      ),
    )
    .map((ps) => ps.filter((p): p is Part => p !== null));
  return arbMultipart(parts);
}

function arbAidUpload(dryRunOnly: boolean): fc.Arbitrary<{ query: string; contentType?: string; body?: string }> {
  const fields = fc.record({
    dataset: fc.oneof(fc.constantFrom("fuzz-dataset", "analyst", "curated", "kiel-r29", "", "A B", "x".repeat(101)), arbJunkString),
    name: fc.oneof(fc.constant(undefined), arbShortText),
    replace: fc.oneof(fc.constant(undefined), arbFlagValue),
    dryRun: dryRunOnly ? fc.constant("true") : fc.oneof(fc.constant(undefined), arbFlagValue),
    extra: fc.oneof({ weight: 5, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arbShortText }),
  });
  const pairs = (f: Record<string, string | undefined>) => Object.entries(f).filter((e): e is [string, string] => e[1] !== undefined);
  const raw = fc.tuple(fields, arbAidCsv, fc.constantFrom("text/csv", "text/csv; charset=utf-8", "TEXT/CSV")).map(([f, csv, contentType]) => ({
    query: pairs(f)
      .map(([k, v]) => `${k}=${encode(v)}`)
      .join("&"),
    contentType,
    body: csv,
  }));
  const form = fc
    .tuple(
      fields,
      fc.oneof(
        { weight: 5, arbitrary: arbAidCsv.map((c): Part | null => ({ name: "file", filename: "aid.csv", content: c })) },
        { weight: 1, arbitrary: fc.constant(null) },
      ),
    )
    .chain(([f, file]) => arbMultipart(fc.constant([...pairs(f).map(([name, content]) => ({ name, content })), ...(file ? [file] : [])])))
    .map((m) => ({ query: dryRunOnly ? "dryRun=true" : "", ...m }));
  return fc.oneof(
    raw,
    form,
    arbQuery("/api/imports/aid").map((query) => ({ query, contentType: "application/json", body: "{}" })),
  );
}

const ACLED_HEADER = "event_id_cnty,event_date,time_precision,event_type,sub_event_type,actor1,country,admin1,fatalities,notes";
const arbAcledRow = fc
  .tuple(
    fc.oneof(fc.constantFrom("FUZZ1", "FUZZ2", ""), arbShortText),
    fc.oneof(arbDate, fc.constantFrom("16 May 2025", "31 Feb 2025", "2025-13-01")),
    fc.constantFrom("1", "2", "3", "0", "x"),
    fc.constantFrom("Battles,Armed clash", "Explosions/Remote violence,Air/drone strike", "Battles,Air/drone strike", "Riots,"),
    fc.oneof(fc.constantFrom("Military Forces of Ukraine (2019-)", ""), arbShortText),
    fc.constantFrom("Ukraine", "Russia", ""),
    fc.constantFrom("Kharkiv", "Kursk", ""),
    fc.oneof(fc.integer({ min: -3, max: 50 }).map(String), arbShortText),
    arbShortText,
  )
  .map((cells) =>
    cells.map((c) => (/[",\n]/.test(c) && !c.includes("Armed") && !c.includes("strike") && !c.includes("Riots") ? `"${c.replace(/"/g, '""')}"` : c)).join(","),
  );
const arbConflictCsv = fc
  .tuple(
    fc.oneof({ weight: 4, arbitrary: fc.constant(ACLED_HEADER) }, { weight: 1, arbitrary: arbShortText }),
    fc.oneof(fc.array(arbAcledRow, { maxLength: 4 }), arbCsvRows(10)),
  )
  .map(([h, rows]) => [h, ...rows].join("\n"));

/** ACLED-shaped uploads (valid and broken); always dry runs: an import's effect is tested in tests/conflict-import.test.ts. */
function arbConflictUpload(): fc.Arbitrary<{ query: string; contentType?: string; body?: string }> {
  const fields = fc.record({ format: fc.oneof(fc.constantFrom("acled", "ucdp", "ACLED", ""), arbShortText), dryRun: fc.constant("true") });
  const raw = fc.tuple(fields, arbConflictCsv).map(([f, csv]) => ({ query: `format=${encode(f.format)}&dryRun=true`, contentType: "text/csv", body: csv }));
  const form = fc
    .tuple(fields, arbConflictCsv)
    .chain(([f, csv]) =>
      arbMultipart(
        fc.constant([
          { name: "format", content: f.format },
          { name: "dryRun", content: "true" },
          { name: "file", filename: "events.csv", content: csv },
        ]),
      ),
    )
    .map((m) => ({ query: "dryRun=true", ...m }));
  return fc.oneof(raw, form);
}

// ---------------------------------------------------------------- requests

const arbAuth: fc.Arbitrary<FuzzRequest["auth"]> = fc.oneof(
  { weight: 12, arbitrary: fc.constant("valid" as const) },
  { weight: 1, arbitrary: fc.constant("none" as const) },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom("Bearer aem_wrong", "Bearer", "Basic dXNlcjpwYXNz", "Bearer a b", "bearer  ", "Bearer " + "x".repeat(5000))
      .map((header) => ({ header })),
  },
);
const arbOrigin = fc.oneof(
  { weight: 12, arbitrary: fc.constant("none") },
  { weight: 1, arbitrary: fc.constant("same") },
  { weight: 1, arbitrary: fc.constantFrom("https://evil.example", "null", "not a url", "http://localhost.evil.example") },
);

/** Which stored items an item route may name, by route. */
function itemIds(route: string, ids: FuzzIds): string[] {
  if (route.startsWith("/api/events/")) return ids.events;
  if (route.startsWith("/api/deployments/")) return ids.deployments;
  return ids.aidRecords;
}

export interface RequestOptions {
  /** Uploads always ask for a dry run (the HTTP run shares its server with other specs). */
  dryRunUploads?: boolean;
}

/** Requests to one route with one method. */
export function arbRequest(route: string, method: string, ids: FuzzIds, opts: RequestOptions = {}): fc.Arbitrary<FuzzRequest> {
  const isItem = route.endsWith("/[id]");
  const path = isItem
    ? arbItemId(itemIds(route, ids)).map(({ id, segment }) => ({ id, path: route.replace("[id]", segment) }))
    : fc.constant({ id: undefined, path: route });
  let payload: fc.Arbitrary<{ query?: string; contentType?: string; body?: string }>;
  if (method === "GET" || method === "DELETE") payload = fc.constant({});
  else if (route === "/api/imports") payload = arbKielUpload(!!opts.dryRunUploads);
  else if (route === "/api/imports/aid") payload = arbAidUpload(!!opts.dryRunUploads);
  else if (route === "/api/imports/events") payload = arbConflictUpload();
  else if (/^\/api\/(auth|drafts|audit|admin)\//.test(route)) payload = arbJsonRequestBody(arbWorkspaceBody(route, method, ids));
  else if (route.startsWith("/api/events")) payload = arbJsonRequestBody(arbEventBody(ids, method === "PATCH"));
  else if (route.startsWith("/api/deployments")) payload = arbJsonRequestBody(arbDeploymentBody(ids, method === "PATCH"));
  else payload = arbJsonRequestBody(arbAidRecordBody(ids, method === "PATCH"));
  return fc.record({ path, payload, query: arbQuery(route), auth: arbAuth, origin: arbOrigin }).map(({ path: p, payload: b, query, auth, origin }) => ({
    route,
    method,
    path: p.path,
    id: p.id,
    query: b.query ?? query,
    auth,
    origin,
    contentType: b.contentType,
    body: b.body,
  }));
}

/** Requests to every route and method, about equally often. */
export function arbAnyRequest(ids: FuzzIds, opts: RequestOptions = {}): fc.Arbitrary<FuzzRequest> {
  return fc.oneof(...ROUTE_METHODS.map(([route, method]) => arbRequest(route, method, ids, opts)));
}
