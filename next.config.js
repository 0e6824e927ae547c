/** @type {import('next').NextConfig} */
const nextConfig = {
  // The generated Prisma client and better-sqlite3 are native/server-only.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3"],
  poweredByHeader: false,
};

module.exports = nextConfig;
