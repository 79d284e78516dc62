// Worker entry in plain JS: registers tsx's TypeScript loader in this thread, then loads the
// TypeScript worker body (Node 20 does not apply the parent's loader flags to a worker's entry).
import { register } from "tsx/esm/api";

register();
await import("./covariance-worker.ts");
