import { z } from "zod";

/**
 * Zod 4 probes `new Function("")` before its first object parse to decide on
 * JIT-compiled parsers. Under the app's CSP (no 'unsafe-eval') the probe is
 * blocked and the browser reports a CSP violation, although Zod swallows the
 * error. jitless skips the probe; the browser parses small URL states only, so
 * the JIT gains nothing there. The server keeps the JIT (no CSP applies).
 */
if (typeof window !== "undefined") z.config({ jitless: true });
