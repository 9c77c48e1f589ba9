/**
 * A sign-up form: Inputs, a Textarea, a plan to choose, terms to accept,
 * validation messages, a confirm dialog and a toast. With a file named on
 * the command line, each confirmed sign-up is appended to it as a line of
 * JSON.
 *
 * Run: node_modules/.bin/bun examples/form.ts [signups.jsonl]
 */
import { appendFileSync } from "node:fs";
import { run } from "letui";
import { formApp } from "./form-app.ts";

const out = process.argv[2];
const { exited } = await run(
  () =>
    formApp((data) => {
      if (out) appendFileSync(out, `${JSON.stringify(data)}\n`);
    }),
  { mouse: "drag" },
);
await exited;
