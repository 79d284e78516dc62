import { mkdirSync } from "node:fs";

/** Test artefacts and scratch folders live under out/ (gitignored); a fresh clone has none. */
export default function setup(): void {
  mkdirSync("out", { recursive: true });
}
