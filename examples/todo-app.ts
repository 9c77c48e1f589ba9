/**
 * The todo app (see todo.ts): an Input to add, a List with selection,
 * Space or Enter to toggle, Delete to remove, and the list kept in a JSON
 * file. Split from todo.ts so tests can mount it headlessly.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { Box, computed, Input, List, Row, signal, Text } from "letui";

/** One todo. */
export interface Todo {
  /** What to do. */
  text: string;
  /** Done or not. */
  done: boolean;
}

/** Reads the todos in `file` (none when it does not exist); a bad file is an error that names it. */
export function loadTodos(file: string): Todo[] {
  if (!existsSync(file)) return [];
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    throw new Error(`${file} is not a todo list (${e instanceof Error ? e.message : String(e)})`);
  }
  if (!Array.isArray(data) || !data.every((t) => typeof t?.text === "string" && typeof t?.done === "boolean")) {
    throw new Error(`${file} is not a todo list: expected [{ "text": string, "done": boolean }, ...]`);
  }
  return data as Todo[];
}

/** Writes the todos to `file`, through a temporary file so a crash never leaves half a list. */
export function saveTodos(file: string, todos: readonly Todo[]): void {
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(todos, null, 2)}\n`);
  renameSync(tmp, file);
}

/** The app's element tree; changes are saved to `file`. */
export function todoApp(file: string) {
  const todos = signal<readonly Todo[]>(loadTodos(file));
  const draft = signal("");
  const cursor = signal(0);
  const update = (next: readonly Todo[]) => {
    todos.value = next;
    saveTodos(file, next);
  };
  const toggle = (i: number) => update(todos.value.map((t, k) => (k === i ? { ...t, done: !t.done } : t)));
  const remove = (i: number) => update(todos.value.filter((_, k) => k !== i));
  const left = computed(() => todos.value.filter((t) => !t.done).length);
  const list = List({
    id: "todos",
    items: todos,
    cursor,
    label: (t) => `${t.done ? "[x]" : "[ ]"} ${t.text}`,
    onActivate: (i) => toggle(i),
    flexGrow: 1,
    onKey: (e) => {
      if ((e.name === "delete" || e.name === "d") && !e.ctrl) {
        remove(cursor.value);
        e.stopPropagation();
      }
    },
  });
  return Box(
    { border: "rounded", title: "todo", paddingX: 1, flexGrow: 1 },
    Row(
      { gap: 1, height: 1 },
      Text({ fg: "cyan" }, "New:"),
      Input({
        id: "new",
        value: draft,
        placeholder: "what needs doing? (Enter adds)",
        autofocus: true,
        onSubmit: (v) => {
          const text = v.trim();
          if (text === "") return;
          update([...todos.value, { text, done: false }]);
          draft.value = "";
        },
      }),
    ),
    Box({ border: "single", title: computed(() => `${left.value} left of ${todos.value.length}`), flexGrow: 1, focusBorderColor: "cyan" }, list),
    Text({ dim: true }, "Tab: switch · Space: toggle · d: delete · Ctrl-C: quit"),
  );
}
