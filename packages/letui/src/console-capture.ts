/**
 * Console output during a terminal session would draw over the screen
 * being rendered. While a session is active, `console.*` output is held
 * and written to stderr once the terminal is given back, or appended to
 * the file named by `LETUI_LOG` as it happens.
 */
import { appendFileSync, writeSync } from "node:fs";
import { formatWithOptions } from "node:util";

const METHODS = ["log", "info", "warn", "error", "debug", "trace"] as const;

type Method = (typeof METHODS)[number];

let saved: Record<Method, (...args: unknown[]) => void> | null = null;
let held: string[] = [];

/** True while console output is being held. */
export function consoleCaptured(): boolean {
  return saved !== null;
}

/** Starts holding console output (idempotent). */
export function captureConsole(): void {
  if (saved) return;
  const original = {} as Record<Method, (...args: unknown[]) => void>;
  const logFile = process.env.LETUI_LOG;
  for (const m of METHODS) {
    original[m] = console[m];
    console[m] = (...args: unknown[]) => {
      const line = formatWithOptions({ colors: false }, ...args);
      if (logFile) {
        try {
          appendFileSync(logFile, `[console.${m}] ${line}\n`);
        } catch {
          held.push(line);
        }
      } else {
        held.push(line);
      }
    };
  }
  saved = original;
}

/** Stops holding console output and writes what was held to stderr (synchronously, so exit paths keep it). */
export function releaseConsole(): void {
  if (!saved) return;
  for (const m of METHODS) console[m] = saved[m];
  saved = null;
  const text = held.join("\n");
  held = [];
  if (text) {
    try {
      writeSync(2, `${text}\n`);
    } catch {
      // stderr is gone (a hangup): nothing left to tell.
    }
  }
}
