/**
 * The README's first program: a counter with two buttons.
 *
 * Run: node_modules/.bin/bun examples/counter.ts
 */
import { Box, Button, computed, type Element, Row, run, signal, Text } from "letui";

/** The counter's element tree. */
export function counter(): Element {
  const count = signal(0);
  return Box(
    { border: "rounded", title: "counter", padding: 1, gap: 1 },
    Text({ bold: true }, computed(() => `clicked ${count.value} times`)),
    Row(
      { gap: 2 },
      Button({ label: "+1", onPress: () => count.value++ }),
      Button({ label: "reset", onPress: () => (count.value = 0) }),
    ),
  );
}

if (import.meta.main) {
  const { exited } = await run(counter);
  await exited; // Ctrl-C quits; the terminal is always restored
}
