import { createParser } from "nuqs/server";
import { CHANNELS, type Channel } from "@/lib/domain/taxonomy";
import { DEFAULT_HALF_LIFE_DAYS, MAX_HALF_LIFE_DAYS, MIN_HALF_LIFE_DAYS } from "@/lib/escalation/constants";
import { groupTools, paramProblems, parseAsList, toSearchParams, unknownItems, type ParamGroup, type Params } from "@/lib/url-state/params";

/**
 * The escalation view's own URL parameters (the date range and the aid
 * filters are the dashboard's, read by lib/filters). Pure, so the server
 * prefetch and the browser build the same API query strings and cache keys.
 */
export interface EscalationViewParams {
  halfLife: number;
  /** Selected sub-indices; empty = all channels (the URL then omits `subindex`). */
  subindex: Channel[];
}

const halfLifeDays = createParser({
  parse: (v) => {
    const n = Number(v);
    return v.trim() !== "" && Number.isFinite(n) && n >= MIN_HALF_LIFE_DAYS && n <= MAX_HALF_LIFE_DAYS ? n : null;
  },
  serialize: (n: number) => String(n),
});
const isChannel = (v: string) => ((CHANNELS as readonly string[]).includes(v) ? (v as Channel) : null);

/** The view's own keys as nuqs parsers; the dashboard's filters come from lib/filters. */
const escalationParsers = {
  halfLife: halfLifeDays.withDefault(DEFAULT_HALF_LIFE_DAYS),
  subindex: parseAsList({ parse: isChannel }).withDefault([]),
};
export const escalationParams: ParamGroup<typeof escalationParsers> = {
  parsers: escalationParsers,
  checks: {
    halfLife: (raw, key) =>
      halfLifeDays.parse(raw) === null
        ? `"${key}=${raw}" is not a number of days from ${MIN_HALF_LIFE_DAYS} to ${MAX_HALF_LIFE_DAYS}; using ${DEFAULT_HALF_LIFE_DAYS}.`
        : null,
    subindex: unknownItems(isChannel, "sub-index"),
  },
};
const tools = groupTools(escalationParams);

/**
 * Forgiving like the dashboard's filters: a bad value falls back to its
 * default and is reported. Only this view's keys are checked here; the page
 * (use-escalation-view) reports keys that neither it nor the filters read.
 */
export function parseEscalationParams(params: Params): { params: EscalationViewParams; problems: string[] } {
  const sp = toSearchParams(params);
  const v = tools.load(sp);
  return { params: { halfLife: v.halfLife, subindex: normaliseChannels(v.subindex) }, problems: paramProblems(sp, [escalationParams], "all") };
}

/** CHANNELS order, no duplicates, and "every channel" written as the empty list. */
export function normaliseChannels(list: readonly string[]): Channel[] {
  const picked = CHANNELS.filter((c) => list.includes(c));
  return picked.length === CHANNELS.length ? [] : picked;
}

/** Canonical query string for GET /api/escalation: only what differs from the API's defaults, keys sorted. */
export function escalationApiQuery(v: EscalationViewParams & { from: string | null; to: string | null }): string {
  const p = new URLSearchParams();
  if (v.from) p.set("from", v.from);
  p.set("halfLife", String(v.halfLife));
  if (v.subindex.length) p.set("subindex", v.subindex.join(","));
  if (v.to) p.set("to", v.to);
  return p.toString();
}

export function explainApiQuery(date: string, halfLife: number): string {
  return new URLSearchParams({ date, halfLife: String(halfLife) }).toString();
}

/**
 * The page URL after changing some of this view's parameters (nuqs's
 * serializer: defaults dropped), keeping every other parameter as it is.
 */
export function withViewParams(current: URLSearchParams, patch: Partial<EscalationViewParams>): string {
  return tools.serializeOver(current, {
    halfLife: patch.halfLife,
    subindex: patch.subindex === undefined ? undefined : normaliseChannels(patch.subindex),
  });
}
