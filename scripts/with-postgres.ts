/**
 * `tsx scripts/with-postgres.ts <command…>`: runs a command with
 * TEST_POSTGRES_URL pointing at a PostgreSQL server. When TEST_POSTGRES_URL is
 * already set it is used as it is; otherwise a throwaway cluster is created in
 * a temporary folder (Debian's `postgresql` package: initdb and pg_ctl under
 * /usr/lib/postgresql/<version>/bin), started on a free loopback port, and
 * removed afterwards. As root the cluster runs as the `postgres` user, since
 * PostgreSQL refuses to run as root.
 */
import { spawnSync, execFileSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

function postgresBinDir(): string {
  const base = "/usr/lib/postgresql";
  const versions = fs.existsSync(base) ? fs.readdirSync(base).filter((v) => fs.existsSync(path.join(base, v, "bin", "initdb"))) : [];
  if (!versions.length) {
    throw new Error(
      "PostgreSQL is not installed: the PostgreSQL tests need Debian's postgresql package (apt-get install -y postgresql) or TEST_POSTGRES_URL pointing at a server",
    );
  }
  return path.join(base, versions.sort((a, b) => Number(b) - Number(a))[0], "bin");
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

function asPostgresUser(cmd: string, args: string[]): void {
  const root = process.getuid?.() === 0;
  const [bin, argv] = root ? ["runuser", ["-u", "postgres", "--", cmd, ...args]] : [cmd, args];
  execFileSync(bin, argv, { stdio: ["ignore", "pipe", "inherit"] });
}

async function main() {
  const command = process.argv.slice(2);
  if (!command.length) throw new Error("usage: tsx scripts/with-postgres.ts <command> [args…]");
  if (process.env.TEST_POSTGRES_URL) {
    const r = spawnSync(command[0], command.slice(1), { stdio: "inherit" });
    process.exit(r.status ?? 1);
  }
  const bin = postgresBinDir();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aem-pg-"));
  const data = path.join(dir, "data");
  if (process.getuid?.() === 0) execFileSync("chown", ["postgres", dir]);
  const port = await freePort();
  const ctl = path.join(bin, "pg_ctl");
  asPostgresUser(path.join(bin, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8"]);
  // fsync off: a throwaway test cluster trades durability for speed.
  asPostgresUser(ctl, [
    "-D",
    data,
    "-l",
    path.join(dir, "log"),
    "-w",
    "-o",
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`,
    "start",
  ]);
  console.log(`[with-postgres] PostgreSQL cluster on 127.0.0.1:${port} (${dir})`);
  let status = 1;
  try {
    const r = spawnSync(command[0], command.slice(1), {
      stdio: "inherit",
      env: { ...process.env, TEST_POSTGRES_URL: `postgresql://postgres@127.0.0.1:${port}/postgres` },
    });
    status = r.status ?? 1;
  } finally {
    try {
      asPostgresUser(ctl, ["-D", data, "-m", "fast", "-w", "stop"]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  process.exit(status);
}

main().catch((e) => {
  console.error(`[with-postgres] ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
