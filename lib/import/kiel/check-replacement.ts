/**
 * Guards on replacing the tracker release (pure). One definition for the CLI,
 * the upload API and the Imports page: an import that would remove more than
 * 5% of the current release's records, end its data period earlier, or that
 * was published before the current release is refused unless the matching
 * override is given.
 */

/** Share of the current release's records an import may remove without --allow-shrink. */
export const MAX_REMOVED_SHARE = 0.05;
const MAX_REMOVED_SHARE_PERCENT = MAX_REMOVED_SHARE * 100;

/** What the guards need to know of a release. */
export interface ReleaseFacts {
  label: string;
  /** Records the release holds (current) or would hold (incoming). */
  records: number;
  /** Last month of the data period, YYYY-MM. */
  periodEnd: string;
  /** YYYY-MM-DD, or null when unknown. */
  publishedAt: string | null;
}

export interface ReplacementOverrides {
  /** --allow-shrink / allowShrink: accept removing more than 5% of the records. */
  allowShrink?: boolean;
  /** --allow-older / allowOlder: accept an earlier data period or publication date. */
  allowOlder?: boolean;
}

export type GuardRule = "shrink" | "older-period" | "older-publication";

/** The override that lifts each rule, as the CLI flag and the API/form field spell it. */
export const GUARD_OVERRIDE = {
  shrink: { flag: "--allow-shrink", field: "allowShrink", label: "Allow removing records" },
  "older-period": { flag: "--allow-older", field: "allowOlder", label: "Allow an older release" },
  "older-publication": { flag: "--allow-older", field: "allowOlder", label: "Allow an older release" },
} as const satisfies Record<GuardRule, { flag: string; field: keyof ReplacementOverrides; label: string }>;

/** The overrides in the order the page shows them as checkboxes (one per field). */
export const OVERRIDE_FIELDS = [
  {
    field: "allowShrink",
    flag: "--allow-shrink",
    label: GUARD_OVERRIDE.shrink.label,
    hint: `accept removing more than ${MAX_REMOVED_SHARE_PERCENT}% of the current release's records`,
  },
  {
    field: "allowOlder",
    flag: "--allow-older",
    label: GUARD_OVERRIDE["older-period"].label,
    hint: "accept an earlier data period or publication date than the current release's",
  },
] as const;

export interface GuardFinding {
  rule: GuardRule;
  /** A clause after "This import", with the numbers: "would remove 2,180 of 2,265 records (96%) …". */
  message: string;
  /** Whether the override was given (the finding is then accepted, not refused). */
  overridden: boolean;
}

export interface ReplacementCheck {
  /** Every rule the import breaks, overridden or not. */
  findings: GuardFinding[];
  /** True when some finding is not overridden: the import must be refused. */
  refused: boolean;
}

const int = (n: number) => n.toLocaleString("en-US");
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const monthName = (ym: string) => `${MONTHS[Number(ym.slice(5, 7)) - 1]} ${ym.slice(0, 4)}`;

/** "96%", but never rounds a share above the limit down to "5%" or a non-zero share to "0%". */
function percent(share: number): string {
  const p = share * 100;
  if (p > 0 && p < 1) return "<1%";
  const r = Math.round(p);
  return `${share > MAX_REMOVED_SHARE && r <= MAX_REMOVED_SHARE * 100 ? p.toFixed(1) : r}%`;
}

/**
 * Checks an incoming release against the one the dataset holds. `removed` is
 * the number of current records the incoming release does not have. No current
 * release (a first import) means nothing to guard.
 */
export function checkReplacement(input: {
  current: ReleaseFacts | null;
  incoming: ReleaseFacts;
  removed: number;
  overrides?: ReplacementOverrides;
}): ReplacementCheck {
  const { current, incoming, removed } = input;
  const overrides = input.overrides ?? {};
  const findings: GuardFinding[] = [];
  if (current) {
    const share = current.records > 0 ? removed / current.records : 0;
    if (share > MAX_REMOVED_SHARE) {
      findings.push({
        rule: "shrink",
        message:
          `would remove ${int(removed)} of ${int(current.records)} records (${percent(share)}) of ${current.label}; ` +
          `more than ${MAX_REMOVED_SHARE * 100}% removed looks like a truncated or partial file`,
        overridden: !!overrides.allowShrink,
      });
    }
    if (incoming.periodEnd < current.periodEnd) {
      findings.push({
        rule: "older-period",
        message: `has data only to ${monthName(incoming.periodEnd)}, earlier than the current release's ${monthName(current.periodEnd)} (${current.label})`,
        overridden: !!overrides.allowOlder,
      });
    }
    if (incoming.publishedAt && current.publishedAt && incoming.publishedAt < current.publishedAt) {
      findings.push({
        rule: "older-publication",
        message: `was published on ${incoming.publishedAt}, before the current release (${current.label}, published ${current.publishedAt})`,
        overridden: !!overrides.allowOlder,
      });
    }
  }
  return { findings, refused: findings.some((f) => !f.overridden) };
}

/** One paragraph explaining a refusal and how to override it (for the CLI, the API error and the page). */
export function explainRefusal(check: ReplacementCheck): string {
  const open = check.findings.filter((f) => !f.overridden);
  const flags = [...new Set(open.map((f) => GUARD_OVERRIDE[f.rule].flag))];
  return (
    `Refused; nothing was written. This import ${open.map((f) => f.message).join("; and ")}. ` +
    `If that is intended, import again with ${flags.join(" and ")}.`
  );
}
