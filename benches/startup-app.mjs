/**
 * The program whose cold start benches/runtimes.bench.ts times: a small
 * component app (the README's counter), started with `run()`; plain
 * JavaScript, so that no runtime spends its start-up compiling it.
 */
import { Box, Button, computed, Row, run, signal, Text } from "letui";

const count = signal(0);
const { exited } = await run(() =>
  Box(
    { border: "rounded", title: "counter", padding: 1, gap: 1 },
    Text({ bold: true }, computed(() => `clicked ${count.value} times`)),
    Row({ gap: 2 }, Button({ label: "+1", onPress: () => count.value++ })),
  ),
);
await exited;
