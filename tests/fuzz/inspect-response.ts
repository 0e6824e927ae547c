/**
 * What every API response must be, whatever it was sent: a 2xx or 4xx, JSON
 * (CSV for a CSV export, Markdown for the method document, nothing for 204 and
 * HEAD), an error shape on 4xx, and no internals in the text.
 */
import type { FuzzRequest } from "./fuzz-requests";

export interface SeenResponse {
  status: number;
  contentType: string;
  text: string;
}

/** Internals a response must never show: stack frames, SQL and driver errors, file paths, the ORM's name. */
const LEAKS: [string, RegExp][] = [
  ["stack frame", /\bat (?:async )?(?:[\w$.<>[\] ]+ )?\(?(?:file:\/\/|node:|\/|[A-Za-z]:\\)[^\s)]*:\d+:\d+\)?/],
  ["stack frame", /\n\s+at \S/],
  ["SQL", /\b(?:SELECT\s+[\w*"`.,\s\\]+\s+FROM|INSERT\s+INTO|DELETE\s+FROM|UPDATE\s+["`\w\\]+\s+SET|CREATE\s+TABLE)\b/i],
  [
    "SQL error",
    /SQLITE_[A-Z_]+|no such (?:table|column)|syntax error at or near|near "[^"]*": syntax error|constraint failed|violates (?:foreign key|unique|not-null|check) constraint|duplicate key value|deadlock detected/i,
  ],
  ["ORM", /prisma|P[12]\d{3}\b|Invalid `\w+\.\w+\(\)` invocation/i],
  ["file path", /\/work\/|\/tmp\/|\/home\/|\/root\/|\/usr\/|\/var\/|node_modules|\.next\/|file:\/\/\//],
  ["source file", /\.(?:ts|tsx|mjs|cjs)\b|\.js:\d+/],
  ["driver", /better-sqlite3|better_sqlite3|\bpg-protocol\b|ECONNREFUSED|ENOENT|EACCES/],
];

/** The repository's method document names its source files on purpose: served verbatim, it is no leak. */
function allowedLeak(kind: string, req: Pick<FuzzRequest, "route">, res: SeenResponse): boolean {
  return kind === "source file" && req.route === "/api/escalation/method" && res.status === 200;
}

/** Removes what the request itself carried (and may be echoed back), so that only the server's own words are checked. */
export function withoutEchoes(text: string, req: Pick<FuzzRequest, "path" | "query" | "body" | "id">): string {
  const echoes = new Set<string>();
  const add = (s: string | undefined) => {
    if (!s || s.length < 3) return;
    echoes.add(s);
    echoes.add(JSON.stringify(s).slice(1, -1));
    echoes.add(s.toUpperCase());
    echoes.add(JSON.stringify(s.toUpperCase()).slice(1, -1));
  };
  add(req.id);
  for (const [k, v] of new URLSearchParams(req.query)) {
    add(k);
    add(v);
    for (const item of v.split(",")) add(item.trim());
  }
  if (req.body) {
    add(req.body);
    // Echoed strings of a JSON body, e.g. a created record's notes.
    for (const m of req.body.matchAll(/"((?:[^"\\]|\\.)*)"/g)) {
      try {
        add(JSON.parse(`"${m[1]}"`) as string);
      } catch {
        add(m[1]);
      }
    }
    for (const line of req.body.split(/\r?\n/)) for (const cell of line.split(",")) add(cell.replace(/^"|"$/g, ""));
  }
  let out = text;
  for (const e of [...echoes].sort((a, b) => b.length - a.length)) out = out.split(e).join("");
  return out;
}

/** What is wrong with a response to `req`; empty when it is fine. */
export function inspectResponse(req: FuzzRequest, res: SeenResponse): string[] {
  const problems: string[] = [];
  const { status, contentType, text } = res;
  if (status >= 500) problems.push(`status ${status}`);
  else if (status < 200 || (status >= 300 && status < 400)) problems.push(`status ${status} is neither 2xx nor 4xx`);

  const empty = status === 204 || status === 304 || req.method === "HEAD" || (req.method === "OPTIONS" && text === "");
  if (!empty) {
    const csv = status === 200 && contentType.startsWith("text/csv") && req.route === "/api/aid/records";
    const markdown = status === 200 && contentType.startsWith("text/markdown") && req.route === "/api/escalation/method";
    if (!csv && !markdown) {
      if (!contentType.includes("application/json")) problems.push(`content-type ${JSON.stringify(contentType)} is not JSON`);
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        problems.push("body is not JSON");
      }
      if (status >= 400 && body !== undefined) {
        const b = body as { error?: unknown; issues?: unknown };
        if (typeof b?.error !== "string" || !Array.isArray(b.issues)) problems.push("4xx body lacks { error, issues }");
      }
    }
  }

  const own = withoutEchoes(text, req);
  for (const [kind, pattern] of LEAKS) {
    const m = pattern.exec(own);
    if (m && !allowedLeak(kind, req, res)) problems.push(`${kind} in body: ${JSON.stringify(own.slice(Math.max(0, m.index - 40), m.index + 80))}`);
  }
  return problems;
}

/** Counts of a fuzz run, for the report line. */
export class FuzzTally {
  total = 0;
  byClass: Record<string, number> = {};
  byStatus: Record<number, number> = {};
  serverErrors = 0;
  leaky = 0;
  unchangedChecks = 0;

  add(status: number, problems: string[]): void {
    this.total++;
    const cls = `${Math.floor(status / 100)}xx`;
    this.byClass[cls] = (this.byClass[cls] ?? 0) + 1;
    this.byStatus[status] = (this.byStatus[status] ?? 0) + 1;
    if (status >= 500) this.serverErrors++;
    if (problems.some((p) => / in body: /.test(p))) this.leaky++;
  }

  toString(): string {
    const classes = Object.entries(this.byClass)
      .sort()
      .map(([k, v]) => `${k} ${v}`)
      .join(", ");
    const statuses = Object.entries(this.byStatus)
      .map(([k, v]) => `${k}:${v}`)
      .join(" ");
    return `${this.total} requests (${classes}; ${statuses}); ≥500: ${this.serverErrors}; leaky bodies: ${this.leaky}; rejected or read-only requests checked to change no row: ${this.unchangedChecks}`;
  }
}
