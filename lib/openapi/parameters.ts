import { z } from "zod";
import { MAX_LIST_ITEMS } from "@/lib/domain/common-schemas";

/**
 * Query parameters of the OpenAPI document, read from the zod schema a handler
 * parses its query with (lib/http.ts parseQuery), so the two cannot disagree.
 */
export type Json = Record<string, unknown>;

type Def = { type: string; innerType?: z.ZodType; in?: z.ZodType; out?: z.ZodType; left?: z.ZodType; right?: z.ZodType; element?: z.ZodType };
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

/**
 * Options for every conversion: refinements and transforms have no JSON
 * Schema and are described in prose (`.meta({ description })`); zod's
 * safe-integer bounds on `.int()` say nothing a reader needs.
 */
export const JSON_SCHEMA_OPTIONS = {
  unrepresentable: "any",
  override: ({ jsonSchema }: { jsonSchema: Json }) => {
    if (jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete jsonSchema.minimum;
    if (jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete jsonSchema.maximum;
  },
} as const;

/** A schema as the client sends it (request side). */
export function inputSchema(schema: z.ZodType): Json {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { ...JSON_SCHEMA_OPTIONS, io: "input" }) as Json;
  return rest;
}

/** The object shapes inside a (possibly refined, intersected or piped) query schema. */
function shapesOf(schema: z.ZodType): Record<string, z.ZodType> {
  const def = defOf(schema);
  if (def.type === "object") return (schema as z.ZodObject).shape as Record<string, z.ZodType>;
  if (def.type === "intersection") return { ...shapesOf(def.left!), ...shapesOf(def.right!) };
  if (def.type === "pipe") return shapesOf(def.in!);
  throw new Error(`Cannot list query parameters of a ${def.type} schema`);
}

/**
 * The item schema of a comma-separated list parameter, or null. commaList
 * (lib/aid/schemas.ts) is a string piped into an array of items; the document
 * shows it as what it means, an array sent as `a,b` (style form, explode
 * false), rather than as the raw string.
 */
function commaListItem(schema: z.ZodType): z.ZodType | null {
  let cur = schema;
  while (["optional", "default"].includes(defOf(cur).type)) cur = defOf(cur).innerType!;
  while (defOf(cur).type === "pipe") {
    const { in: from, out } = defOf(cur);
    if (defOf(out!).type === "array") return defOf(out!).element!;
    cur = from!;
  }
  return null;
}

const LIST_NOTE = `Comma-separated; repeated items count once; at most ${MAX_LIST_ITEMS} distinct items.`;

export function queryParams(schema: z.ZodType): Json[] {
  return Object.entries(shapesOf(schema)).map(([name, s]) => {
    const required = !s.safeParse(undefined).success;
    const item = commaListItem(s);
    if (item) {
      const items = inputSchema(item);
      const description = [items.description, LIST_NOTE].filter(Boolean).join(" ");
      return { name, in: "query", required, style: "form", explode: false, schema: { type: "array", items, maxItems: MAX_LIST_ITEMS }, description };
    }
    const js = inputSchema(s);
    return { name, in: "query", required, schema: js, ...(js.description ? { description: js.description } : {}) };
  });
}
