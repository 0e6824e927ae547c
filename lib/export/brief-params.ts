import { parseAsString } from "nuqs/server";
import { z } from "zod";
import { dashboardParams } from "@/lib/filters/filter-state";
import { groupTools, paramProblems, parseAsList, toSearchParams, unknownItems, type ParamGroup, type Params } from "@/lib/url-state/params";

/**
 * The briefing slide's own URL parameters, on top of the dashboard's filters:
 * `title`, `subtitle` and `widgets` (a comma list). Forgiving like the
 * dashboard's: a bad value falls back and is reported, never a blank slide.
 */
export const BRIEF_WIDGETS = ["kpis", "aid-over-time", "aid-by-donor", "escalation", "deployments", "aid-escalation"] as const;
export type BriefWidget = (typeof BRIEF_WIDGETS)[number];

export const BRIEF_WIDGET_LABELS: Record<BriefWidget, string> = {
  kpis: "KPI strip",
  "aid-over-time": "Aid over time",
  "aid-by-donor": "Aid by donor",
  escalation: "Escalation index",
  deployments: "Deployments",
  "aid-escalation": "Aid and escalation",
};

export const DEFAULT_BRIEF_WIDGETS: BriefWidget[] = ["kpis", "aid-over-time", "aid-by-donor"];
/** A 1920 × 1080 slide holds the KPI strip and four charts before type has to shrink below legibility. */
export const MAX_BRIEF_CHARTS = 4;

export interface BriefOptions {
  title: string;
  subtitle: string | null;
  widgets: BriefWidget[];
}

const ZTitle = z.string().trim().min(1).max(120);
const ZSubtitle = z.string().trim().min(1).max(200);

const isWidget = (w: string) => ((BRIEF_WIDGETS as readonly string[]).includes(w) ? (w as BriefWidget) : null);
const tooLong = (max: number) => (raw: string, key: string) =>
  raw.trim().length > max ? `"${key}" is too long (at most ${max} characters); it was shortened.` : null;

/**
 * The slide's own URL parameters as nuqs parsers; the slide reads the
 * dashboard's filters (lib/filters/filter-state) on top of them.
 */
const briefParsers = {
  title: parseAsString,
  subtitle: parseAsString,
  widgets: parseAsList({ parse: isWidget }).withDefault(DEFAULT_BRIEF_WIDGETS),
};
export const briefParams: ParamGroup<typeof briefParsers> = {
  parsers: briefParsers,
  checks: {
    title: tooLong(120),
    subtitle: tooLong(200),
    widgets: unknownItems(isWidget, "widget", `Known: ${BRIEF_WIDGETS.join(", ")}.`),
  },
};
const briefTools = groupTools(briefParams);
/** The slide's own keys, from its parsers (no hand-kept list). */
const BRIEF_KEYS = Object.keys(briefParsers);

export function defaultBriefTitle(widgets: BriefWidget[]): string {
  const aid = widgets.some((w) => w === "kpis" || w.startsWith("aid"));
  const war = widgets.some((w) => w === "escalation" || w === "deployments" || w === "aid-escalation");
  return aid && war ? "Aid to Ukraine and escalation" : war ? "Escalation and deployments" : "Aid to Ukraine";
}

/**
 * The slide's options and the warnings for its own keys, plus any key that
 * neither the slide nor the dashboard's filters read (the dashboard's values
 * are checked by parseFilters).
 */
export function parseBriefOptions(params: Params): { options: BriefOptions; problems: string[] } {
  const sp = toSearchParams(params);
  const v = briefTools.load(sp);
  const problems = paramProblems(sp, [briefParams], [dashboardParams.parsers]);
  let widgets = DEFAULT_BRIEF_WIDGETS;
  if (v.widgets.length) {
    const known = v.widgets;
    const charts = known.filter((w) => w !== "kpis");
    if (charts.length > MAX_BRIEF_CHARTS) {
      problems.push(`A slide holds at most ${MAX_BRIEF_CHARTS} charts; left out ${charts.slice(MAX_BRIEF_CHARTS).join(", ")}.`);
    }
    const kept = [...(known.includes("kpis") ? (["kpis"] as BriefWidget[]) : []), ...charts.slice(0, MAX_BRIEF_CHARTS)];
    if (kept.length) widgets = kept;
  }
  const text = (raw: string | null, schema: z.ZodType<string>, max: number): string | null => {
    if (raw === null || raw.trim() === "") return null;
    const r = schema.safeParse(raw);
    return r.success ? r.data : `${raw.trim().slice(0, max - 1)}…`;
  };
  const title = text(v.title, ZTitle, 120) ?? defaultBriefTitle(widgets);
  const subtitle = text(v.subtitle, ZSubtitle, 200);
  return { options: { title, subtitle, widgets }, problems };
}

/** The /brief query: the dashboard's filter query, then the slide's own parameters when they differ from the defaults. */
export function briefQuery(filterQuery: string, options: Partial<BriefOptions> = {}): string {
  const p = new URLSearchParams(filterQuery);
  for (const k of BRIEF_KEYS) p.delete(k);
  return briefTools.serializeOver(p, { title: options.title || null, subtitle: options.subtitle || null, widgets: options.widgets ?? null });
}

/** The dashboard's share of a /brief query (its own keys removed): the link back. */
export function dashboardQuery(briefQs: string): string {
  const p = new URLSearchParams(briefQs);
  for (const k of BRIEF_KEYS) p.delete(k);
  return p.toString();
}
