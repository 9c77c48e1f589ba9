/**
 * Repairing a terminal that a killed program left broken. `kill -9`
 * (SIGKILL) runs no handler, so a full-screen app killed that way leaves
 * the terminal raw, on the alternate screen, with the cursor hidden and
 * mouse reporting on. `npx letui reset` (or `bunx letui reset`) calls
 * {@link resetTerminal} to put it back.
 */
import * as nt from "../native/terminal.ts";

/**
 * Turns off every mode any letui session may have turned on (alternate
 * screen, hidden cursor, mouse and focus reporting, bracketed paste,
 * keyboard protocols) on `output`, and puts the terminal on `input` back
 * into cooked, blocking mode (line editing, echo, signals). Throws a
 * LetuiError when `input` is not a terminal.
 */
export function resetTerminal(input = 0, output = 1): void {
  nt.terminalReset(input, output);
}
