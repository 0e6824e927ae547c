import { describe, expect, it } from "vitest";
import { fetchCsvFile, KielDownloadError, looksLikeHtml, parseBaseUrl, releaseFileUrl } from "@/lib/import/kiel/fetch-release";

describe("parseBaseUrl / releaseFileUrl", () => {
  it("treats the base as a folder, with or without a trailing slash", () => {
    expect(releaseFileUrl(parseBaseUrl("https://example.org/kiel/r30"), "data_explorer.csv")).toBe("https://example.org/kiel/r30/data_explorer.csv");
    expect(releaseFileUrl(parseBaseUrl("http://127.0.0.1:8080/r30/"), "weapons.csv")).toBe("http://127.0.0.1:8080/r30/weapons.csv");
  });

  it("rejects anything but an http(s) folder URL", () => {
    expect(() => parseBaseUrl("data/kiel/r29")).toThrow(/not a URL/);
    expect(() => parseBaseUrl("file:///tmp/r29/")).toThrow(/must be http or https/);
    expect(() => parseBaseUrl("https://example.org/r30/?x=1")).toThrow(/without "\?" or "#"/);
  });
});

describe("looksLikeHtml", () => {
  it("spots HTML by content type or by its first tag", () => {
    expect(looksLikeHtml("text/html; charset=utf-8", '"release","period"\n')).toBe(true);
    expect(looksLikeHtml("text/plain", "\n  <!DOCTYPE html><html><body>Not found</body></html>")).toBe(true);
    expect(looksLikeHtml(null, "<html lang=en>")).toBe(true);
    expect(looksLikeHtml("text/csv", '"release","period"\n"29","04/2026"\n')).toBe(false);
    expect(looksLikeHtml(null, '"note"\n"<html> is mentioned in a field"\n')).toBe(false);
  });
});

describe("fetchCsvFile", () => {
  const respond = (body: string, init: ResponseInit) => (async () => new Response(body, init)) as unknown as typeof fetch;

  it("returns the file's name and text", async () => {
    const f = await fetchCsvFile("http://x.test/r30/release_info.csv", {
      fetchImpl: respond("a,b\n1,2\n", { status: 200, headers: { "content-type": "text/csv" } }),
    });
    expect(f).toEqual({ name: "release_info.csv", text: "a,b\n1,2\n" });
  });

  it("turns HTTP errors, HTML, empty bodies and network failures into one-line messages", async () => {
    const url = "http://x.test/r30/data_explorer.csv";
    await expect(fetchCsvFile(url, { fetchImpl: respond("gone", { status: 404, statusText: "Not Found" }) })).rejects.toThrow(
      `${url}: HTTP 404 Not Found (no such file: is this a release folder URL?)`,
    );
    await expect(fetchCsvFile(url, { fetchImpl: respond("oops", { status: 500 }) })).rejects.toThrow(`${url}: HTTP 500`);
    await expect(fetchCsvFile(url, { fetchImpl: respond("<!doctype html><p>hi", { status: 200 }) })).rejects.toThrow(/returned an HTML page, not a CSV file/);
    await expect(fetchCsvFile(url, { fetchImpl: respond("  \n", { status: 200 }) })).rejects.toThrow(/the file is empty/);
    const refused = (async () => {
      throw Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNREFUSED" } });
    }) as unknown as typeof fetch;
    const err = await fetchCsvFile(url, { fetchImpl: refused }).catch((e) => e);
    expect(err).toBeInstanceOf(KielDownloadError);
    expect(err.message).toBe(`${url}: could not download (the connection was refused)`);
    expect(err.message).not.toMatch(/\n/);
  });

  it("gives up after the timeout", async () => {
    const hang = ((_: string, init: RequestInit) =>
      new Promise((_, reject) => init.signal!.addEventListener("abort", () => reject(init.signal!.reason)))) as unknown as typeof fetch;
    await expect(fetchCsvFile("http://x.test/r30/weapons.csv", { fetchImpl: hang, timeoutSeconds: 0.05 })).rejects.toThrow(
      "http://x.test/r30/weapons.csv: no complete answer within 0.05 s (timed out)",
    );
  });
});
