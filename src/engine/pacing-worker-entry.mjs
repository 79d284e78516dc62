// Worker entry in plain JS: registers tsx's TypeScript loader in this thread, then loads
// the TypeScript worker body. (Loader flags inherited from the parent are not applied to
// a worker's entry module on Node 20, so the worker registers them itself.)
import { register } from "tsx/esm/api";

register();
await import("./pacing-worker.ts");
