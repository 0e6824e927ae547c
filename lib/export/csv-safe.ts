import type { Options } from "csv-stringify/sync";

/**
 * CSV injection (OWASP "CSV Injection"): a spreadsheet runs a cell that starts
 * with = + - @ (or a tab / carriage return before one) as a formula, e.g.
 * =HYPERLINK(...) or =cmd|' /C calc'!A0. Such text cells get a leading
 * apostrophe, which spreadsheets show as text and do not display.
 *
 * The rule applies to strings only, and not to a string that is a plain number:
 * numbers (typed as numbers, e.g. a de-escalation severity of -3, or written as
 * "-3", "+1.5", "-2e3") stay numbers a spreadsheet can sum, and cannot carry a
 * formula. Everything else with a trigger character is neutralised, whatever
 * the column: a value check, not a column list, so a new text column is safe
 * without anyone remembering to list it.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export function neutraliseCsvCell(value: string): string {
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

/** The inverse, for importers reading our own exports back: the apostrophe goes again. */
export function restoreCsvCell(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) && !PLAIN_NUMBER.test(value.slice(1)) ? value.slice(1) : value;
}

/** csv-stringify options that neutralise every string cell (and write booleans as true/false). */
export const CSV_SAFE_CAST: NonNullable<Options["cast"]> = {
  string: (value) => neutraliseCsvCell(value),
  boolean: (b) => (b ? "true" : "false"),
};
