/**
 * Process-wide exit handling for terminal sessions: every session that is
 * entered is given back on every way the process can end that JavaScript
 * sees: `exit`, an uncaught exception or rejection, SIGINT, SIGTERM,
 * SIGHUP, and SIGQUIT, SIGUSR1 and SIGUSR2 when the program has no handler
 * of its own for them (these are re-raised afterwards, so the process
 * still dies of them), and `process.abort()`. Ctrl-Z's SIGTSTP suspends
 * sessions and SIGCONT resumes them. Crashes in native code and `abort()` are handled natively
 * (crates/letui-ffi/src/fault.rs).
 */
import { detectRuntime } from "../native/library.ts";

/** What the guard needs of a session. */
export interface Guarded {
  /** Gives the terminal back now, synchronously. */
  restore(): void;
  /** Suspends (Ctrl-Z). */
  suspend(): void;
  /** Resumes after a suspension. */
  resume(): void;
}

const active = new Set<Guarded>();
const suspended = new Set<Guarded>();
let installed = false;

function restoreAll(): void {
  for (const t of active) t.restore();
}

/** Signals that end the process: their exit codes are 128 + the number. */
const ENDING = { SIGINT: 2, SIGHUP: 1, SIGTERM: 15 } as const;

function onEnding(signal: keyof typeof ENDING): void {
  restoreAll();
  process.exit(128 + ENDING[signal]);
}

function onFatal(err: unknown): void {
  restoreAll();
  // The terminal is back on the main screen: the error is readable now.
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
}

/**
 * Signals whose default action kills the process and that programs may
 * want for themselves: handled only when nobody else listens, and
 * re-raised after the terminal is back. Node keeps SIGUSR1 (it starts the
 * inspector and does not kill).
 */
function reRaised(): NodeJS.Signals[] {
  return detectRuntime().runtime === "node" ? ["SIGQUIT", "SIGUSR2"] : ["SIGQUIT", "SIGUSR1", "SIGUSR2"];
}

const reRaisers = new Map<NodeJS.Signals, () => void>();

/**
 * `process.abort()` gives the terminal back first: some runtimes reset
 * SIGABRT to its default before raising it, past the native handler.
 */
let originalAbort: (() => never) | undefined;

function abortAfterRestore(): never {
  restoreAll();
  return (originalAbort ?? process.abort).call(process);
}

function reRaiser(signal: NodeJS.Signals): () => void {
  const handler = () => {
    restoreAll();
    process.off(signal, handler);
    reRaisers.delete(signal);
    process.kill(process.pid, signal);
  };
  return handler;
}

const endingHandlers = {
  SIGINT: () => onEnding("SIGINT"),
  SIGHUP: () => onEnding("SIGHUP"),
  SIGTERM: () => onEnding("SIGTERM"),
};

function onTstp(): void {
  for (const t of active) t.suspend();
}

function onCont(): void {
  for (const t of [...suspended]) t.resume();
}

function install(): void {
  if (installed) return;
  installed = true;
  process.on("exit", restoreAll);
  process.on("uncaughtException", onFatal);
  process.on("unhandledRejection", onFatal);
  for (const [sig, fn] of Object.entries(endingHandlers)) process.on(sig as NodeJS.Signals, fn);
  process.on("SIGTSTP", onTstp);
  process.on("SIGCONT", onCont);
  originalAbort = process.abort;
  process.abort = abortAfterRestore;
  for (const sig of reRaised()) {
    if (process.listenerCount(sig) > 0) continue;
    const h = reRaiser(sig);
    reRaisers.set(sig, h);
    process.on(sig, h);
  }
}

function uninstall(): void {
  if (!installed || active.size > 0 || suspended.size > 0) return;
  installed = false;
  process.off("exit", restoreAll);
  process.off("uncaughtException", onFatal);
  process.off("unhandledRejection", onFatal);
  for (const [sig, fn] of Object.entries(endingHandlers)) process.off(sig as NodeJS.Signals, fn);
  process.off("SIGTSTP", onTstp);
  process.off("SIGCONT", onCont);
  for (const [sig, h] of reRaisers) process.off(sig, h);
  reRaisers.clear();
  if (originalAbort && process.abort === abortAfterRestore) process.abort = originalAbort;
  originalAbort = undefined;
}

/** A session entered (or re-entered after a suspension). */
export function entered(t: Guarded): void {
  suspended.delete(t);
  active.add(t);
  install();
}

/** A session gave the terminal back; `suspending` keeps it for SIGCONT. */
export function left(t: Guarded, suspending = false): void {
  active.delete(t);
  if (suspending) suspended.add(t);
}

/** A session ended for good. */
export function ended(t: Guarded): void {
  active.delete(t);
  suspended.delete(t);
  uninstall();
}

/** True while any session is entered (for console capture). */
export function anyActive(): boolean {
  return active.size > 0;
}
