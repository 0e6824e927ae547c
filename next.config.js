/** @type {import('next').NextConfig} */
const nextConfig = {
  // The generated Prisma client and better-sqlite3 are native/server-only.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3"],
  poweredByHeader: false,
  // NEXT_DIST_DIR lets two builds (e.g. parallel browser-test runs) live side by side.
  distDir: process.env.NEXT_DIST_DIR || ".next",
};

module.exports = nextConfig;
