/** A problem in the file: 1-based line as in the file (header = line 1) and the column it concerns. */
export interface AidCsvProblem {
  line: number;
  column: string;
  message: string;
}

/** At most this many problems are listed; the rest are counted. */
export const MAX_LISTED_PROBLEMS = 50;

/** Collects problems without growing past MAX_LISTED_PROBLEMS, counting every one. */
export class ProblemList {
  readonly items: AidCsvProblem[] = [];
  count = 0;
  constructor(readonly limit: number = MAX_LISTED_PROBLEMS) {}
  add(line: number, column: string, message: string): void {
    this.count++;
    if (this.items.length < this.limit) this.items.push({ line, column, message });
  }
  /** Adds another list's problems (listed and counted), keeping the listed ones in line order. */
  merge(items: AidCsvProblem[], count: number): void {
    this.count += count;
    this.items.push(...items);
    this.items.sort((a, b) => a.line - b.line);
    this.items.length = Math.min(this.items.length, this.limit);
  }
  get ok(): boolean {
    return this.count === 0;
  }
  /** Problems beyond the listed ones. */
  get unlisted(): number {
    return this.count - this.items.length;
  }
}

export function formatProblem(p: AidCsvProblem): string {
  return `line ${p.line}${p.column ? `, column "${p.column}"` : ""}: ${p.message}`;
}
