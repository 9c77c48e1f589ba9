// Lets Node 20 run the TypeScript test programs directly (`node --import
// ./node-ts.mjs program.ts`): `.ts` modules are transpiled on load with
// the workspace's TypeScript (types are erased, nothing is checked).
// For tests and benchmarks only; users run the compiled package.
import { register } from "node:module";

register("./node-ts-hooks.mjs", import.meta.url);
