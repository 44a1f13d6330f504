/**
 * Speed and pathological inputs. These tests check only that parsing finishes (the test runner's
 * timeout is the bound) and report timings as diagnostics; the figures are in the parsing ADR.
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { htmlToText } from "../ingest/index.ts";
import { parseDocument } from "./index.ts";
import { checkInvariants } from "./testing.ts";

const seeds = new URL("../../data/samples/seeds/", import.meta.url);

function timed(t: { diagnostic(msg: string): void }, label: string, run: () => unknown, repeat = 1): void {
  const times: number[] = [];
  for (let k = 0; k < repeat; k++) {
    const t0 = performance.now();
    run();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  t.diagnostic(`${label}: median ${times[Math.floor(times.length / 2)]!.toFixed(1)} ms over ${repeat}`);
}

describe("parse speed and pathological inputs (finish; timings reported)", { timeout: 60_000 }, () => {
  it("the five seeds concatenated (~160 KB)", (t) => {
    const text = readdirSync(seeds)
      .filter((f) => f.endsWith(".txt"))
      .sort()
      .map((f) => readFileSync(new URL(f, seeds), "utf8"))
      .join("\n");
    checkInvariants(parseDocument(text));
    for (let k = 0; k < 3; k++) parseDocument(text); // warm up
    timed(t, `${Math.round(text.length / 1024)} K chars`, () => parseDocument(text), 15);
  });

  it("1 MB of one character, on one line and as 1 MB of line breaks", (t) => {
    timed(t, "1 MB '一' one line", () => parseDocument("一".repeat(1 << 20)));
    timed(t, "1 MB '\\n'", () => parseDocument("\n".repeat(1 << 20)));
    timed(t, "1 MB '.'", () => parseDocument(".".repeat(1 << 20)));
  });

  it("50k lines of '1.' and 50k numbered lines counting up", (t) => {
    timed(t, "50k '1.'", () => checkInvariants(parseDocument("1.\n".repeat(50_000))));
    timed(t, "50k '1. 标题' counting up", () =>
      parseDocument(Array.from({ length: 50_000 }, (_, i) => `${(i % 999) + 1}. 标题${i}`).join("\n")),
    );
    timed(t, "50k lines 'Contact Us' / paragraph", () =>
      parseDocument("Contact Us\nWe answer within a day.\n".repeat(25_000)),
    );
  });

  it("deeply nested numbering", (t) => {
    const deep = Array.from(
      { length: 2000 },
      (_, i) => `${Array.from({ length: (i % 60) + 1 }, () => "1").join(".")} 标题\n正文。`,
    ).join("\n");
    timed(t, "1.1.1… up to 60 deep, 2000 headings", () => checkInvariants(parseDocument(deep)));
    const schemes = ["一、", "（一）", "1.", "（1）", "①", "a)", "i.", "第一条 ", "第一章 ", "第一节 "];
    const mixed = Array.from({ length: 20_000 }, (_, i) => `${schemes[i % schemes.length]}标题\n正文。`).join("\n");
    timed(t, "20k headings cycling 10 schemes", () => checkInvariants(parseDocument(mixed)));
  });

  it("a 5 MB HTML page through htmlToText, then parse", (t) => {
    const row =
      "<h2>1. 标题</h2><p>我们会<b>按照</b>法律法规的要求保护您的个人信息。</p><table><tr><td><b>表头</b></td></tr><tr><td>甲</td><td>乙</td></tr></table>\n";
    const html = `<html><body>${row.repeat(Math.ceil((5 << 20) / Buffer.byteLength(row)))}</body></html>`;
    let text = "";
    timed(t, `${(Buffer.byteLength(html) / 1048576).toFixed(1)} MB HTML -> text`, () => (text = htmlToText(html).text));
    timed(t, `${(text.length / 1048576).toFixed(1)} M chars of that text -> parse`, () => parseDocument(text));
    const nested = `<html><body>${"<div><b>".repeat(20_000)}深${"</b></div>".repeat(20_000)}</body></html>`;
    timed(t, "20k nested <div><b>", () => htmlToText(nested));
  });
});
