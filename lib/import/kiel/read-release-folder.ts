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

/** Where the app ships tracker releases, one folder per release: data/kiel/r29, data/kiel/r30, … */
export const SHIPPED_RELEASES_DIR = path.join("data", "kiel");

/** The newest of the release folder names `r<N>` (by N, not by spelling), or null. */
export function newestReleaseFolderName(names: readonly string[]): string | null {
  let best: { name: string; n: number } | null = null;
  for (const name of names) {
    const m = /^r(\d{1,4})$/.exec(name);
    if (m && (!best || Number(m[1]) > best.n)) best = { name, n: Number(m[1]) };
  }
  return best?.name ?? null;
}

/**
 * The release startup imports into a fresh database: the newest release
 * shipped in the repository (data/kiel/r<N>), or null when none is there.
 */
export function defaultKielReleaseFolder(root: string = process.env.MONITOR_ROOT ?? process.cwd()): string | null {
  const dir = path.resolve(root, SHIPPED_RELEASES_DIR);
  let names: string[];
  try {
    names = fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory() && fs.existsSync(path.join(dir, e.name, DATA_EXPLORER_FILE)))
      .map((e) => e.name);
  } catch {
    return null;
  }
  const newest = newestReleaseFolderName(names);
  return newest ? path.join(dir, newest) : null;
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
    throw new AppError("BAD_REQUEST", `${target} has no ${DATA_EXPLORER_FILE}${present.length ? ` (CSV files there: ${present.join(", ")})` : ""}`);
  }
  return {
    dataExplorer: readText(at(DATA_EXPLORER_FILE)),
    weapons: fs.existsSync(at(WEAPONS_FILE)) ? readText(at(WEAPONS_FILE)) : null,
    releaseInfo: fs.existsSync(at(RELEASE_INFO_FILE)) ? readText(at(RELEASE_INFO_FILE)) : null,
  };
}
