import { z } from "zod";

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
export const BRIEF_PARAM_KEYS = ["title", "subtitle", "widgets"] as const;

export interface BriefOptions {
  title: string;
  subtitle: string | null;
  widgets: BriefWidget[];
}

const ZTitle = z.string().trim().min(1).max(120);
const ZSubtitle = z.string().trim().min(1).max(200);

type Params = URLSearchParams | Record<string, string | string[] | undefined>;
const get = (p: Params, k: string) => (p instanceof URLSearchParams ? (p.get(k) ?? undefined) : Array.isArray(p[k]) ? p[k]![0] : (p[k] as string | undefined));

export function defaultBriefTitle(widgets: BriefWidget[]): string {
  const aid = widgets.some((w) => w === "kpis" || w.startsWith("aid"));
  const war = widgets.some((w) => w === "escalation" || w === "deployments" || w === "aid-escalation");
  return aid && war ? "Aid to Ukraine and escalation" : war ? "Escalation and deployments" : "Aid to Ukraine";
}

export function parseBriefOptions(params: Params): { options: BriefOptions; problems: string[] } {
  const problems: string[] = [];
  let widgets = DEFAULT_BRIEF_WIDGETS;
  const rawWidgets = get(params, "widgets");
  if (rawWidgets !== undefined && rawWidgets.trim() !== "") {
    const asked = [...new Set(rawWidgets.split(",").map((w) => w.trim()).filter(Boolean))];
    const unknown = asked.filter((w) => !(BRIEF_WIDGETS as readonly string[]).includes(w));
    if (unknown.length) problems.push(`Unknown widget ${unknown.map((w) => `"${w}"`).join(", ")}; known: ${BRIEF_WIDGETS.join(", ")}.`);
    const known = asked.filter((w): w is BriefWidget => (BRIEF_WIDGETS as readonly string[]).includes(w));
    const charts = known.filter((w) => w !== "kpis");
    if (charts.length > MAX_BRIEF_CHARTS) {
      problems.push(`A slide holds at most ${MAX_BRIEF_CHARTS} charts; left out ${charts.slice(MAX_BRIEF_CHARTS).join(", ")}.`);
    }
    const kept = [...(known.includes("kpis") ? (["kpis"] as BriefWidget[]) : []), ...charts.slice(0, MAX_BRIEF_CHARTS)];
    if (kept.length) widgets = kept;
  }
  const text = (key: string, schema: z.ZodType<string>, hint: string): string | null => {
    const raw = get(params, key);
    if (raw === undefined || raw.trim() === "") return null;
    const r = schema.safeParse(raw);
    if (r.success) return r.data;
    problems.push(`"${key}" is too long (${hint}); it was shortened.`);
    return `${raw.trim().slice(0, Number(hint.match(/\d+/)?.[0] ?? 100) - 1)}…`;
  };
  const title = text("title", ZTitle, "at most 120 characters") ?? defaultBriefTitle(widgets);
  const subtitle = text("subtitle", ZSubtitle, "at most 200 characters");
  return { options: { title, subtitle, widgets }, problems };
}

/** The /brief query: the dashboard's filter query, then the slide's own parameters when they differ from the defaults. */
export function briefQuery(filterQuery: string, options: Partial<BriefOptions> = {}): string {
  const p = new URLSearchParams(filterQuery);
  for (const k of BRIEF_PARAM_KEYS) p.delete(k);
  if (options.title) p.set("title", options.title);
  if (options.subtitle) p.set("subtitle", options.subtitle);
  if (options.widgets && options.widgets.join(",") !== DEFAULT_BRIEF_WIDGETS.join(",")) p.set("widgets", options.widgets.join(","));
  return p.toString();
}

/** The dashboard's share of a /brief query (its own keys removed): the link back. */
export function dashboardQuery(briefQs: string): string {
  const p = new URLSearchParams(briefQs);
  for (const k of BRIEF_PARAM_KEYS) p.delete(k);
  return p.toString();
}
