import { defineConfig, devices } from "@playwright/test";
import path from "node:path";
import os from "node:os";
import { createHash } from "node:crypto";
import { CHROMIUM_ARGS, chromiumExecutable } from "./lib/chromium";

/** The write token the browser tests use; the server knows only its hash. */
export const E2E_WRITE_TOKEN = "e2e-write-token";

const PORT = Number(process.env.E2E_PORT ?? 3211);
// The browser tests run against their own database, created fresh by the web server command.
const dbFile = path.join(os.tmpdir(), `aem-e2e-${PORT}.db`);
export const E2E_DATABASE_URL = `file:${dbFile}`;

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [["list"]],
  timeout: 60_000,
  expect: { timeout: 15_000 },
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "off",
    launchOptions: { executablePath: chromiumExecutable(), args: CHROMIUM_ARGS },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], launchOptions: { executablePath: chromiumExecutable(), args: CHROMIUM_ARGS } } }],
  webServer: {
    // A production build served against a fresh database (migrations + seed + Kiel release).
    command: `rm -f ${dbFile} && npm run build && npm start`,
    url: `http://127.0.0.1:${PORT}/api/meta`,
    timeout: 240_000,
    reuseExistingServer: false,
    env: {
      PORT: String(PORT),
      DATABASE_URL: E2E_DATABASE_URL,
      NEXT_TELEMETRY_DISABLED: "1",
      // As behind a reverse proxy: the HTTP fuzz names each bad-token client by X-Forwarded-For.
      TRUST_PROXY: "true",
      API_TOKEN_SHA256: createHash("sha256").update(E2E_WRITE_TOKEN).digest("hex"),
    },
    stdout: "pipe",
  },
});
