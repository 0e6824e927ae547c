import { parseArgs } from "node:util";

export const BRIEF_USAGE = `Usage: npm run brief -- --query "<url query string>" --out <file.png|file.pdf> [options]

Renders the briefing slide (/brief) in headless Chromium and writes it as a PNG
(1920 × 1080, or 3840 × 2160 with --scale 2) or a PDF (one page per slide).

  --query <qs>       the slide's query string, as in the /brief or dashboard URL
                     (e.g. "donor=DEU,FRA&from=2024-01-01&title=Weekly brief");
                     repeat it for several slides: one PDF page each, or
                     numbered PNG files (brief-1.png, brief-2.png, …)
  --out <file>       where to write; .png or .pdf
  --base-url <url>   a running app (e.g. http://localhost:3000); without it a
                     server is started on a free port (npm start: DATABASE_URL
                     and NEXT_DIST_DIR are honoured) and stopped afterwards
  --scale <1|2>      PNG pixel ratio (default 1)
  --timeout <sec>    how long to wait for the app and for each slide (default 180)
  --allow-problems   render even when the link has parameters the app ignored
  -h, --help         this text

Exit codes: 0 written, 1 could not render (message says why), 2 wrong usage.`;

export class UsageError extends Error {}

export interface BriefCliOptions {
  queries: string[];
  out: string;
  format: "png" | "pdf";
  baseUrl: string | null;
  scale: 1 | 2;
  timeoutMs: number;
  allowProblems: boolean;
  help: boolean;
}

/** A query string as given: bare, with a leading "?", or a whole /brief or dashboard URL. */
export function normaliseQuery(raw: string): string {
  const s = raw.trim();
  if (/^https?:\/\//i.test(s)) return new URL(s).search.replace(/^\?/, "");
  return s.replace(/^.*?\?/, (m) => (m.includes("=") ? m : "")).replace(/^\?/, "");
}

export function parseBriefCliArgs(argv: string[]): BriefCliOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      allowPositionals: false,
      options: {
        query: { type: "string", multiple: true },
        out: { type: "string" },
        "base-url": { type: "string" },
        scale: { type: "string", default: "1" },
        timeout: { type: "string", default: "180" },
        "allow-problems": { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    }));
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
  const help = !!values.help;
  if (help) return { queries: [], out: "", format: "png", baseUrl: null, scale: 1, timeoutMs: 0, allowProblems: false, help };
  const queries = (values.query ?? []).map(normaliseQuery);
  if (!queries.length) throw new UsageError('--query is required (use --query "" for the default slide).');
  const out = values.out;
  if (!out) throw new UsageError("--out is required: a .png or .pdf file.");
  const ext = /\.(png|pdf)$/i.exec(out)?.[1]?.toLowerCase();
  if (ext !== "png" && ext !== "pdf") throw new UsageError(`--out must end in .png or .pdf, got "${out}".`);
  const scale = Number(values.scale);
  if (scale !== 1 && scale !== 2) throw new UsageError(`--scale must be 1 or 2, got "${values.scale}".`);
  const timeout = Number(values.timeout);
  if (!Number.isFinite(timeout) || timeout <= 0) throw new UsageError(`--timeout must be a number of seconds, got "${values.timeout}".`);
  let baseUrl: string | null = null;
  if (values["base-url"]) {
    try {
      const u = new URL(values["base-url"]);
      if (!/^https?:$/.test(u.protocol)) throw new Error("not http(s)");
      baseUrl = u.origin + u.pathname.replace(/\/+$/, "");
    } catch {
      throw new UsageError(`--base-url must be an http(s) URL, got "${values["base-url"]}".`);
    }
  }
  return { queries, out, format: ext, baseUrl, scale, timeoutMs: timeout * 1000, allowProblems: !!values["allow-problems"], help };
}

/** Where the slide for query `index` of `count` goes: the file itself, or numbered PNGs for several slides. */
export function outputPath(out: string, index: number, count: number, format: "png" | "pdf"): string {
  if (format === "pdf" || count === 1) return out;
  return out.replace(/\.png$/i, `-${index + 1}.png`);
}
