/**
 * Event dates as the exports write them: ISO `2025-05-16` (ACLED's current
 * exports, UCDP's date_start/date_end, which may carry a time such as
 * `2025-05-16 00:00:00.000`) and ACLED's older `16 May 2025` (also `16-May-2025`,
 * `16 May, 2025`, full month names). Returns the ISO day or null.
 */
const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
};

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/;
const WORDY = /^(\d{1,2})[\s-]+([A-Za-z]{3,9})[\s,-]+(\d{4})$/;

export function parseEventDate(text: string): string | null {
  const s = text.trim();
  let y: number, m: number, d: number;
  const iso = ISO.exec(s);
  if (iso) {
    [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  } else {
    const w = WORDY.exec(s);
    if (!w) return null;
    const month = MONTHS[w[2].toLowerCase()];
    if (!month) return null;
    [y, m, d] = [Number(w[3]), month, Number(w[1])];
  }
  const t = Date.UTC(y, m - 1, d);
  const check = new Date(t);
  // Rejects 2025-02-30 and the like, which Date would roll over into March.
  if (y < 1900 || y > 2100 || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) return null;
  return check.toISOString().slice(0, 10);
}
