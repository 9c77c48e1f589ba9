/**
 * Micro benchmarks for the reactive core (packages/letui/src/signals.ts).
 *
 * Run: node_modules/.bin/bun benches/signals.bench.ts
 *
 * Each case prints nanoseconds per operation, measured over enough iterations
 * to take ~200 ms after a warm-up. The headline case is "tree": 1,000 signals
 * summed by a binary tree of 999 computeds into one effect; one operation is
 * one signal write plus the flush that re-runs the effect (log2(1000) ≈ 10
 * computeds recompute on the way).
 */

import {
  batch,
  computed,
  createScope,
  effect,
  type ReadonlySignal,
  type Signal,
  signal,
} from "letui";

const now = (): number => Bun.nanoseconds();

/** Runs `op(i)` repeatedly; returns ns per call. */
function measure(op: (i: number) => void, targetNs = 200e6): number {
  // Warm up and calibrate.
  let n = 1;
  for (;;) {
    const start = now();
    for (let i = 0; i < n; i++) op(i);
    const elapsed = now() - start;
    if (elapsed > 20e6) {
      n = Math.max(1, Math.round((n * targetNs) / elapsed));
      break;
    }
    n *= 2;
  }
  const start = now();
  for (let i = 0; i < n; i++) op(i);
  return (now() - start) / n;
}

function report(name: string, nsPerOp: number, note = ""): void {
  const ns = nsPerOp < 100 ? nsPerOp.toFixed(1) : nsPerOp.toFixed(0);
  console.log(`${name.padEnd(44)} ${ns.padStart(10)} ns/op  ${note}`);
}

/** Sums `leaves` pairwise into a single root. */
function sumTree(leaves: ReadonlySignal<number>[]): ReadonlySignal<number> {
  let level = leaves;
  while (level.length > 1) {
    const next: ReadonlySignal<number>[] = [];
    for (let i = 0; i < level.length; i += 2) {
      const left = level[i] as ReadonlySignal<number>;
      const right = level[i + 1];
      next.push(right === undefined ? left : computed(() => left.value + right.value));
    }
    level = next;
  }
  return level[0] as ReadonlySignal<number>;
}

let sink = 0;

// 1. One signal, one effect.
{
  const s = signal(0);
  const stop = effect(() => {
    sink += s.value;
  });
  report("signal write + 1 effect", measure((i) => (s.value = i + 1)));
  stop();
}

// 2. 1,000 signals -> binary computed tree -> 1 effect.
{
  const leaves: Signal<number>[] = Array.from({ length: 1000 }, () => signal(0));
  const root = sumTree(leaves);
  let runs = 0;
  const stop = effect(() => {
    runs++;
    sink += root.value;
  });
  runs = 0;
  const ns = measure((i) => {
    (leaves[i % 1000] as Signal<number>).value = i + 1;
  });
  report("tree: 1 of 1,000 leaves written + effect", ns, "(999 computeds, ~10 recompute)");
  if (runs === 0) throw new Error("effect did not run");

  // 3. Same tree, all 1,000 leaves written in one batch.
  let round = 0;
  const nsBatch = measure(() => {
    round++;
    batch(() => {
      for (let j = 0; j < 1000; j++) (leaves[j] as Signal<number>).value = round * 1000 + j;
    });
  }, 300e6);
  report("tree: batch of 1,000 writes + effect", nsBatch, `(${(nsBatch / 1000).toFixed(1)} ns/write)`);
  stop();
}

// 4. Fan-out: 1 signal -> 1,000 effects.
{
  const s = signal(0);
  const stops = Array.from({ length: 1000 }, () =>
    effect(() => {
      sink += s.value;
    }),
  );
  const ns = measure((i) => (s.value = i + 1));
  report("fan-out: 1 write -> 1,000 effects", ns, `(${(ns / 1000).toFixed(1)} ns/effect)`);
  for (const stop of stops) stop();
}

// 5. Equality cut-off: 1,000 writes that do not change a computed's value.
{
  const s = signal(0);
  const positive = computed(() => s.value >= 0);
  let runs = 0;
  const stop = effect(() => {
    runs++;
    positive.value;
  });
  const ns = measure((i) => (s.value = i + 1));
  report("write cut off by an unchanged computed", ns, `(effect runs: ${runs})`);
  stop();
}

// 6. Cached computed read, untracked.
{
  const s = signal(1);
  const c = computed(() => s.value * 2);
  const ns = measure(() => {
    sink += c.value;
  });
  report("cached computed read", ns);
}

// 7. Component-like scope: 1 computed + 2 effects + cleanup, created and disposed.
{
  const a = signal(0);
  const b = signal(0);
  const ns = measure(() => {
    const scope = createScope();
    scope.run(() => {
      const c = computed(() => a.value + b.value);
      effect(() => {
        sink += c.value;
      });
      effect(() => {
        sink += b.value;
        return () => {
          sink--;
        };
      });
    });
    scope.dispose();
  });
  report("scope: create + 1 computed + 2 effects + dispose", ns);
}

if (sink === Number.MIN_SAFE_INTEGER) console.log(sink);
