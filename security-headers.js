/**
 * The security headers of every response (next.config.js `headers()` sends
 * them; lib/security/method-guard.ts sends them on the few responses it
 * writes itself). Plain CommonJS so next.config.js can require it.
 *
 * script-src needs 'unsafe-inline': the App Router inlines its flight data and
 * bootstrap in <script> tags. The alternative, a per-request nonce set by the
 * proxy, makes every page dynamically rendered (no static HTML, no CDN
 * caching) for little gain here: the app renders no user-supplied HTML (React
 * escapes all text) and loads nothing from other origins, which 'self' keeps
 * out. style-src needs 'unsafe-inline' for React's style attributes and
 * Recharts. blob:/data: images are the PNG/SVG exports (modern-screenshot
 * draws through data: URLs and reads them back with fetch).
 */
const dev = process.env.NODE_ENV !== "production";

const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  `connect-src 'self' data: blob:${dev ? " ws: wss:" : ""}`,
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const securityHeaders = [
  { key: "Content-Security-Policy", value: contentSecurityPolicy },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

module.exports = { securityHeaders, contentSecurityPolicy };
