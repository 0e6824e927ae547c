/**
 * Downloads a tracker release folder from the web: release_info.csv,
 * data_explorer.csv and weapons.csv under one base URL. Every failure (no
 * network, a timeout, an HTTP error, an HTML page instead of a CSV file) is a
 * KielDownloadError with a one-line message; nothing is imported then.
 */
import { AppError } from "@/lib/errors";
import { DATA_EXPLORER_FILE, RELEASE_INFO_FILE, WEAPONS_FILE, type KielFile, type KielReleaseFiles } from "@/lib/import/kiel/read-release-folder";

/** Seconds a download may take (connection and body) before it is abandoned. */
export const DEFAULT_FETCH_TIMEOUT_SECONDS = 30;

/** Largest file accepted; R29's data_explorer.csv is about 100 kB. */
export const MAX_DOWNLOAD_BYTES = 20 * 1024 * 1024;

export class KielDownloadError extends AppError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("UNPROCESSABLE", message, [], options);
    this.name = "KielDownloadError";
  }
}

/** The base URL as a folder URL (trailing slash), or a KielDownloadError for anything but http(s). */
export function parseBaseUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new KielDownloadError(`not a URL: "${raw}" (expected e.g. https://example.org/kiel/r30/)`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new KielDownloadError(`the release URL must be http or https, got "${url.protocol}" (for a folder on disk, give its path instead of --url)`);
  }
  if (url.search || url.hash) throw new KielDownloadError(`the release URL must be a folder URL without "?" or "#": "${raw}"`);
  if (!url.pathname.endsWith("/")) url.pathname += "/";
  return url;
}

export function releaseFileUrl(base: URL, file: string): string {
  return new URL(file, base).toString();
}

/** True when a body that should be CSV is an HTML page (an error page, a login wall, a moved file). */
export function looksLikeHtml(contentType: string | null, text: string): boolean {
  if (contentType && /\b(text\/html|application\/xhtml\+xml)\b/i.test(contentType)) return true;
  return /^\s*(<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(text.replace(/^\uFEFF/, "").slice(0, 512));
}

export interface FetchOptions {
  /** Seconds before the download is abandoned (default 30). */
  timeoutSeconds?: number;
  /** For tests. */
  fetchImpl?: typeof fetch;
}

function networkReason(e: unknown): string {
  const cause = (e as { cause?: { code?: string; message?: string } })?.cause;
  if (cause?.code === "ENOTFOUND" || cause?.code === "EAI_AGAIN") return "the host name could not be resolved";
  if (cause?.code === "ECONNREFUSED") return "the connection was refused";
  if (cause?.code === "ECONNRESET" || cause?.code === "UND_ERR_SOCKET") return "the connection was dropped";
  if (cause?.code) return `network error ${cause.code}`;
  return "network error";
}

/** Fetches one CSV file. Throws KielDownloadError with a one-line message on any failure. */
export async function fetchCsvFile(url: string, options: FetchOptions = {}): Promise<KielFile> {
  const timeoutSeconds = options.timeoutSeconds ?? DEFAULT_FETCH_TIMEOUT_SECONDS;
  const doFetch = options.fetchImpl ?? fetch;
  const name = decodeURIComponent(new URL(url).pathname.split("/").pop() || url);
  const signal = AbortSignal.timeout(Math.max(1, Math.round(timeoutSeconds * 1000)));
  try {
    const res = await doFetch(url, { signal, redirect: "follow", headers: { accept: "text/csv, text/plain;q=0.9, */*;q=0.1" } });
    if (!res.ok) {
      await res.body?.cancel().catch(() => {});
      throw new KielDownloadError(
        `${url}: HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ""}${res.status === 404 ? " (no such file: is this a release folder URL?)" : ""}`,
      );
    }
    const length = Number(res.headers.get("content-length") ?? "0");
    if (length > MAX_DOWNLOAD_BYTES) {
      await res.body?.cancel().catch(() => {});
      throw new KielDownloadError(`${url}: file larger than ${MAX_DOWNLOAD_BYTES} bytes`);
    }
    const text = await res.text();
    if (Buffer.byteLength(text, "utf8") > MAX_DOWNLOAD_BYTES) throw new KielDownloadError(`${url}: file larger than ${MAX_DOWNLOAD_BYTES} bytes`);
    if (looksLikeHtml(res.headers.get("content-type"), text)) {
      throw new KielDownloadError(`${url}: the server returned an HTML page, not a CSV file (an error or login page, or the file has moved)`);
    }
    if (text.trim() === "") throw new KielDownloadError(`${url}: the file is empty`);
    return { name, text };
  } catch (e) {
    if (e instanceof KielDownloadError) throw e;
    if (signal.aborted || (e as { name?: string })?.name === "TimeoutError") {
      throw new KielDownloadError(`${url}: no complete answer within ${timeoutSeconds} s (timed out)`, { cause: e });
    }
    throw new KielDownloadError(`${url}: could not download (${networkReason(e)})`, { cause: e });
  }
}

/** Downloads release_info.csv alone (what --check needs). */
export async function fetchReleaseInfoFile(baseUrl: string, options: FetchOptions = {}): Promise<KielFile> {
  return fetchCsvFile(releaseFileUrl(parseBaseUrl(baseUrl), RELEASE_INFO_FILE), options);
}

/** Downloads the three files of a release; all three are required. */
export async function fetchReleaseFiles(baseUrl: string, options: FetchOptions = {}): Promise<KielReleaseFiles> {
  const base = parseBaseUrl(baseUrl);
  const releaseInfo = await fetchCsvFile(releaseFileUrl(base, RELEASE_INFO_FILE), options);
  const dataExplorer = await fetchCsvFile(releaseFileUrl(base, DATA_EXPLORER_FILE), options);
  const weapons = await fetchCsvFile(releaseFileUrl(base, WEAPONS_FILE), options);
  return { dataExplorer, weapons, releaseInfo };
}
