/**
 * An assistant-style chat against a local simulated model (no network):
 * answers stream in as Markdown with code blocks, diffs and tables at
 * about 100 tokens per second, from a deterministic script.
 *
 * Enter sends, Shift-Enter (or Alt-Enter) starts a new line, Esc stops a
 * streaming answer, `/` lists the commands (Tab completes), Ctrl-C quits.
 *
 * By default the transcript goes into the terminal's scrollback (inline
 * mode): scroll, search and select it with the terminal's own keys. Lines
 * printed there stay as they were written; a later resize re-wraps only
 * the live region at the bottom, as with any program's output.
 *
 * Run: node_modules/.bin/bun examples/chat.ts [--fullscreen] [--tps N]
 */
import { run } from "letui";
import { chatApp } from "./chat-app.ts";

const args = process.argv.slice(2);
const fullscreen = args.includes("--fullscreen");
const tpsAt = args.indexOf("--tps");
const tps = tpsAt >= 0 ? Number(args[tpsAt + 1]) : 100;
const unknown = args.filter((a, i) => a !== "--fullscreen" && a !== "--tps" && !(tpsAt >= 0 && i === tpsAt + 1));
if (!(tps > 0) || unknown.length > 0) {
  process.stderr.write("usage: chat.ts [--fullscreen] [--tps TOKENS_PER_SECOND]\n");
  process.exit(2);
}
const chat = chatApp({ mode: fullscreen ? "fullscreen" : "inline", tokensPerSecond: tps });
const height = process.stdout.rows ?? 24;
const { exited } = await run(() => chat.root, fullscreen ? { mouse: "clicks" } : { mode: "inline", inlineHeight: Math.max(8, Math.min(16, height - 2)) });
await exited;
