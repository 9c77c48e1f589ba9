import { afterEach, expect, test } from "bun:test";
import { readFileSync, rmSync } from "node:fs";
import { captureConsole, consoleCaptured, releaseConsole } from "./console-capture.ts";

afterEach(() => releaseConsole());

test("console output goes to the LETUI_LOG file while captured, and the console comes back", () => {
  const path = `/tmp/letui-console-${process.pid}.log`;
  rmSync(path, { force: true });
  const before = console.log;
  const env = process.env.LETUI_LOG;
  process.env.LETUI_LOG = path;
  try {
    captureConsole();
    expect(consoleCaptured()).toBe(true);
    expect(console.log).not.toBe(before);
    console.log("hello %s", "world", { a: 1 });
    console.error(new Error("boom").message);
    releaseConsole();
    expect(consoleCaptured()).toBe(false);
    expect(console.log).toBe(before);
    const text = readFileSync(path, "utf8");
    expect(text).toContain("[console.log] hello world { a: 1 }");
    expect(text).toContain("[console.error] boom");
  } finally {
    if (env === undefined) delete process.env.LETUI_LOG;
    else process.env.LETUI_LOG = env;
    rmSync(path, { force: true });
  }
});
