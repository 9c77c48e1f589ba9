/**
 * The chat example's simulated model: no network, a deterministic script.
 * `reply(prompt, turn)` picks an answer (Markdown with code blocks, a
 * diff, a table) and `tokens(text)` cuts it into the pieces a model would
 * stream, about four characters each.
 */

const ANSWERS: ((prompt: string) => string)[] = [
  (prompt) => `## Debouncing input

You asked: *${oneLine(prompt)}*. A debounce waits until the calls stop for a moment, then runs once with the last arguments. It suits search boxes and resize handlers, where only the final value matters.

- The timer restarts on every call.
- Only the **last** call's arguments are used.
- \`flush()\` runs a pending call at once; \`cancel()\` drops it.

\`\`\`ts
export function debounce<A extends unknown[]>(fn: (...args: A) => void, ms: number) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last: A | undefined;
  const run = () => {
    timer = undefined;
    if (last) fn(...last);
  };
  const call = (...args: A) => {
    last = args;
    clearTimeout(timer);
    timer = setTimeout(run, ms);
  };
  call.flush = () => {
    clearTimeout(timer);
    run();
  };
  call.cancel = () => clearTimeout(timer);
  return call;
}
\`\`\`

See [the timers guide](https://developer.mozilla.org/en-US/docs/Web/API/setTimeout) for how the delay is measured.`,

  () => `Here is the change, as a patch against \`src/cache.rs\`:

\`\`\`diff
--- a/src/cache.rs
+++ b/src/cache.rs
@@ -10,9 +10,12 @@ impl Cache {
     pub fn get(&mut self, key: &str) -> Option<&Entry> {
-        let entry = self.map.get(key)?;
-        if entry.expired() {
-            return None;
+        let now = Instant::now();
+        match self.map.get(key) {
+            Some(entry) if entry.expires_at > now => Some(entry),
+            Some(_) => {
+                self.map.remove(key);
+                None
+            }
+            None => None,
         }
-        Some(entry)
     }
\`\`\`

Expired entries are now **removed** when they are read, so the map no longer grows without bound.

> Note: the borrow checker rejects returning \`entry\` after \`remove\`, which is why the match returns early.`,

  () => `| Structure | Lookup | Insert | Ordered |
|-----------|:------:|:------:|:-------:|
| \`Vec\` (sorted) | O(log n) | O(n) | yes |
| \`HashMap\` | O(1) | O(1) | no |
| \`BTreeMap\` | O(log n) | O(log n) | yes |

What to check before you pick one:

- [x] how the keys are compared
- [x] whether iteration order matters
- [ ] how large the map grows

~~Always use a hash map~~: measure with your own keys first.`,
];

function oneLine(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > 60 ? `${line.slice(0, 59)}…` : line;
}

/** The answer to the `turn`-th prompt (0-based), the same every run: a patch when asked for a diff or patch, a table when asked for one, otherwise the next in turn. */
export function reply(prompt: string, turn: number): string {
  const pick = /\b(diff|patch)/i.test(prompt) ? 1 : /\btable/i.test(prompt) ? 2 : turn % ANSWERS.length;
  const answer = ANSWERS[pick] as (prompt: string) => string;
  return answer(prompt);
}

const WORDS = "the renderer keeps a front and a back buffer and sends only the cells that changed since the last frame so a streaming reply costs a few bytes per token".split(" ");

/** A long answer of `paragraphs` numbered paragraphs (for `/long`), the same every run. */
export function longReply(paragraphs: number): string {
  const out = [`Here are ${paragraphs} paragraphs.`];
  for (let i = 1; i <= paragraphs; i++) {
    const words: string[] = [];
    for (let w = 0; w < 8 + ((i * 7) % 13); w++) words.push(WORDS[(i * 5 + w) % WORDS.length] as string);
    out.push(`**${i}.** ${words.join(" ")}.`);
    if (i % 25 === 0) out.push(`\`\`\`sh\necho "checkpoint ${i}"\n\`\`\``);
  }
  out.push(`That was paragraph ${paragraphs}, the last one.`);
  return out.join("\n\n");
}

/** Cuts `text` into stream tokens: runs of up to four characters, never splitting a surrogate pair. */
export function tokens(text: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    let end = Math.min(text.length, i + 4);
    const code = text.charCodeAt(end - 1);
    if (end < text.length && code >= 0xd800 && code <= 0xdbff) end++;
    out.push(text.slice(i, end));
    i = end;
  }
  return out;
}
