import { afterAll, beforeAll } from "vitest";
import { createTestDatabase, type TestDatabase } from "./test-db";
import { createWriteToken } from "./tokens";

/**
 * A fresh database (seeded unless told otherwise) and a write token for the
 * tests of one file, made before them and removed after. Read `t` and `token`
 * inside tests, not at module load.
 */
export function useTestApi(options: { seed?: boolean } = { seed: true }): { readonly t: TestDatabase; readonly token: string } {
  const state = {} as { t: TestDatabase; token: string };
  beforeAll(async () => {
    state.t = await createTestDatabase(options);
    state.token = await createWriteToken(state.t.db);
  });
  afterAll(async () => state.t?.cleanup());
  return state;
}
