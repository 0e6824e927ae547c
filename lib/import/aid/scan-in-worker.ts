import path from "node:path";
import { Worker } from "node:worker_threads";
import type { AidCsvProblem } from "@/lib/import/aid/problems";
import type { ParsedRow } from "@/lib/import/aid/row-schema";
import type { ScanOptions, ScanProgress, ScanResult } from "@/lib/import/aid/scan-aid-csv";

export interface WorkerRequest {
  file: string;
  hash: boolean;
  batchSize: number;
  maxInFlight: number;
}

export type WorkerMessage =
  | { type: "rows"; lines: number[]; rows: ParsedRow[] }
  | { type: "progress"; progress: ScanProgress }
  | { type: "done"; result: ScanResult; problems: AidCsvProblem[]; problemCount: number }
  | { type: "error"; message: string };

/**
 * scanAidCsv on a second core: a worker thread parses and validates the file
 * while this thread writes the rows it has already received. Over a million
 * rows parsing is about a fifth of an import's CPU time; on a machine with
 * two cores it now overlaps with the database writes.
 *
 * Same contract as scanAidCsv: `onRow` is called in file order, awaited when
 * it returns a promise, and header or structure problems land in
 * `options.problems`. The worker runs TypeScript through tsx, so this is for
 * the command line (npm run import:aid); the app's route parses in-thread.
 */
export function scanAidCsvInWorker(file: string, options: ScanOptions): Promise<ScanResult> {
  // tsx's CommonJS hook, registered in the thread before the TypeScript entry is required.
  const entry = path.join(__dirname, "scan-worker-entry.ts");
  const worker = new Worker(`require("tsx/cjs"); require(${JSON.stringify(entry)});`, {
    eval: true,
    workerData: { file, hash: !!options.hash, batchSize: 1000, maxInFlight: 4 } satisfies WorkerRequest,
  });
  return new Promise<ScanResult>((resolve, reject) => {
    let settled = false;
    const fail = (e: unknown) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      reject(e);
    };
    // Batches are handled one after the other, in order, even while an earlier one awaits a write.
    let queue = Promise.resolve();
    worker.on("message", (m: WorkerMessage) => {
      if (m.type === "progress") {
        queue = queue.then(() => options.onProgress?.(m.progress));
      } else if (m.type === "rows") {
        queue = queue
          .then(async () => {
            for (let i = 0; i < m.rows.length; i++) {
              const pending = options.onRow(m.lines[i], m.rows[i]);
              if (pending) await pending;
            }
            worker.postMessage("ack");
          })
          .catch(fail);
      } else if (m.type === "done") {
        queue = queue.then(() => {
          // Problems only the scanner sees (header, CSV structure), in its order.
          options.problems.merge(m.problems, m.problemCount);
          settled = true;
          void worker.terminate();
          resolve(m.result);
        }, fail);
      } else fail(new Error(`CSV parser thread: ${m.message}`));
    });
    worker.on("error", fail);
    worker.on("exit", (code) => {
      if (!settled) fail(new Error(`CSV parser thread stopped (exit code ${code})`));
    });
  });
}
