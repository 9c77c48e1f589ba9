/**
 * A pseudo-terminal through libc (bun:ffi), for benchmarks that need a
 * real TTY without tmux, `script` or Python: `posix_openpt` for the
 * master side, the slave side opened by name, and synchronous `poll` +
 * `read` on the master so that timing does not go through the event loop.
 */
import { spawnSync } from "node:child_process";
import { closeSync, constants, openSync } from "node:fs";
import { dlopen } from "bun:ffi";

const libc = dlopen(process.platform === "darwin" ? "libc.dylib" : "libc.so.6", {
  posix_openpt: { args: ["i32"], returns: "i32" },
  grantpt: { args: ["i32"], returns: "i32" },
  unlockpt: { args: ["i32"], returns: "i32" },
  ptsname: { args: ["i32"], returns: "cstring" },
  poll: { args: ["ptr", "u64", "i32"], returns: "i32" },
  read: { args: ["i32", "ptr", "u64"], returns: "i64" },
  write: { args: ["i32", "ptr", "u64"], returns: "i64" },
}).symbols;

/** A pseudo-terminal pair. */
export interface Pty {
  /** The master side: what a terminal emulator holds. */
  master: number;
  /** The slave side: the program's TTY. */
  slave: number;
  /** The slave's path, e.g. /dev/pts/3. */
  path: string;
}

/** Opens a pseudo-terminal of `cols` x `rows`. */
export function openPty(cols: number, rows: number): Pty {
  const master = libc.posix_openpt(constants.O_RDWR | constants.O_NOCTTY);
  if (master < 0 || libc.grantpt(master) !== 0 || libc.unlockpt(master) !== 0) {
    throw new Error("could not open a pseudo-terminal (posix_openpt/grantpt/unlockpt failed)");
  }
  const path = String(libc.ptsname(master));
  const slave = openSync(path, constants.O_RDWR | constants.O_NOCTTY);
  // The size, with stty rather than a variadic ioctl through FFI.
  const r = spawnSync("stty", ["cols", String(cols), "rows", String(rows)], { stdio: [slave, "ignore", "inherit"] });
  if (r.status !== 0) throw new Error(`stty could not set the size of ${path}`);
  return { master, slave, path };
}

/** Closes the slave side (the parent's copy, once the child has it). */
export function closeSlave(pty: Pty): void {
  closeSync(pty.slave);
}

const pollfd = new Int32Array(2);

/** Waits up to `timeoutMs` for bytes on `fd` and reads them into `buf`; returns how many (0 on timeout, -1 at end). */
export function readSome(fd: number, buf: Uint8Array, timeoutMs: number): number {
  pollfd[0] = fd;
  // events = POLLIN (1), revents = 0: two shorts in the second word.
  pollfd[1] = 1;
  const ready = libc.poll(pollfd, 1, timeoutMs);
  if (ready === 0) return 0;
  if (ready < 0) return -1;
  const n = Number(libc.read(fd, buf, buf.length));
  return n <= 0 ? -1 : n;
}

/** Writes all of `bytes` to `fd`. */
export function writeAll(fd: number, bytes: Uint8Array): void {
  let off = 0;
  while (off < bytes.length) {
    const n = Number(libc.write(fd, bytes.subarray(off), bytes.length - off));
    if (n <= 0) throw new Error("write to the pseudo-terminal failed");
    off += n;
  }
}
