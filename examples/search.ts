/**
 * The search example: type a query, press Enter (or click Search); page
 * through results with Prev/Next or PageUp/PageDown; resize the terminal
 * and the page size follows. Ctrl-C quits.
 *
 * Run: npm run demo
 */
import { run } from "letui";
import { searchApp } from "./search-app.ts";

const { app, exited } = await run(() => searchApp(), { mouse: "drag" });
app.focusNext();
await exited;
