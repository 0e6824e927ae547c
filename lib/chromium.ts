import fs from "node:fs";

/**
 * Debian's Chromium when present (these machines cannot download Playwright's
 * own build); CHROMIUM_PATH overrides; otherwise undefined, so Playwright falls
 * back to its own browser on a laptop that ran `npx playwright install`.
 */
export function chromiumExecutable(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  return candidates.find((p): p is string => !!p && fs.existsSync(p));
}

/** Flags that keep headless Chromium quiet on a closed network and runnable as root. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
  "--disable-dev-shm-usage",
];
