import { createParser, parseAsString, parseAsStringLiteral } from "nuqs/server";
import { CATEGORIES, CURRENCIES, MEASURES, SUBCATEGORIES, type Category, type Currency, type Measure, type Subcategory } from "@/lib/domain/taxonomy";
import { ZIsoDate } from "@/lib/domain/common-schemas";
import {
  groupTools,
  invalidUnless,
  paramProblems,
  parseAsList,
  toSearchParams,
  unknownItems,
  type ParamGroup,
  type Params,
  type SomeGroup,
} from "@/lib/url-state/params";

/**
 * The dashboard's state, all of it in the URL query string so a link
 * reproduces the view. Parsing is forgiving: a bad parameter falls back to its
 * default and is reported as a problem, never a blank page.
 */
export interface DashboardFilters {
  dataset: string | null;
  donor: string[];
  category: Category[];
  subcategory: Subcategory[];
  measure: Measure;
  from: string | null;
  to: string | null;
  currency: Currency;
  granularity: "month" | "quarter" | "year";
  cumulative: boolean;
  top: number;
  gdp: boolean;
  /** "Aid over time": stack by category, or one series per selected donor. */
  /** "Aid over time" and "Aid and escalation" by category or per donor; null: chosen from the selection (lib/charts/split.ts). */
  split: "category" | "donor" | null;
}

export const DEFAULT_FILTERS: DashboardFilters = {
  dataset: null,
  donor: [],
  category: [],
  subcategory: [],
  measure: "allocation",
  from: null,
  to: null,
  currency: "EUR",
  granularity: "month",
  cumulative: false,
  top: 10,
  gdp: false,
  split: null,
};

export interface FilterContext {
  donorCodes: string[];
  datasetIds: string[];
}

export interface ParsedFilters {
  filters: DashboardFilters;
  problems: string[];
}

const oneOf =
  <T extends string>(values: readonly T[]) =>
  (v: string) =>
    (values as readonly string[]).includes(v) ? (v as T) : null;
const flag = createParser({
  parse: (v) => (v === "1" || v === "true" ? true : v === "0" || v === "false" ? false : null),
  serialize: (b: boolean) => (b ? "1" : "0"),
});
const isoDay = createParser({ parse: (v) => (ZIsoDate.safeParse(v).success ? v : null), serialize: (v: string) => v });
const topN = createParser({
  parse: (v) => (/^\d+$/.test(v) && Number(v) >= 3 && Number(v) <= 50 ? Number(v) : null),
  serialize: (n: number) => String(n),
});
const donorCode = { parse: (v: string) => (/^[A-Za-z0-9_-]{1,20}$/.test(v) ? v.toUpperCase() : null) };
const GRANULARITIES = ["month", "quarter", "year"] as const;
const SPLITS = ["category", "donor"] as const;

/**
 * The dashboard's URL parameters as nuqs parsers, shared by the page, the
 * server prefetch, the escalation page and the slide (which read the same
 * filters) and the CLI (which passes a query string through). `measure` has
 * no default on purpose: its default depends on the dataset
 * (withDatasetDefaults), so the URL always names it once it is written.
 */
const dashboardParsers = {
  dataset: parseAsString,
  donor: parseAsList(donorCode).withDefault([]),
  category: parseAsList({ parse: oneOf(CATEGORIES) }).withDefault([]),
  subcategory: parseAsList({ parse: oneOf(SUBCATEGORIES) }).withDefault([]),
  measure: parseAsStringLiteral(MEASURES),
  from: isoDay,
  to: isoDay,
  currency: parseAsStringLiteral(CURRENCIES).withDefault(DEFAULT_FILTERS.currency),
  granularity: parseAsStringLiteral(GRANULARITIES).withDefault(DEFAULT_FILTERS.granularity),
  cumulative: flag.withDefault(false),
  top: topN.withDefault(DEFAULT_FILTERS.top),
  gdp: flag.withDefault(false),
  // No default: a link without `split` lets the selection choose (2–10 donors: one series each).
  split: parseAsStringLiteral(SPLITS),
};

export const dashboardParams: ParamGroup<typeof dashboardParsers> = {
  parsers: dashboardParsers,
  checks: {
    dataset: () => null, // checked against the known datasets in parseFilters
    donor: unknownItems(donorCode.parse, "donor code"), // known codes: parseFilters
    category: unknownItems(oneOf(CATEGORIES), "category"),
    subcategory: unknownItems(oneOf(SUBCATEGORIES), "subcategory"),
    measure: invalidUnless(oneOf(MEASURES), "allocation or commitment"),
    from: invalidUnless(isoDay.parse, "a date as YYYY-MM-DD"),
    to: invalidUnless(isoDay.parse, "a date as YYYY-MM-DD"),
    currency: invalidUnless(oneOf(CURRENCIES), "EUR or USD"),
    granularity: invalidUnless(oneOf(GRANULARITIES), "month, quarter or year"),
    cumulative: invalidUnless(flag.parse, "1 or 0"),
    top: invalidUnless(topN.parse, "a whole number from 3 to 50"),
    gdp: invalidUnless(flag.parse, "1 or 0"),
    split: invalidUnless(oneOf(SPLITS), "category or donor"),
  },
};

const dashboardTools = groupTools(dashboardParams);

/**
 * A dataset without allocations (the curated announcements) opens on
 * commitments unless the link names a measure.
 */
export function withDatasetDefaults(parsed: ParsedFilters, params: Params, datasetMeasures: string[] | undefined): ParsedFilters {
  const named = toSearchParams(params).get("measure");
  if (named || !datasetMeasures?.length || datasetMeasures.includes(parsed.filters.measure)) return parsed;
  return { ...parsed, filters: { ...parsed.filters, measure: datasetMeasures[0] as Measure } };
}

/**
 * The dashboard's filters from a query string. Forgiving: a bad parameter
 * falls back to its default and is reported, naming the parameter and value.
 * `pageGroups` are the page's own parameters on top of the dashboard's (the
 * escalation page's half-life): with them, any other key is reported as not
 * a setting of the page; without them (a page that checks its own keys, like
 * the slide), unknown keys are left to the caller.
 */
export function parseFilters(params: Params, ctx?: FilterContext, pageGroups?: SomeGroup[]): ParsedFilters {
  const sp = toSearchParams(params);
  const v = dashboardTools.load(sp);
  const problems = pageGroups ? paramProblems(sp, [dashboardParams, ...pageGroups]) : paramProblems(sp, [dashboardParams], "all");
  const f: DashboardFilters = { ...DEFAULT_FILTERS, ...v, measure: v.measure ?? DEFAULT_FILTERS.measure };

  if (f.dataset && ctx && !ctx.datasetIds.includes(f.dataset)) {
    problems.push(`Unknown dataset "${f.dataset}" in "dataset=${f.dataset}"; showing the default dataset.`);
    f.dataset = null;
  }
  if (ctx) {
    const unknown = f.donor.filter((c) => !ctx.donorCodes.includes(c));
    if (unknown.length) {
      problems.push(
        `Unknown donor code${unknown.length > 1 ? "s" : ""} ${unknown.map((c) => `"${c}"`).join(", ")} in the link; ${unknown.length > 1 ? "they were" : "it was"} ignored.`,
      );
    }
    f.donor = f.donor.filter((c) => !unknown.includes(c));
  }
  const range = orderedRange(f.from, f.to);
  if (range.problem) problems.push(range.problem);
  return { filters: { ...f, from: range.from, to: range.to }, problems };
}

/** A reversed range is dropped as a whole (either end alone could be the typo) and reported. */
export function orderedRange(from: string | null, to: string | null): { from: string | null; to: string | null; problem: string | null } {
  if (from && to && from > to) {
    return { from: null, to: null, problem: `The start date ${from} ("from") is after the end date ${to} ("to"); the date range was ignored.` };
  }
  return { from, to, problem: null };
}

/**
 * The selection shared by the page URL and the API query. The measure is
 * always written: its default depends on the dataset (curated data holds only commitments).
 */
function selectionParams(f: DashboardFilters): URLSearchParams {
  const p = new URLSearchParams();
  if (f.dataset) p.set("dataset", f.dataset);
  if (f.donor.length) p.set("donor", f.donor.join(","));
  if (f.category.length) p.set("category", f.category.join(","));
  if (f.subcategory.length) p.set("subcategory", f.subcategory.join(","));
  p.set("measure", f.measure);
  if (f.from) p.set("from", f.from);
  if (f.to) p.set("to", f.to);
  return p;
}

/**
 * The dashboard's share of a page URL, by nuqs's serializer: only non-default
 * values (measure always), in a fixed order, so equal views give equal URLs.
 * With `base`, the dashboard's keys are written over it and every other key
 * (a page's own) is kept as it is.
 */
export function serializeFilters(f: DashboardFilters, base?: URLSearchParams): string {
  return base ? dashboardTools.serializeOver(base, f) : dashboardTools.serialize(f);
}

/** The subset of the state that the aid API filters by, as a canonical query string. */
export function aidApiQuery(f: DashboardFilters, extra: Record<string, string | number | undefined> = {}): string {
  const p = selectionParams(f);
  p.set("currency", f.currency);
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) p.set(k, String(v));
  p.sort();
  return p.toString();
}
