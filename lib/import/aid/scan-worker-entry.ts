/**
 * Worker thread of scanAidCsvInWorker: parses and validates the CSV with
 * scanAidCsv and posts the rows to the importer in batches. Not imported by
 * app code; started with tsx by lib/import/aid/scan-in-worker.ts.
 */
import { parentPort, workerData } from "node:worker_threads";
import { scanAidCsv } from "@/lib/import/aid/scan-aid-csv";
import { ProblemList } from "@/lib/import/aid/problems";
import type { WorkerMessage, WorkerRequest } from "@/lib/import/aid/scan-in-worker";
import type { ParsedRow } from "@/lib/import/aid/row-schema";

const port = parentPort!;
const { file, hash, batchSize, maxInFlight } = workerData as WorkerRequest;
const post = (m: WorkerMessage) => port.postMessage(m);

// Credits: the importer acknowledges each batch it has handled, so the parser
// never runs more than `maxInFlight` batches ahead (memory stays flat).
let inFlight = 0;
let wake: (() => void) | null = null;
port.on("message", () => {
  inFlight--;
  wake?.();
  wake = null;
});

async function main() {
  const problems = new ProblemList();
  let lines: number[] = [];
  let rows: ParsedRow[] = [];
  const send = async () => {
    while (inFlight >= maxInFlight) await new Promise<void>((r) => (wake = r));
    inFlight++;
    post({ type: "rows", lines, rows });
    lines = [];
    rows = [];
  };
  const result = await scanAidCsv(file, {
    problems,
    hash,
    onProgress: (p) => post({ type: "progress", progress: p }),
    onRow: (line, row) => {
      lines.push(line);
      rows.push(row);
      return rows.length >= batchSize ? send() : undefined;
    },
  });
  if (rows.length) await send();
  while (inFlight > 0) await new Promise<void>((r) => (wake = r));
  post({ type: "done", result, problems: problems.items, problemCount: problems.count });
}

main().catch((e: unknown) => post({ type: "error", message: e instanceof Error ? e.message : String(e) }));
