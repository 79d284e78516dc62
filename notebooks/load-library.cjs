// Loads the library into a tslab notebook by its package name, as a user's code would:
// `leverage-pacing-toolkit` resolves to this package's own entry (package.json "exports",
// dist/index.js, built by `npm install` / `npm run build`; a stale build refuses with the
// command to rebuild). tslab runs cells in a vm context where `import()` is unavailable, so
// cells cannot import the ESM entry themselves; a module loaded by require() can.
// CommonJS on purpose (this package is "type": "module").

/**
 * The library's exports (the package entry, src/index.ts built).
 * @returns {Promise<any>}
 */
exports.library = function library() {
  return import("leverage-pacing-toolkit");
};
