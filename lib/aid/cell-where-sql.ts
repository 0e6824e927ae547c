import type { AidCellWhere } from "@/lib/aid/filters";

/**
 * AidCellWhere (the one definition of an aid selection, lib/aid/filters.ts)
 * rendered as an SQL condition, for the few queries Prisma cannot express.
 * A mechanical translation: every field of the type is handled here, so a new
 * filter field fails to compile until it is. `?` placeholders; `dateParam`
 * turns a Date into the value the database compares with its DateTime column.
 */
export function cellWhereSql(w: AidCellWhere, alias: string, dateParam: (d: Date) => unknown): { sql: string; params: unknown[] } {
  const col = (c: string) => `${alias}."${c}"`;
  const parts: string[] = [`${col("datasetId")} = ?`, `${col("measure")} = ?`];
  const params: unknown[] = [w.datasetId, w.measure];
  const list = (c: string, values: string[], not = false) => {
    // An empty IN list selects nothing (NOT IN: everything); SQL has no empty list.
    if (!values.length) {
      if (!not) parts.push("1 = 0");
      return;
    }
    parts.push(`${col(c)} ${not ? "NOT IN" : "IN"} (${values.map(() => "?").join(", ")})`);
    params.push(...values);
  };
  if (w.donorCode) {
    if ("in" in w.donorCode) list("donorCode", w.donorCode.in);
    else list("donorCode", w.donorCode.notIn, true);
  }
  if (w.category) list("category", w.category.in);
  if (w.subcategory) list("subcategory", w.subcategory.in);
  if (w.OR) {
    const alternatives = w.OR.map((o) => {
      const conds = [`${col("granularity")} = ?`];
      params.push(o.granularity);
      const [c, range, value] = "date" in o ? ["date", o.date, dateParam] : ["periodMonth", o.periodMonth, (x: number) => x];
      if (range.gte !== undefined) {
        conds.push(`${col(c)} >= ?`);
        params.push((value as (x: unknown) => unknown)(range.gte));
      }
      if (range.lte !== undefined) {
        conds.push(`${col(c)} <= ?`);
        params.push((value as (x: unknown) => unknown)(range.lte));
      }
      return `(${conds.join(" AND ")})`;
    });
    parts.push(`(${alternatives.join(" OR ")})`);
  }
  return { sql: parts.join(" AND "), params };
}
