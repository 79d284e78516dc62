// Loads the project's ESM TypeScript modules into a tslab notebook.
// tslab compiles cells with its own TypeScript 5.0 (Node10 resolution: no `.ts`-extension
// imports) and runs them in a vm context where `import()` is unavailable, so cells cannot
// import the library directly. A module loaded by require() can: it imports tsx's ESM API and
// loads each file with tsImport, i.e. the same files and semantics as `npx tsx studies/…`.
// CommonJS on purpose (this package is "type": "module").
const { pathToFileURL } = require("node:url");

/**
 * Imports a project module by a path relative to notebooks/, e.g. "../src/engine/run-pacing.ts".
 * @param {string} specifier
 * @returns {Promise<any>} the module's exports
 */
exports.load = async function load(specifier) {
  const { tsImport } = await import("tsx/esm/api");
  return tsImport(specifier, pathToFileURL(__filename).href);
};
