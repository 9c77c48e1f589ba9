/**
 * Collections at scale: a List of 1,000,000 items and a Table of 100,000
 * rows x 8 columns (mount, first frame, and scrolling by one row: CPU per
 * frame and bytes per frame against a redraw of the visible rows); 10,000
 * sibling Texts (first frame); For replacing 100,000 items.
 *
 * Run: node_modules/.bin/bun benches/components.bench.ts
 */
import { openSync } from "node:fs";
import { App, Box, type Element, For, List, signal, Table, type TableColumn, Text } from "letui";
import { Screen } from "letui/screen";
import { cpuMs } from "./measure.ts";

const W = 120;
const H = 40;
const out = openSync("/dev/null", "w");

function app(): App {
  const screen = new Screen({ width: W, height: H, fd: out, colorMode: "truecolor" });
  return new App({ screen, stop() {} });
}

function scrollFigures(name: string, a: App, down: () => void): void {
  // Warm up, then scroll by one row per frame.
  for (let i = 0; i < 200; i++) {
    down();
    a.frame();
  }
  const frames = 3000;
  let bytes = 0;
  const m = cpuMs(() => {
    for (let i = 0; i < frames; i++) {
      down();
      a.frame();
      bytes += a.stats.lastFrameBytes;
    }
  });
  console.log(`${name} scroll by one row: ${((m.cpu * 1000) / frames).toFixed(1)} us CPU/frame, ${(bytes / frames).toFixed(0)} bytes/frame`);
}


{
  const a = app();
  let list: ReturnType<typeof List<string>> | undefined;
  const mount = cpuMs(() => {
    list = List({ items: { count: 1_000_000, item: (i) => `item ${i} of the million, with some text` }, flexGrow: 1 });
    a.mount(Box({ flexGrow: 1 }, list));
  });
  const first = cpuMs(() => a.frame());
  console.log(`List 1,000,000 items: mount ${mount.wall.toFixed(2)} ms, first frame ${first.wall.toFixed(2)} ms (${a.stats.lastFrameBytes} bytes: the visible rows drawn once)`);
  const l = list as NonNullable<typeof list>;
  a.focus(l);
  a.frame();
  scrollFigures("List", a, () => l.moveTo(l.current + 1 >= l.count ? 0 : l.current + 1));
  const scrollOne = () => l.scrollToIndex(l.top + 1);
  scrollFigures("List (view only)", a, scrollOne);
  a.stop();
}

{
  const a = app();
  const columns: TableColumn<number>[] = Array.from({ length: 8 }, (_, k) => ({
    title: `col ${k}`,
    value: (r: number) => (k === 0 ? `row ${r}` : r * (k + 1)),
    width: k === 0 ? "fit" : { flex: 1 },
    align: k === 0 ? "left" : "right",
  }));
  const rows = Array.from({ length: 100_000 }, (_, i) => i);
  let table: ReturnType<typeof Table<number>> | undefined;
  const mount = cpuMs(() => {
    table = Table({ items: rows, columns, flexGrow: 1 });
    a.mount(Box({ flexGrow: 1 }, table));
  });
  const first = cpuMs(() => a.frame());
  console.log(`Table 100,000 x 8: mount ${mount.wall.toFixed(2)} ms, first frame ${first.wall.toFixed(2)} ms (${a.stats.lastFrameBytes} bytes: the visible rows drawn once)`);
  const t = table as NonNullable<typeof table>;
  scrollFigures("Table (view only)", a, () => t.scrollToIndex(t.top + 1 >= t.count - H ? 0 : t.top + 1));
  a.stop();
}

{
  const a = app();
  const m = cpuMs(() => {
    a.mount(Box({ flexGrow: 1 }, ...Array.from({ length: 10_000 }, (_, i) => Text(`text ${i}`))));
    a.frame();
  });
  console.log(`10,000 sibling Texts: mount and first frame ${m.wall.toFixed(1)} ms`);
  a.stop();
}

{
  const a = app();
  const items = signal(Array.from({ length: 100_000 }, (_, i) => i));
  a.mount(Box({ flexGrow: 1 }, For({ each: items }, (i): Element => Text(String(i.value)))));
  a.frame();
  // The first replacement runs cold (JIT tiers, heap growth); the later
  // ones show the steady cost. Each replaces every key.
  const times: number[] = [];
  for (let r = 1; r <= 6; r++) {
    const m = cpuMs(() => {
      items.value = Array.from({ length: 100_000 }, (_, i) => i + 100_000 * r);
      a.frame();
    });
    times.push(m.wall);
  }
  const later = times.slice(1).sort((x, y) => x - y);
  console.log(
    `For replacing 100,000 items (with the frame): first ${times[0]?.toFixed(1)} ms, then median ${later[2]?.toFixed(1)} ms (min ${later[0]?.toFixed(1)}, max ${later[4]?.toFixed(1)})`,
  );
  a.stop();
}
