/**
 * Whether a published release (its release_info.csv) is newer than the one the
 * database holds (pure). Release numbers decide when both are known; then the
 * publication date; then the end of the data period.
 */
import { formatPeriod, type ReleaseInfo } from "@/lib/import/kiel/parse-release-info";

/** The release the database holds, as far as --check needs it. */
export interface HeldRelease {
  label: string;
  releaseNumber: string | null;
  /** YYYY-MM-DD or null. */
  publishedAt: string | null;
  /** Last month of data, YYYY-MM, or null. */
  periodEnd: string | null;
}

export interface PublishedComparison {
  newer: boolean;
  /** One line for the user, e.g. "A newer release is published: Release 30 … (you have Release 29 …)". */
  message: string;
}

const describeInfo = (i: ReleaseInfo) =>
  `${i.label} (release ${i.release}, data to ${formatPeriod(i.period)}, published ${i.publishedAt ?? "on an unknown date"})`;
const describeHeld = (h: HeldRelease) =>
  `${h.label}${h.publishedAt ? `, published ${h.publishedAt}` : ""}${h.periodEnd ? `, data to ${h.periodEnd.slice(5, 7)}/${h.periodEnd.slice(0, 4)}` : ""}`;

export function comparePublishedRelease(held: HeldRelease | null, published: ReleaseInfo): PublishedComparison {
  if (!held) return { newer: true, message: `The database holds no Kiel release; published: ${describeInfo(published)}.` };
  const periodEnd = `${published.period.year}-${String(published.period.month).padStart(2, "0")}`;
  let newer: boolean;
  if (held.releaseNumber !== null) newer = Number(published.release) > Number(held.releaseNumber);
  else if (held.publishedAt && published.publishedAt) newer = published.publishedAt > held.publishedAt;
  else newer = held.periodEnd !== null && periodEnd > held.periodEnd;
  return newer
    ? { newer, message: `A newer release is published: ${describeInfo(published)}. The database holds ${describeHeld(held)}.` }
    : { newer, message: `No newer release: the database holds ${describeHeld(held)}; the newest published is ${describeInfo(published)}.` };
}
