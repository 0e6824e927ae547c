import { approximateMeasure, EXPORT_STYLE, wrapText, type MeasureText, type TextStyle } from "./compose-chart-svg";
import { formatSources, groupSourcesByPublisher } from "./sources";
import type { SourceDto } from "@/lib/sources/dto";
import { distinctSources } from "@/lib/sources/dto";

/**
 * How a list of sources is written, most detailed first:
 * - titles: every document, "Publisher – Title";
 * - counts: each publisher once, "Reuters (7 reports)" (formatSources);
 * - compact: each publisher once, "Reuters (7)";
 * - names: each publisher once, no counts (as the briefing slide's footer).
 */
export const SOURCE_LIST_FORMS = ["titles", "counts", "compact", "names"] as const;
export type SourceListForm = (typeof SOURCE_LIST_FORMS)[number];

export function listSources(sources: SourceDto[], form: SourceListForm): string {
  const docs = distinctSources(sources);
  if (form === "titles") {
    return docs
      .map((s) => (s.releaseLabel ? `${s.publisher}, ${s.releaseLabel}` : s.title && s.title !== s.publisher ? `${s.publisher} – ${s.title}` : s.publisher))
      .join("; ");
  }
  if (form === "counts") return formatSources(docs);
  return groupSourcesByPublisher(docs)
    .map((g) => {
      const name = g.labels.length ? `${g.publisher}, ${g.labels.join(", ")}` : g.publisher;
      return form === "compact" && g.count > 1 && !g.labels.length ? `${name} (${g.count})` : name;
    })
    .join("; ");
}

export interface SourcesSection {
  /** "Aid" gives "Aid sources: …"; without a label, "Sources: …". */
  label?: string;
  sources: SourceDto[];
}

export interface FitSourcesInput {
  /** What the figures are (dataset, method, scale), most detailed wording first; the first that fits is used. */
  leads: string[];
  sections: SourcesSection[];
  /** Closing remark kept in every wording (FX rates, caveats). */
  note?: string | null;
  /** The width the footer wraps in (the export's width less its padding). */
  width: number;
  /** The export's footer holds four lines (lib/export/compose-chart-svg). */
  maxLines?: number;
  style?: TextStyle;
  measure?: MeasureText;
}

export interface FittedSources {
  text: string;
  /** Which wording fitted; "digest" names the most-cited publishers only (every source stays in the CSV). */
  form: SourceListForm | "digest";
  lines: number;
}

const sentence = (s: string) => (/[.!?]$/.test(s.trim()) ? s.trim() : `${s.trim()}.`);

function compose(lead: string, sections: string[], note?: string | null): string {
  return [lead ? sentence(lead) : "", ...sections.map(sentence), note ? sentence(note) : ""].filter(Boolean).join(" ");
}

function sectionText(section: SourcesSection, list: string): string {
  const head = section.label ? `${section.label} sources` : "Sources";
  return section.sources.length ? `${head}: ${list}` : `${head}: none recorded for this selection`;
}

/**
 * The fullest sources line that fits the export's footer without being cut:
 * every document with its title if there is room, else each publisher once
 * (with its number of documents while that fits), trying the shorter leads
 * before dropping detail from the sources. Only when not even the publishers'
 * names fit does it fall back to a digest of the most-cited publishers, saying
 * how many there are and that the CSV lists every source.
 */
export function fitSourcesLine(input: FitSourcesInput): FittedSources {
  const { leads, sections, note, width, maxLines = 4, style = EXPORT_STYLE.sources, measure = approximateMeasure } = input;
  const lineCount = (text: string) => wrapText(text, width, style, measure).length;
  const leadList = leads.length ? leads : [""];
  for (const form of SOURCE_LIST_FORMS) {
    const parts = sections.map((s) => sectionText(s, listSources(s.sources, form)));
    for (const lead of leadList) {
      const text = compose(lead, parts, note);
      const lines = lineCount(text);
      if (lines <= maxLines) return { text, form, lines };
    }
  }
  // The digest: the section with most publishers is summed up (its publishers by number of
  // documents, as many as fit); the others keep their publishers' names.
  const lead = leadList[leadList.length - 1];
  const big = sections.reduce(
    (best, s, i) => (groupSourcesByPublisher(s.sources).length > groupSourcesByPublisher(sections[best].sources).length ? i : best),
    0,
  );
  const docs = distinctSources(sections[big]?.sources ?? []);
  const groups = groupSourcesByPublisher(docs).sort((a, b) => b.count - a.count);
  const digest = (n: number) =>
    compose(
      lead,
      sections.map((s, i) =>
        i === big
          ? sectionText(
              s,
              `${docs.length} documents from ${groups.length} publishers, every one listed in the CSV; most cited: ${groups
                .slice(0, n)
                .map((g) => (g.count > 1 ? `${g.publisher} (${g.count})` : g.publisher))
                .join("; ")}`,
            )
          : sectionText(s, listSources(s.sources, "names")),
      ),
      note,
    );
  let n = Math.min(groups.length, 1);
  while (n < groups.length && lineCount(digest(n + 1)) <= maxLines) n++;
  const text = digest(n);
  return { text, form: "digest", lines: lineCount(text) };
}
