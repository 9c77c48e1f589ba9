/**
 * The editor (see editor.ts): a Textarea with line numbers over the file,
 * a status line, Ctrl-S to save, Ctrl-Q (or Ctrl-C) to quit. It asks
 * before quitting with unsaved changes and before overwriting a file that
 * changed on disk since it was opened or saved. Bytes that are not UTF-8
 * show as `\xHH` and are written back as they were. Split from editor.ts
 * so tests can mount it headlessly.
 */
import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { basename } from "node:path";
import { Box, computed, confirm, decodeUtf8, encodeUtf8, type Element, Row, signal, Text, Textarea, type TextareaElement, toast } from "letui";

/** What the editor knows of the file on disk. */
interface DiskState {
  /** The bytes last read or written. */
  bytes: Uint8Array;
  /** Modification time then (ms), or -1 when the file did not exist. */
  mtime: number;
}

function readDisk(file: string): DiskState {
  if (!existsSync(file)) return { bytes: new Uint8Array(0), mtime: -1 };
  const st = statSync(file);
  if (!st.isFile()) throw new Error(`${file} is not a regular file`);
  return { bytes: new Uint8Array(readFileSync(file)), mtime: st.mtimeMs };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The editor for `file` (created on the first save when it does not exist). */
export interface Editor {
  /** The element tree to mount. */
  readonly root: Element;
  /** The text area. */
  readonly textarea: TextareaElement;
  /** Saves (asking first when the file changed on disk); resolves with whether it was written. */
  save(): Promise<boolean>;
  /** Quits (asking first when there are unsaved changes). */
  quit(): Promise<void>;
}

/** Builds the editor for `file`; throws a message naming the file when it cannot be read. */
export function editorApp(file: string): Editor {
  let disk = readDisk(file);
  const textarea = Textarea({
    value: decodeUtf8(disk.bytes),
    lineNumbers: true,
    scrollbar: true,
    autofocus: true,
    flexGrow: 1,
  });
  const savedRevision = signal(textarea.revision.peek());
  let busy = false;
  const modified = computed(() => textarea.revision.value !== savedRevision.value);

  const write = (bytes: Uint8Array) => {
    const tmp = `${file}.letui-save`;
    writeFileSync(tmp, bytes);
    renameSync(tmp, file);
    disk = { bytes, mtime: statSync(file).mtimeMs };
    savedRevision.value = textarea.revision.peek();
  };

  const save = async (): Promise<boolean> => {
    if (busy) return false;
    busy = true;
    try {
      const now = readDisk(file);
      const changed = now.mtime !== disk.mtime || !sameBytes(now.bytes, disk.bytes);
      if (changed) {
        const overwrite = await confirm(textarea, {
          title: "Changed on disk",
          message: `${basename(file)} changed on disk since it was opened. Overwrite it with this version?`,
          confirmLabel: "Overwrite",
        });
        if (!overwrite) {
          toast(textarea, "Not saved: the file on disk was kept", { kind: "warning" });
          return false;
        }
      }
      const bytes = encodeUtf8(textarea.text);
      write(bytes);
      toast(textarea, `Saved ${bytes.length} bytes to ${basename(file)}`, { kind: "success", duration: 2500 });
      return true;
    } catch (e) {
      toast(textarea, `Could not save: ${e instanceof Error ? e.message : String(e)}`, { kind: "error", duration: 0 });
      return false;
    } finally {
      busy = false;
    }
  };

  const quit = async (): Promise<void> => {
    if (busy) return;
    const app = textarea.app;
    if (!app) return;
    if (modified.peek()) {
      busy = true;
      const leave = await confirm(textarea, {
        title: "Unsaved changes",
        message: `${basename(file)} has unsaved changes. Quit without saving?`,
        confirmLabel: "Quit",
      });
      busy = false;
      if (!leave) return;
    }
    app.stop(0);
  };

  const status = Text(
    { id: "status", dim: true },
    computed(() => {
      const c = textarea.caret.value;
      const mark = modified.value ? " ●" : "";
      return `${basename(file)}${mark} · Ln ${c.line + 1}, Col ${c.col + 1} · ${textarea.document.lineCount} lines · Ctrl-S save · Ctrl-Q quit`;
    }),
  );
  const root = Box(
    {
      flexGrow: 1,
      onKey: (e) => {
        if (e.kind === "release") return;
        if (e.combo === "ctrl+s") void save();
        else if (e.combo === "ctrl+q" || e.combo === "ctrl+c") void quit();
        else return;
        e.stopPropagation();
        e.preventDefault();
      },
    },
    Box({ border: "rounded", title: basename(file), flexGrow: 1 }, textarea),
    Row({ height: 1 }, status),
  );
  return { root, textarea, save, quit };
}
