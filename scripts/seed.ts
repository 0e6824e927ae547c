import { prepareDatabase } from "./prepare-db";

prepareDatabase().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
