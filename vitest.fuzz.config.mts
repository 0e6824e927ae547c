import { defineConfig } from "vitest/config";
import base from "./vitest.config.mts";

/** `npm run test:fuzz`: the property-based fuzz suite (tests/fuzz/*.fuzz.ts), which `vitest run` leaves out. */
export default defineConfig({
  ...base,
  test: { ...base.test, include: ["tests/fuzz/**/*.fuzz.ts"], testTimeout: 600_000 },
});
