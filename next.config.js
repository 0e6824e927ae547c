const { securityHeaders } = require("./security-headers");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The database drivers are server-only (better-sqlite3 is native).
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "pg", "@prisma/adapter-pg"],
  poweredByHeader: false,
  // NEXT_DIST_DIR lets two builds (e.g. parallel browser-test runs) live side by side.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // One place for the security headers of every page, API answer and file.
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

module.exports = nextConfig;
