import { createLoader, createParser, createSerializer, parseAsArrayOf, type inferParserType, type ParserMap } from "nuqs/server";

/**
 * The pieces every view's URL state is built from (nuqs parsers, loaders and
 * serializers), plus the one thing nuqs does not do: say which parameter was
 * wrong. A parser that rejects a value makes nuqs fall back to the default in
 * silence; a view also wants a warning naming the parameter and its value.
 */
export type Params = URLSearchParams | Record<string, string | string[] | undefined>;

/** What a warning says about one raw value: a message when it is wrong, else null. */
export type Check = (raw: string, key: string) => string | null;

/** A view's URL parameters: nuqs parsers (with defaults) and a check per key. */
export interface ParamGroup<P extends ParserMap> {
  parsers: P;
  checks: { [K in keyof P]: Check };
}

export function toSearchParams(params: Params): URLSearchParams {
  if (params instanceof URLSearchParams) return params;
  const out = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (Array.isArray(v)) for (const x of v) out.append(k, x);
    else if (v !== undefined) out.set(k, v);
  }
  return out;
}

/** A single value the parser must accept, else "key=raw" is named with what it should be. */
export function invalidUnless(parse: (raw: string) => unknown, hint: string): Check {
  return (raw, key) => (parse(raw) === null ? `"${key}=${raw}" is not valid (${hint}); it was ignored.` : null);
}

/** A comma list: names each item the item parser rejects, in the parameter it came from. */
export function unknownItems(parse: (raw: string) => unknown, noun: string, extra = ""): Check {
  return (raw, key) => {
    const bad = [...new Set(splitList(raw).filter((item) => parse(item) === null))];
    if (!bad.length) return null;
    return `Unknown ${noun} ${bad.map((b) => `"${b}"`).join(", ")} in "${key}=${raw}"; ignored.${extra ? ` ${extra}` : ""}`;
  };
}

export const splitList = (raw: string) =>
  raw
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

/** A comma list with blanks and duplicates dropped (nuqs's own list parser keeps both). */
export function parseAsList<T>(item: { parse: (v: string) => T | null; serialize?: (v: T) => string }) {
  const base = parseAsArrayOf(createParser({ parse: (v: string) => (v.trim() ? item.parse(v.trim()) : null), serialize: item.serialize ?? String }));
  return createParser({
    parse: (raw: string) => [...new Set(base.parse(raw) ?? [])],
    serialize: base.serialize,
    eq: (a: T[], b: T[]) => a.length === b.length && a.every((x, i) => x === b[i]),
  });
}

/**
 * Warnings for a query string read by a view made of `groups`: every key
 * none of them reads ("top=99" on the deployments page), and every value a
 * group's check rejects. Each names the parameter and its value. Keys of
 * `readElsewhere` belong to the same page but are checked by their own reader
 * ("all": the caller reports unknown keys itself).
 */
/** Any group, whatever its keys: what paramProblems needs to know of it. */
export type SomeGroup = { parsers: ParserMap; checks: Record<string, Check> };

export function paramProblems(params: Params, groups: SomeGroup[], readElsewhere: ParserMap[] | "all" = []): string[] {
  const problems: string[] = [];
  for (const [key, raw] of toSearchParams(params)) {
    const group = groups.find((g) => Object.hasOwn(g.parsers, key));
    if (!group) {
      // Read (and checked) by another part of the same page, e.g. the dashboard's filters on the slide.
      if (readElsewhere === "all" || readElsewhere.some((p) => Object.hasOwn(p, key))) continue;
      problems.push(`"${key}=${raw}" is not a setting of this page; it was ignored.`);
      continue;
    }
    if (raw.trim() === "") continue;
    const problem = group.checks[key](raw, key);
    if (problem) problems.push(problem);
  }
  return problems;
}

/** The values a group's parsers give (null where a key without default is absent). */
export type Values<P extends ParserMap> = { [K in keyof P]: inferParserType<P[K]> };

/** null clears a key (nuqs's meaning). */
export type Nullable<T> = { [K in keyof T]: T[K] | null };

/** nuqs's loader and serializer for a group; the serializer's query string comes without the leading "?". */
export function groupTools<P extends ParserMap>(group: ParamGroup<P>) {
  const load = createLoader(group.parsers);
  const serializer = createSerializer(group.parsers);
  return {
    load: (params: Params) => load(toSearchParams(params)),
    serialize: (values: Partial<Nullable<Values<P>>>) => serializer(values as never).replace(/^\?/, ""),
    /** Writes the group's values over `base`, keeping every other key as it is. */
    serializeOver: (base: URLSearchParams, values: Partial<Nullable<Values<P>>>) => serializer(new URLSearchParams(base), values as never).replace(/^\?/, ""),
  };
}
