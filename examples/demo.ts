/**
 * An animated full-screen scene: a moving color field drawn straight into
 * the shared cell memory, with greetings in several scripts floating over
 * it. Quits on `q` or Ctrl-C; the terminal comes back as it was.
 *
 * Run: npm run scene   (or node_modules/.bin/bun examples/demo.ts)
 */
import { CELL_WORDS, packStyle, rgb, Terminal } from "letui/screen";

const term = new Terminal({ mouse: "off" });
await term.start();

const greetings = [
  "Hello, world",
  "¡Hola, mundo!",
  "Grüß Gott, Welt",
  "Γειά σου, κόσμε",
  "Привет, мир",
  "こんにちは、世界",
  "你好，世界",
  "안녕하세요, 세계",
  "Xin chào thế giới",
  "👋 🌍 👨‍👩‍👧 🎉",
];

const panelStyle = packStyle({ fg: "#f8f8f2", bg: "#1e1f29" });
const titleStyle = packStyle({ fg: "#1e1f29", bg: "#8be9fd", bold: true });
const footStyle = packStyle({ fg: "#6272a4", bg: "#1e1f29", italic: true });

let frame = 0;
let bytes = 0;
let last = performance.now();
let fps = 0;

function draw(): void {
  const s = term.screen;
  const { width: w, height: h } = s;
  const cells = s.cells;
  const t = frame / 12;
  // The background: a plasma of sines, one 24-bit color per cell.
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const v = Math.sin(x / 7 + t) + Math.sin(y / 4 - t * 0.7) + Math.sin((x + y) / 11 + t * 0.5);
      const r = (128 + 60 * Math.sin(v + 0.0)) | 0;
      const g = (100 + 60 * Math.sin(v + 2.1)) | 0;
      const b = (140 + 80 * Math.sin(v + 4.2)) | 0;
      const i = (y * w + x) * CELL_WORDS;
      cells[i] = 0x20;
      cells[i + 1] = 0;
      cells[i + 2] = rgb(r, g, b);
      cells[i + 3] = 0;
    }
  }
  // The panel with greetings, bobbing gently.
  const pw = Math.min(44, w - 4);
  const ph = Math.min(greetings.length + 4, h - 2);
  const px = Math.max(0, ((w - pw) / 2) | 0);
  const py = Math.max(0, (((h - ph) / 2) | 0) + Math.round(Math.sin(frame / 20)));
  s.fill(px, py, pw, ph, " ", panelStyle);
  s.fill(px, py, pw, 1, " ", titleStyle);
  s.drawText(px + 2, py, "letui — text in many scripts", titleStyle);
  for (let i = 0; i < greetings.length && i + 2 < ph - 1; i++) {
    const hue = (frame * 3 + i * 36) % 360;
    const fg = hsl(hue, 0.7, 0.7);
    s.drawText(px + 3, py + 2 + i, greetings[i] as string, { fg, bg: "#1e1f29", bold: i === 0 });
  }
  s.drawText(px + 2, py + ph - 1, `${fps.toFixed(0)} fps · ${(bytes / 1024).toFixed(1)} KiB/frame · q quits`, footStyle);
  bytes = s.render();
  frame++;
  const now = performance.now();
  fps = fps * 0.9 + (1000 / Math.max(1, now - last)) * 0.1;
  last = now;
}

function hsl(h: number, s: number, l: number): { r: number; g: number; b: number } {
  const c = (1 - Math.abs(2 * l - 1)) * s;
  const x = c * (1 - Math.abs(((h / 60) % 2) - 1));
  const m = l - c / 2;
  const [r, g, b] = h < 60 ? [c, x, 0] : h < 120 ? [x, c, 0] : h < 180 ? [0, c, x] : h < 240 ? [0, x, c] : h < 300 ? [x, 0, c] : [c, 0, x];
  return { r: Math.round((r + m) * 255), g: Math.round((g + m) * 255), b: Math.round((b + m) * 255) };
}

const timer = setInterval(draw, 33);
term.on("key", (e) => {
  if (e.name === "q" && e.kind === "press" && !e.ctrl) {
    clearInterval(timer);
    term.stop();
  }
});
term.on("resize", draw);
draw();
await term.exited;
