/**
 * The chat example (see chat.ts): an assistant-style chat against the
 * simulated model in chat-model.ts. Split from chat.ts so tests can mount
 * it headlessly.
 *
 * Inline mode (the default) keeps the transcript in the terminal's
 * scrollback: the user's message is printed above the live region when it
 * is sent, and while an answer streams every finished Markdown block is
 * printed there too, so the live region only ever holds the open block,
 * the input and a status line. Full-screen mode keeps every message in a
 * ScrollBox that sticks to the bottom.
 */
import {
  Box,
  Column,
  computed,
  type Element,
  Markdown,
  type MarkdownElement,
  Row,
  ScrollBox,
  type ScrollBoxElement,
  Show,
  signal,
  Spinner,
  Text,
  Textarea,
  type TextareaElement,
} from "letui";
import { longReply, reply, tokens } from "./chat-model.ts";

/** A slash command of the chat. */
export interface Command {
  /** What is typed, with the slash: `/help`. */
  name: string;
  /** What it takes, shown after the name: `[N]`. */
  args: string;
  /** One line on what it does. */
  help: string;
}

/** The commands, in the order the list shows them. */
export const COMMANDS: readonly Command[] = [
  { name: "/help", args: "", help: "show the keys and the commands" },
  { name: "/long", args: "[N]", help: "ask for a long answer of N paragraphs (default 120)" },
  { name: "/clear", args: "", help: "start a new conversation" },
  { name: "/exit", args: "", help: "quit" },
];

const HELP = `**Keys:** Enter sends, Shift-Enter (or Alt-Enter) starts a new line, Esc stops a streaming answer, Tab completes a command, Ctrl-C quits.

**Commands:**

${COMMANDS.map((c) => `- \`${c.name}${c.args ? ` ${c.args}` : ""}\`: ${c.help}`).join("\n")}`;

/** Messages (questions and answers) a full-screen transcript keeps; older ones are dropped, so that memory and frame cost stay bounded in long sessions. */
export const KEPT = 100;

/** Transcript entries per page (see `keep`). */
const PAGE = 10;

/** Options of {@link chatApp}. */
export interface ChatOptions {
  /** Where the transcript lives: the terminal's scrollback, or a ScrollBox on the alternate screen. @default "inline" */
  mode?: "inline" | "fullscreen";
  /** How fast answers stream. @default 100 */
  tokensPerSecond?: number;
  /** How long the model "thinks" before it answers, in ms. @default 600 */
  thinkMs?: number;
}

/** What the model is doing. */
export type ChatPhase = "idle" | "thinking" | "streaming";

/** The chat: its element tree and the actions the keys trigger. */
export interface Chat {
  /** The element tree to mount. */
  readonly root: Element;
  /** The message input. */
  readonly input: TextareaElement;
  /** The streaming answer (in inline mode only its open tail block). */
  readonly answer: () => MarkdownElement | null;
  /** What the model is doing. */
  readonly phase: () => ChatPhase;
  /** Tokens streamed in the current (or last) answer. */
  readonly streamed: () => number;
  /** Sends a message or runs a command, as Enter does. */
  send(text: string): void;
  /** Stops a streaming answer, as Esc does. */
  interrupt(): void;
}

/** Builds the chat. */
export function chatApp(options: ChatOptions = {}): Chat {
  const mode = options.mode ?? "inline";
  const rate = options.tokensPerSecond ?? 100;
  const thinkMs = options.thinkMs ?? 600;
  if (!(rate > 0)) throw new Error(`tokensPerSecond must be positive, got ${rate}`);

  const phase = signal<ChatPhase>("idle");
  const status = signal("");
  const menu = signal<readonly Command[]>([]);
  const picked = signal(0);
  let turn = 0;
  let streamed = 0;
  /** The answer's text so far. */
  let said = "";
  let answer: MarkdownElement | null = null;
  let cancel: (() => void) | null = null;

  const input = Textarea({
    id: "input",
    placeholder: "Ask anything; / for commands",
    submitKey: "enter",
    tab: "focus",
    autofocus: true,
    wrap: "char",
    height: 1,
    flexGrow: 1,
    onSubmit: (text) => send(text),
    onChange: (text) => {
      // The list shows while a command name is being typed.
      const m = /^\/(\S*)$/.exec(text);
      const list = m ? COMMANDS.filter((c) => c.name.startsWith(`/${m[1]}`)) : [];
      menu.value = list;
      if (picked.peek() >= list.length) picked.value = 0;
      fitInput();
    },
    onKey: (e) => {
      const list = menu.peek();
      if (e.combo === "escape") {
        if (phase.peek() !== "idle") interrupt();
        else if (list.length > 0) menu.value = [];
        else return;
        e.stopPropagation();
      } else if (list.length > 0 && (e.combo === "tab" || e.combo === "up" || e.combo === "down" || e.combo === "shift+tab")) {
        if (e.combo === "tab") complete(list[picked.peek()] as Command);
        else picked.value = (picked.peek() + (e.combo === "up" || e.combo === "shift+tab" ? list.length - 1 : 1)) % list.length;
        e.stopPropagation();
      } else if (list.length > 0 && e.combo === "enter") {
        // Enter on a half-typed name runs the highlighted command.
        const c = list[picked.peek()] as Command;
        if (input.text !== c.name) {
          input.setText(c.name);
          send(c.name);
          e.stopPropagation();
        }
      }
    },
  });

  /** The input grows with its lines, up to six. */
  const fitInput = () => input.setLayout({ height: Math.min(6, input.document.lineCount) });

  const complete = (c: Command) => {
    input.setText(c.args ? `${c.name} ` : c.name);
    input.moveCaret({ line: 0, col: input.text.length });
    menu.value = c.args ? [] : [c];
  };

  const commandList = Column(
    { id: "commands", flexShrink: 0 },
    ...COMMANDS.map((c) =>
      Show({ when: computed(() => menu.value.includes(c)) }, () =>
        Text(
          { inverse: computed(() => menu.value[picked.value] === c) },
          { text: ` ${c.name}`, bold: true },
          { text: c.args ? ` ${c.args}` : "" },
          { text: `  ${c.help} `, dim: true },
        ),
      ),
    ),
  );

  // Full-screen mode keeps every message here; inline mode prints them.
  const transcript = Column({ id: "transcript", gap: 1, flexShrink: 0 });
  const scroller: ScrollBoxElement | null = mode === "fullscreen" ? ScrollBox({ id: "scroller", stickToBottom: true, flexGrow: 1 }, transcript) : null;
  // Inline mode: the open tail of the streaming answer, right below what
  // was printed; bottom-aligned so the newest lines show when it is
  // taller than the room left. The rows below the status line stay empty.
  const live = Column({ id: "live", flexShrink: 1, overflow: "hidden", justifyContent: "flex-end" });

  const userMessage = (text: string): Element =>
    Text({ bold: true, flexShrink: 0 }, { text: "❯ ", fg: "cyan" }, text);

  /** Adds finished content to the transcript: printed above the live region (inline) or appended to the ScrollBox. */
  const commit = (el: Element) => {
    if (mode === "fullscreen") keep(el);
    else root.app?.print(Column({ flexShrink: 0 }, el, Text(" ")));
  };

  /**
   * Full screen: appends to the transcript, dropping the oldest entries
   * past {@link KEPT} (the scrollback of inline mode keeps everything).
   * Entries sit in pages of {@link PAGE}, so a growing answer lays out its
   * page and the list of pages, not every message.
   */
  const keep = (el: Element) => {
    let page = transcript.children[transcript.children.length - 1];
    if (!page || page.children.length >= PAGE) {
      page = Column({ gap: 1, flexShrink: 0 });
      transcript.append(page);
    }
    page.append(el);
    kept++;
    while (kept > KEPT) {
      const first = transcript.children[0];
      const oldest = first?.children[0];
      if (!first || !oldest) break;
      first.remove(oldest);
      kept--;
      if (first.children.length === 0) transcript.remove(first);
    }
  };
  let kept = 0;

  /** Inline mode: moves the answer's finished blocks to the scrollback. */
  const printFinished = () => {
    if (mode !== "inline" || !answer) return;
    const done = answer.takeFinished();
    if (done !== "") root.app?.print(Column({ flexShrink: 0 }, Markdown({ text: done }), Text(" ")));
  };

  const finish = (note: string) => {
    cancel?.();
    cancel = null;
    if (answer) {
      if (note) answer.appendText(note);
      if (mode === "inline") {
        printFinished();
        const rest = answer.source;
        if (rest !== "") commit(Markdown({ text: rest }));
        live.setChildren([]);
      }
    }
    answer = null;
    phase.value = "idle";
    status.value = note ? `stopped after ${streamed} tokens` : `${streamed} tokens`;
  };

  const stream = (text: string) => {
    const clock = (root.app as NonNullable<typeof root.app>).clock;
    const pieces = tokens(text);
    streamed = 0;
    said = "";
    phase.value = "thinking";
    status.value = "";
    cancel = clock.after(thinkMs, () => {
      phase.value = "streaming";
      const md = Markdown({ flexShrink: 0 });
      answer = md;
      if (mode === "fullscreen") keep(md);
      else live.setChildren([md]);
      const start = clock.now();
      const tick = () => {
        // Blocks that finished by the last frame go to the scrollback now:
        // they are the rows at the top of the region, so the rest of the
        // region keeps its place on the terminal and costs no repaint.
        printFinished();
        // Catch up by the clock: a late timer streams several tokens at once.
        const due = Math.min(pieces.length, Math.floor(((clock.now() - start) * rate) / 1000) + 1);
        if (due > streamed) {
          const chunk = pieces.slice(streamed, due).join("");
          said += chunk;
          md.appendText(chunk);
          streamed = due;
          status.value = `${streamed} tokens`;
        }
        if (streamed >= pieces.length) finish("");
        else cancel = clock.after(Math.max(1, Math.round(1000 / rate)), tick);
      };
      tick();
    });
  };

  const send = (raw: string) => {
    const text = raw.trim();
    if (text === "" || phase.peek() !== "idle") return;
    input.setText("");
    fitInput();
    menu.value = [];
    if (text.startsWith("/")) {
      runCommand(text);
      return;
    }
    commit(userMessage(text));
    stream(reply(text, turn++));
  };

  const runCommand = (text: string) => {
    const [name, arg] = text.split(/\s+/, 2);
    switch (name) {
      case "/help":
        commit(Markdown({ text: HELP }));
        return;
      case "/long": {
        const n = arg === undefined ? 120 : Number(arg);
        if (!Number.isInteger(n) || n < 1 || n > 100_000) {
          status.value = `/long takes a whole number of paragraphs from 1 to 100000, not ${JSON.stringify(arg)}`;
          return;
        }
        commit(userMessage(text));
        stream(longReply(n));
        return;
      }
      case "/clear":
        turn = 0;
        if (mode === "fullscreen") {
          transcript.setChildren([]);
          kept = 0;
        }
        else commit(Text({ dim: true }, "── new conversation ──"));
        status.value = "cleared";
        return;
      case "/exit":
        root.app?.stop(0);
        return;
      default:
        status.value = `unknown command ${name}; /help lists them`;
    }
  };

  const interrupt = () => {
    if (phase.peek() === "thinking") {
      cancel?.();
      cancel = null;
      phase.value = "idle";
      status.value = "stopped";
    } else if (phase.peek() === "streaming") {
      // Close a code block the answer was in the middle of.
      const fences = said.match(/^ {0,3}(```|~~~)/gm)?.length ?? 0;
      finish(`${fences % 2 === 1 ? "\n```" : ""}\n\n*[interrupted]*`);
    }
  };

  const root = Column(
    { id: "chat", width: "100%", height: "100%" },
    scroller ?? live,
    Show({ when: computed(() => phase.value === "thinking") }, () => Spinner({ label: "Thinking…", flexShrink: 0 })),
    commandList,
    Box({ id: "composer", border: "rounded", flexShrink: 0, flexDirection: "row" }, input),
    Row(
      { flexShrink: 0, height: 1 },
      Text(
        { dim: true, flexGrow: 1, ellipsis: true },
        computed(() =>
          phase.value === "streaming" ? `streaming… ${status.value}  ·  Esc stops` : status.value || "Enter sends · Shift-Enter new line · / commands",
        ),
      ),
      Text({ dim: true, flexShrink: 0 }, mode === "inline" ? " inline" : " full screen"),
    ),
    ...(scroller ? [] : [Box({ flexGrow: 1 })]),
  );

  return {
    root,
    input,
    answer: () => answer,
    phase: () => phase.peek(),
    streamed: () => streamed,
    send,
    interrupt,
  };
}
