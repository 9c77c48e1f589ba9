/**
 * The terminal session (see terminal/session.ts) and what it is made of:
 * the process guard that gives terminals back on exit, the input pump,
 * and capability negotiation.
 */
export { resetTerminal } from "./terminal/reset.ts";
export { Terminal, type TerminalEvents, type TerminalOptions } from "./terminal/session.ts";
