/**
 * The one donor → colour rule, used by every chart that draws donors as
 * series (screen, export, slide): the same donor gets the same colour in "Aid
 * over time" and "Aid and escalation", on a phone and in a PNG.
 *
 * The largest donors have fixed colours; any other takes a colour from its code's
 * hash. Two donors in one chart never share a colour: a clash moves the later
 * code (alphabetically, so the outcome does not depend on the order of the
 * selection) to the next free colour.
 */
export const DONOR_PALETTE = ["#4e79a7", "#f28e2b", "#59a14f", "#b07aa1", "#76b7b2", "#edc948", "#9c755f", "#ff9da7", "#2f4b7c", "#499894"] as const;

/** The grey of the "Others" series: lighter than any donor's colour. */
export const OTHERS_COLOR = "#b7c0cc";
export const OTHERS_KEY = "OTHERS";

// No red: the escalation index is red wherever it is drawn beside aid.
const FIXED: Record<string, (typeof DONOR_PALETTE)[number]> = {
  DEU: "#4e79a7",
  FRA: "#f28e2b",
  GBR: "#59a14f",
  USA: "#b07aa1",
  EU: "#2f4b7c",
  EUI: "#2f4b7c",
  JPN: "#9c755f",
  CAN: "#ff9da7",
  NLD: "#76b7b2",
  POL: "#edc948",
  NOR: "#499894",
};
function hashColor(code: string): string {
  let h = 0;
  for (const ch of code) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return DONOR_PALETTE[h % DONOR_PALETTE.length];
}

/** A donor's own colour, before any clash in a given chart is resolved. */
export function donorColor(code: string): string {
  if (code === OTHERS_KEY) return OTHERS_COLOR;
  return FIXED[code] ?? hashColor(code);
}

/** Colours for the donors drawn together in one chart: each its own colour, no two alike (up to the palette's ten). */
export function donorColors(codes: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  const used = new Set<string>();
  // Fixed colours first, so a hashed donor never takes a large donor's colour away.
  const order = [...codes].filter((c) => c !== OTHERS_KEY).sort((a, b) => Number(!(b in FIXED)) - Number(!(a in FIXED)) || a.localeCompare(b));
  for (const code of order) {
    let color = donorColor(code);
    for (let i = DONOR_PALETTE.indexOf(color as (typeof DONOR_PALETTE)[number]); used.has(color) && used.size < DONOR_PALETTE.length;) {
      i = (i + 1) % DONOR_PALETTE.length;
      color = DONOR_PALETTE[i];
    }
    used.add(color);
    out[code] = color;
  }
  if (codes.includes(OTHERS_KEY)) out[OTHERS_KEY] = OTHERS_COLOR;
  return out;
}
