/** The git revision of the working tree ("<sha>", "<sha>-dirty", or "unknown" outside git). */
import { execFileSync } from "node:child_process";

export function gitRevision(): string {
  try {
    const sha = execFileSync("git", ["rev-parse", "--short=12", "HEAD"], { stdio: ["ignore", "pipe", "ignore"] }).toString().trim();
    const dirty = execFileSync("git", ["status", "--porcelain", "--untracked-files=no"], { stdio: ["ignore", "pipe", "ignore"] }).toString().trim();
    return dirty ? `${sha}-dirty` : sha;
  } catch {
    return "unknown";
  }
}
