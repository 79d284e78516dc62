/** Prints the JSON Schema of a pacing scenario (npm run schema > scenario.schema.json). */
import { scenarioJsonSchema } from "../src/scenario/scenario-schema.ts";

process.stdout.write(JSON.stringify(scenarioJsonSchema(), null, 2) + "\n");
