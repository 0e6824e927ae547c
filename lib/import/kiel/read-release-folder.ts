import fs from "node:fs";
import path from "node:path";
import { AppError } from "@/lib/errors";

export interface KielFile {
  /** File name as shown in messages (base name). */
  name: string;
  text: string;
}

/** The files of one release. Only data_explorer.csv is required. */
export interface KielReleaseFiles {
  dataExplorer: KielFile;
  weapons?: KielFile | null;
  releaseInfo?: KielFile | null;
}

export const DATA_EXPLORER_FILE = "data_explorer.csv";
export const WEAPONS_FILE = "weapons.csv";
export const RELEASE_INFO_FILE = "release_info.csv";

/** The reference release beside the checkout (R29), used by tests and by startup on a fresh database. */
export function defaultKielReleaseFolder(root: string = process.env.MONITOR_ROOT ?? process.cwd()): string {
  return path.resolve(root, "..", "shared", "data", "kiel-ust-r29");
}

function readText(file: string): KielFile {
  return { name: path.basename(file), text: fs.readFileSync(file, "utf8") };
}

/**
 * Reads a release from a folder (data_explorer.csv, plus release_info.csv and
 * weapons.csv when present) or from a single data_explorer-style CSV file.
 */
export function readReleaseFolder(target: string): KielReleaseFiles {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(target);
  } catch {
    throw new AppError("BAD_REQUEST", `No such file or folder: ${target}`);
  }
  if (stat.isFile()) return { dataExplorer: readText(target), weapons: null, releaseInfo: null };
  if (!stat.isDirectory()) throw new AppError("BAD_REQUEST", `Not a file or folder: ${target}`);

  const at = (name: string) => path.join(target, name);
  if (!fs.existsSync(at(DATA_EXPLORER_FILE))) {
    const present = fs.readdirSync(target).filter((f) => f.endsWith(".csv"));
    throw new AppError(
      "BAD_REQUEST",
      `${target} has no ${DATA_EXPLORER_FILE}${present.length ? ` (CSV files there: ${present.join(", ")})` : ""}`,
    );
  }
  return {
    dataExplorer: readText(at(DATA_EXPLORER_FILE)),
    weapons: fs.existsSync(at(WEAPONS_FILE)) ? readText(at(WEAPONS_FILE)) : null,
    releaseInfo: fs.existsSync(at(RELEASE_INFO_FILE)) ? readText(at(RELEASE_INFO_FILE)) : null,
  };
}
