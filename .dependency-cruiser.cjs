/**
 * Import rules checked by `npm run lint`: no cycles, and feature folders that
 * depend one way (app → components → lib). Type-only imports count too: a
 * type import across the wrong boundary is still a dependency in the design.
 */
module.exports = {
  forbidden: [
    { name: "no-circular", severity: "error", comment: "Import cycles make module order matter and hide layering mistakes.", from: {}, to: { circular: true } },
    {
      name: "lib-not-to-ui",
      severity: "error",
      comment: "lib/ is pure domain, data and HTTP helpers: it never imports components/ or app/.",
      from: { path: "^lib/" },
      to: { path: "^(components|app)/" },
    },
    {
      name: "components-not-to-app",
      severity: "error",
      comment: "components/ never imports app/ (routes and pages sit on top).",
      from: { path: "^components/" },
      to: { path: "^app/" },
    },
    {
      name: "not-to-unresolvable",
      severity: "error",
      comment: "An import that resolves to nothing is a typo or a missing package (server-only is provided by Next at build time).",
      from: {},
      to: { couldNotResolve: true, pathNot: "^server-only$" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(node_modules|generated|\\.next)" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json", ".d.ts"],
    },
  },
};
