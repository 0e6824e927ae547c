import { formatCount } from "@/lib/format/money";

/** Names for the ISO 3166-1 alpha-3 codes the deployment data uses; unknown codes show as themselves. */
const COUNTRY_NAMES: Record<string, string> = {
  PRK: "North Korea",
  RUS: "Russia",
  UKR: "Ukraine",
  BLR: "Belarus",
  IRN: "Iran",
  CHN: "China",
  SYR: "Syria",
  CUB: "Cuba",
  USA: "United States",
};

export const countryName = (code: string): string => COUNTRY_NAMES[code] ?? code;

export const forceLabel = (f: string): string => f.replace(/_/g, " ").replace(/^./, (c) => c.toUpperCase());

/** A report's personnel figure in words: a range, a single figure, or one bound. */
export function personnelText(low: number | null, high: number | null): string {
  if (low !== null && high !== null) return low === high ? formatCount(low) : `${formatCount(low)}–${formatCount(high)}`;
  if (low !== null) return `at least ${formatCount(low)}`;
  if (high !== null) return `up to ${formatCount(high)}`;
  return "not stated";
}
