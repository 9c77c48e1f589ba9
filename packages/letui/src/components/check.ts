/**
 * Prop checks shared by every component: a bad prop is a `LetuiError`
 * that names the component, the prop and the value, thrown where the
 * component is created (or where a signal gives the prop a bad value),
 * never a bare TypeError later in a frame.
 */
import { Element } from "../app/element.ts";
import { argumentError, LetuiError } from "../errors.ts";
import { isSignal } from "../signals.ts";

/** Shows a value in an error message: short, and never raw control characters. */
export function showValue(v: unknown): string {
  let s: string;
  if (typeof v === "string") s = JSON.stringify(v);
  else if (typeof v === "function") s = "a function";
  else if (typeof v === "symbol" || typeof v === "bigint") s = String(v);
  else if (v instanceof Element) s = `a ${v.kind} element`;
  else if (isSignal(v)) s = "a signal";
  else {
    try {
      s = JSON.stringify(v) ?? String(v);
    } catch {
      s = Object.prototype.toString.call(v);
    }
    if (typeof v === "number") s = String(v);
  }
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

/** The error for prop `prop` of `component` holding `value`. */
export function propError(component: string, prop: string, value: unknown, expected: string): LetuiError {
  return argumentError(`${component}: prop ${prop} must be ${expected}, got ${showValue(value)}`);
}

/** Throws unless `props` is an object (or undefined, when `optional`). */
export function checkPropsObject(component: string, props: unknown, optional = true): void {
  if (props === undefined && optional) return;
  if (typeof props !== "object" || props === null || Array.isArray(props) || isSignal(props) || props instanceof Element) {
    throw argumentError(`${component}: props must be an object, got ${showValue(props)}`);
  }
}

/** Throws unless `value` is undefined or a function. */
export function checkFunction(component: string, prop: string, value: unknown): void {
  if (value !== undefined && typeof value !== "function") throw propError(component, prop, value, "a function");
}

/** Throws unless `value` is a boolean (or undefined). */
export function checkBoolean(component: string, prop: string, value: unknown): void {
  if (value !== undefined && typeof value !== "boolean") throw propError(component, prop, value, "true or false");
}

/** Throws unless `value` is a string (or undefined). */
export function checkString(component: string, prop: string, value: unknown): void {
  if (value !== undefined && typeof value !== "string") throw propError(component, prop, value, "a string");
}

/** Throws unless `value` is a finite number (or undefined), and an integer when `integer`, at least `min`. */
export function checkNumber(component: string, prop: string, value: unknown, options: { integer?: boolean; min?: number; max?: number } = {}): void {
  if (value === undefined) return;
  const what = `${options.integer ? "an integer" : "a finite number"}${options.min !== undefined ? ` >= ${options.min}` : ""}${options.max !== undefined ? ` <= ${options.max}` : ""}`;
  if (typeof value !== "number" || !Number.isFinite(value)) throw propError(component, prop, value, what);
  if (options.integer && !Number.isInteger(value)) throw propError(component, prop, value, what);
  if (options.min !== undefined && value < options.min) throw propError(component, prop, value, what);
  if (options.max !== undefined && value > options.max) throw propError(component, prop, value, what);
}

/** Throws unless `value` is one of `allowed` (or undefined). */
export function checkOneOf(component: string, prop: string, value: unknown, allowed: readonly string[]): void {
  if (value === undefined) return;
  if (typeof value !== "string" || !allowed.includes(value)) {
    throw propError(component, prop, value, `one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}`);
  }
}

/** Throws unless `value` is text: a string or a number (a signal's value is checked as it arrives). */
export function checkText(component: string, prop: string, value: unknown): void {
  if (typeof value !== "string" && (typeof value !== "number" || !Number.isFinite(value))) {
    throw propError(component, prop, value, "a string");
  }
}

/** Throws unless `value` is an array. */
export function checkArray(component: string, prop: string, value: unknown): void {
  if (!Array.isArray(value)) throw propError(component, prop, value, "an array");
}

/** Checks what a render function returned: it must be an element. */
export function checkRendered(component: string, prop: string, value: unknown): Element {
  if (!(value instanceof Element)) throw propError(component, prop, value, "a function returning an element");
  return value;
}

/** Runs `fn`, giving a LetuiError it throws the component's name as a prefix. */
export function named<T>(component: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof LetuiError && !e.message.startsWith(`${component}:`)) {
      e.message = `${component}: ${e.message}`;
    }
    throw e;
  }
}
