import { z } from "zod";
import { CATEGORIES, CURRENCIES, MEASURES, SUBCATEGORIES, type Category, type Currency, type Measure, type Subcategory } from "@/lib/domain/taxonomy";
import { ZIsoDate } from "@/lib/domain/common-schemas";

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

type Params = URLSearchParams | Record<string, string | string[] | undefined>;

function getParam(params: Params, key: string): string | undefined {
  if (params instanceof URLSearchParams) return params.get(key) ?? undefined;
  const v = params[key];
  return Array.isArray(v) ? v[0] : v;
}

const list = (s: string) => s.split(",").map((x) => x.trim()).filter(Boolean);

/**
 * A dataset without allocations (the curated announcements) opens on
 * commitments unless the link names a measure.
 */
export function withDatasetDefaults(
  parsed: ParsedFilters,
  params: Params,
  datasetMeasures: string[] | undefined,
): ParsedFilters {
  const named = getParam(params, "measure");
  if (named || !datasetMeasures?.length || datasetMeasures.includes(parsed.filters.measure)) return parsed;
  return { ...parsed, filters: { ...parsed.filters, measure: datasetMeasures[0] as Measure } };
}

export function parseFilters(params: Params, ctx?: FilterContext): ParsedFilters {
  const problems: string[] = [];
  const f: DashboardFilters = { ...DEFAULT_FILTERS, donor: [], category: [], subcategory: [] };

  const one = <T>(key: string, schema: z.ZodType<T>, set: (v: T) => void, hint: string) => {
    const raw = getParam(params, key);
    if (raw === undefined || raw === "") return;
    const r = schema.safeParse(raw);
    if (r.success) set(r.data);
    else problems.push(`"${key}=${raw}" is not valid (${hint}); it was ignored.`);
  };

  one("dataset", z.string().min(1), (v) => {
    if (!ctx || ctx.datasetIds.includes(v)) f.dataset = v;
    else problems.push(`Unknown dataset "${v}"; showing the default dataset.`);
  }, "a dataset id");

  const donorRaw = getParam(params, "donor");
  if (donorRaw) {
    const codes = [...new Set(list(donorRaw).map((c) => c.toUpperCase()))];
    const unknown = ctx ? codes.filter((c) => !ctx.donorCodes.includes(c)) : [];
    if (unknown.length) {
      problems.push(`Unknown donor code${unknown.length > 1 ? "s" : ""} ${unknown.map((c) => `"${c}"`).join(", ")} in the link; ${unknown.length > 1 ? "they were" : "it was"} ignored.`);
    }
    f.donor = codes.filter((c) => !unknown.includes(c));
  }

  const catRaw = getParam(params, "category");
  if (catRaw) {
    const cats = list(catRaw);
    const bad = cats.filter((c) => !(CATEGORIES as readonly string[]).includes(c));
    if (bad.length) problems.push(`Unknown category ${bad.map((c) => `"${c}"`).join(", ")}; ignored.`);
    f.category = [...new Set(cats.filter((c): c is Category => (CATEGORIES as readonly string[]).includes(c)))];
  }

  const subRaw = getParam(params, "subcategory");
  if (subRaw) {
    const subs = list(subRaw);
    const bad = subs.filter((c) => !(SUBCATEGORIES as readonly string[]).includes(c));
    if (bad.length) problems.push(`Unknown subcategory ${bad.map((c) => `"${c}"`).join(", ")}; ignored.`);
    f.subcategory = [...new Set(subs.filter((c): c is Subcategory => (SUBCATEGORIES as readonly string[]).includes(c)))];
  }

  one("measure", z.enum(MEASURES), (v) => (f.measure = v), "allocation or commitment");
  one("currency", z.enum(CURRENCIES), (v) => (f.currency = v), "EUR or USD");
  one("from", ZIsoDate, (v) => (f.from = v), "a date as YYYY-MM-DD");
  one("to", ZIsoDate, (v) => (f.to = v), "a date as YYYY-MM-DD");
  if (f.from && f.to && f.from > f.to) {
    problems.push(`The start date ${f.from} is after the end date ${f.to}; the date range was ignored.`);
    f.from = null;
    f.to = null;
  }
  one("granularity", z.enum(["month", "quarter", "year"]), (v) => (f.granularity = v), "month, quarter or year");
  one("cumulative", z.enum(["1", "0", "true", "false"]), (v) => (f.cumulative = v === "1" || v === "true"), "1 or 0");
  one("top", z.coerce.number().int().min(3).max(50), (v) => (f.top = v), "a whole number from 3 to 50");
  one("gdp", z.enum(["1", "0", "true", "false"]), (v) => (f.gdp = v === "1" || v === "true"), "1 or 0");
  one("split", z.enum(["category", "donor"]), (v) => (f.split = v), "category or donor");
  return { filters: f, problems };
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

/** The query string of a view: only non-default values, in a fixed order, so equal views give equal URLs. */
export function serializeFilters(f: DashboardFilters): string {
  const p = selectionParams(f);
  if (f.currency !== DEFAULT_FILTERS.currency) p.set("currency", f.currency);
  if (f.granularity !== DEFAULT_FILTERS.granularity) p.set("granularity", f.granularity);
  if (f.cumulative) p.set("cumulative", "1");
  if (f.top !== DEFAULT_FILTERS.top) p.set("top", String(f.top));
  if (f.gdp) p.set("gdp", "1");
  if (f.split) p.set("split", f.split);
  return p.toString();
}

/** The subset of the state that the aid API filters by, as a canonical query string. */
export function aidApiQuery(f: DashboardFilters, extra: Record<string, string | number | undefined> = {}): string {
  const p = selectionParams(f);
  p.set("currency", f.currency);
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) p.set(k, String(v));
  p.sort();
  return p.toString();
}
