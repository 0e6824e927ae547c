import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier/flat";

/**
 * Next's own flat config (React, React hooks incl. exhaustive-deps, Next's
 * rules, jsx-a11y) plus its typescript-eslint preset. `npm run lint` runs it
 * with --max-warnings 0, so a warning fails like an error.
 */
export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      // `_`-prefixed names mark a deliberately unused argument or binding.
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" }],
    },
  },
  {
    // Tests read untyped JSON bodies and assert their shape, and their `use…`
    // helpers (tests/helpers/use-test-api.ts) are Vitest fixtures, not React hooks.
    files: ["tests/**", "e2e/**"],
    rules: { "@typescript-eslint/no-explicit-any": "off", "react-hooks/rules-of-hooks": "off" },
  },
  {
    // CommonJS config files that Next loads with require().
    files: ["**/*.js", "**/*.cjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  // Formatting is Prettier's (npm run lint checks it); ESLint keeps to correctness.
  prettier,
  globalIgnores([".next*/**", "generated/**", "node_modules/**", "test-results/**", "playwright-report/**", "next-env.d.ts", "*.tsbuildinfo", "scratch/**"]),
]);
