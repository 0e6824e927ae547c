import fs from "node:fs/promises";
import path from "node:path";
import type { Metadata } from "next";
import Link from "next/link";
import ReactMarkdown, { type Components } from "react-markdown";
import remarkGfm from "remark-gfm";
import "@/components/escalation/escalation.css";

export const metadata: Metadata = { title: "How the escalation index is computed · Aid & Escalation Monitor" };

/** Wide tables scroll inside their own box, so a phone never scrolls the whole page sideways. */
const components: Components = {
  table: ({ children }) => (
    <div className="table-wrap">
      <table>{children}</table>
    </div>
  ),
};

/**
 * The method, rendered from docs/escalation-index.md: the same file the API
 * serves at /api/escalation/method, so page, API and repository never differ.
 */
export default async function MethodPage() {
  const markdown = await fs.readFile(path.join(process.cwd(), "docs", "escalation-index.md"), "utf8");
  return (
    <article className="prose panel" data-testid="method">
      <p className="muted small">
        How this index is computed · <Link href="/escalation">back to the escalation index</Link> ·{" "}
        <a href="/api/escalation/method">the same text as Markdown</a>
      </p>
      <ReactMarkdown remarkPlugins={[remarkGfm]} components={components}>
        {markdown}
      </ReactMarkdown>
    </article>
  );
}
