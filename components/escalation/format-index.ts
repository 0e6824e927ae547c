/** Index points to one decimal, with a true minus sign; tiny values show as 0.0 rather than −0.0. */
export function formatIndex(v: number, digits = 1): string {
  const rounded = Number(v.toFixed(digits));
  const abs = Math.abs(rounded).toLocaleString("en-GB", { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return rounded < 0 ? `−${abs}` : abs;
}

/** A contribution with its sign: "+12.3", "−4.0". */
export function formatSigned(v: number, digits = 1): string {
  const s = formatIndex(v, digits);
  return s.startsWith("−") || Number(v.toFixed(digits)) === 0 ? s : `+${s}`;
}
