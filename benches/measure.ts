/** Shared by the benches: wall time and process CPU time of a synchronous run. */

/** Runs `fn` once; returns its wall time and the CPU time the process spent (user + system), in ms. */
export function cpuMs(fn: () => void): { wall: number; cpu: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  fn();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1000 };
}
