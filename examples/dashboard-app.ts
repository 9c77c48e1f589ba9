/**
 * The dashboard (see dashboard.ts): Tabs over a live process Table and a
 * log pane that sticks to the bottom. `tick()` advances the simulated
 * system by one update; the runner calls it on a timer, tests by hand.
 */
import { Box, computed, For, type ReadonlySignal, Row, ScrollBox, signal, type SortOrder, Table, Tabs, Text } from "letui";

/** A simulated process. */
export interface Proc {
  /** Process id. */
  pid: number;
  /** Name. */
  name: string;
  /** CPU share in percent. */
  cpu: number;
  /** Resident memory in MiB. */
  mem: number;
}

const NAMES = ["postgres", "nginx", "node", "redis", "cron", "sshd", "bun", "deno", "rsyslogd", "dockerd", "containerd", "kworker"];

/** The dashboard's state and element tree. */
export function dashboardApp(options: { procs?: number; seed?: number } = {}) {
  let seed = options.seed ?? 1;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const procs = signal<readonly Proc[]>(
    Array.from({ length: options.procs ?? 40 }, (_, i) => ({
      pid: 100 + i * 7,
      name: NAMES[i % NAMES.length] as string,
      cpu: Math.round(random() * 400) / 10,
      mem: Math.round(random() * 2000),
    })),
  );
  const order = signal<SortOrder | null>({ column: 2, direction: "desc" });
  const keys: ((p: Proc) => number | string)[] = [(p) => p.pid, (p) => p.name, (p) => p.cpu, (p) => p.mem];
  const sorted: ReadonlySignal<readonly Proc[]> = computed(() => {
    const o = order.value;
    if (!o) return procs.value;
    const key = keys[o.column] as (p: Proc) => number | string;
    const dir = o.direction === "asc" ? 1 : -1;
    return [...procs.value].sort((a, b) => (key(a) < key(b) ? -dir : key(a) > key(b) ? dir : a.pid - b.pid));
  });
  const logs = signal<readonly { id: number; text: string }[]>([]);
  let ticks = 0;
  const load = computed(() => procs.value.reduce((n, p) => n + p.cpu, 0).toFixed(1));

  /** One update: processes change their load, and a log line is written every few updates. */
  const tick = () => {
    ticks++;
    procs.value = procs.value.map((p) => ({
      ...p,
      cpu: Math.max(0, Math.min(100, Math.round((p.cpu + (random() - 0.5) * 6) * 10) / 10)),
      mem: Math.max(1, Math.round(p.mem + (random() - 0.5) * 20)),
    }));
    if (ticks % 6 === 0) {
      const p = procs.value[Math.floor(random() * procs.value.length)] as Proc;
      const line = `${String(ticks).padStart(6)}  ${p.name}[${p.pid}] cpu ${p.cpu.toFixed(1)}%`;
      const next = [...logs.value, { id: ticks, text: line }];
      logs.value = next.length > 500 ? next.slice(next.length - 500) : next;
    }
  };

  const table = Table({
    id: "procs",
    items: sorted,
    sort: order,
    onSort: () => {},
    flexGrow: 1,
    columns: [
      { title: "PID", value: (p) => p.pid, width: 7, align: "right" },
      { title: "Name", value: (p) => p.name, width: { flex: 1 } },
      { title: "CPU %", value: (p) => p.cpu.toFixed(1), width: 8, align: "right" },
      { title: "Mem MiB", value: (p) => p.mem, width: 9, align: "right" },
    ],
  });
  const logPane = ScrollBox(
    { id: "logs", stickToBottom: true, flexGrow: 1 },
    For({ each: logs, key: (l) => l.id }, (l) => Text({ wrap: "none" }, computed(() => l.value.text))),
  );
  const root = Box(
    { flexGrow: 1, minHeight: 0 },
    Row(
      { height: 1, gap: 2 },
      Text({ bold: true }, "letui dashboard"),
      Text(computed(() => `total cpu ${load.value}%`)),
      Text(computed(() => `${procs.value.length} processes`)),
    ),
    Tabs({
      id: "tabs",
      flexGrow: 1,
      tabs: [
        { title: "Processes", render: () => Box({ border: "rounded", flexGrow: 1 }, table) },
        { title: "Logs", render: () => Box({ border: "rounded", title: "log", flexGrow: 1, minHeight: 0 }, logPane) },
        {
          title: "Both",
          render: () => {
            // The same live data in a second pair of views.
            const t2 = Table({
              items: sorted,
              flexGrow: 1,
              columns: [
                { title: "Name", value: (p) => p.name, width: "fit" },
                { title: "CPU %", value: (p) => p.cpu.toFixed(1), width: { flex: 1 }, align: "right" },
              ],
            });
            const l2 = ScrollBox({ stickToBottom: true, flexGrow: 1 }, For({ each: logs, key: (l) => l.id }, (l) => Text({ wrap: "none" }, computed(() => l.value.text))));
            return Row({ flexGrow: 1, minHeight: 0 }, Box({ border: "single", title: "top", flexGrow: 1 }, t2), Box({ border: "single", title: "log", flexGrow: 1, minHeight: 0 }, l2));
          },
        },
      ],
    }),
    Text({ dim: true }, "←/→ tabs · Tab: focus · click headers to sort · Ctrl-C: quit"),
  );
  return { root, tick, procs, logs, order };
}
