import { CHANNELS, type Channel } from "@/lib/domain/taxonomy";
import { DEFAULT_HALF_LIFE_DAYS, MAX_HALF_LIFE_DAYS, MIN_HALF_LIFE_DAYS } from "@/lib/escalation/constants";

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

type Params = URLSearchParams | Record<string, string | string[] | undefined>;

function getParam(params: Params, key: string): string | undefined {
  if (params instanceof URLSearchParams) return params.get(key) ?? undefined;
  const v = params[key];
  return Array.isArray(v) ? v[0] : v;
}

/** Forgiving like the dashboard's filters: a bad value falls back to its default and is reported. */
export function parseEscalationParams(params: Params): { params: EscalationViewParams; problems: string[] } {
  const problems: string[] = [];
  let halfLife = DEFAULT_HALF_LIFE_DAYS;
  const rawHalfLife = getParam(params, "halfLife");
  if (rawHalfLife) {
    const n = Number(rawHalfLife);
    if (Number.isFinite(n) && n >= MIN_HALF_LIFE_DAYS && n <= MAX_HALF_LIFE_DAYS) halfLife = n;
    else problems.push(`"halfLife=${rawHalfLife}" is not a number of days from ${MIN_HALF_LIFE_DAYS} to ${MAX_HALF_LIFE_DAYS}; using ${DEFAULT_HALF_LIFE_DAYS}.`);
  }
  const raw = (getParam(params, "subindex") ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  const unknown = raw.filter((c) => !(CHANNELS as readonly string[]).includes(c));
  if (unknown.length) problems.push(`Unknown sub-index ${unknown.map((c) => `"${c}"`).join(", ")}; ignored.`);
  return { params: { halfLife, subindex: normaliseChannels(raw) }, problems };
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
 * The page URL after changing some of this view's parameters, keeping every
 * other parameter (the dashboard's filters) as it is.
 */
export function withViewParams(current: URLSearchParams, patch: Partial<EscalationViewParams>): string {
  const next = new URLSearchParams(current);
  if (patch.halfLife !== undefined) {
    if (patch.halfLife === DEFAULT_HALF_LIFE_DAYS) next.delete("halfLife");
    else next.set("halfLife", String(patch.halfLife));
  }
  if (patch.subindex !== undefined) {
    const list = normaliseChannels(patch.subindex);
    if (list.length) next.set("subindex", list.join(","));
    else next.delete("subindex");
  }
  return next.toString();
}

/** The view's own keys, carried over when the dashboard's filter bar rewrites the query string. */
export const VIEW_KEYS = ["halfLife", "subindex"] as const;
