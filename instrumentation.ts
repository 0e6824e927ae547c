/** Runs once per server process, before it serves requests. */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { installMethodGuard } = await import("@/lib/security/method-guard");
    installMethodGuard();
  }
}
