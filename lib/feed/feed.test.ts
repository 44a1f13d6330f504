/**
 * The Atom feeds on the sample policies: well-formed XML (parsed with htmlparser2 in XML mode, as a feed
 * reader would), the elements RFC 4287 requires, stable ids, and entries that summarise each change.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { DomUtils, parseDocument } from "htmlparser2";
import type { Element } from "domhandler";
import { seedSamples } from "../data/samples.ts";
import { flushCompareWrites } from "../data/compare.ts";
import { freshTestDb, type TestDb } from "../data/test-db.ts";
import { getMessages } from "../i18n/index.ts";
import { html } from "../view/safe-html.ts";
import { createTestWork } from "../work/testing.ts";
import { nameUuidUrn, renderAtom, xmlText } from "./atom.ts";
import { buildFeed, FEED_LIMITS, type FeedContext } from "./feeds.ts";

let t: TestDb;
let ctx: FeedContext;
/** The entries' comparisons are computed in worker threads (lib/work), as in the server. */
const lanes = createTestWork((b) => (b.perClient = 100));
before(async () => {
  t = await freshTestDb("feed");
  await seedSamples(t.client);
  ctx = { origin: "https://policies.example", locale: "zh", t: getMessages("zh"), client: t.client, lanes };
});
after(async () => {
  await flushCompareWrites(t.client);
  await t.dispose();
  await lanes.close();
});

const children = (el: Element, name: string): Element[] =>
  el.children.filter((c): c is Element => DomUtils.isTag(c) && c.name === name);
const text = (el: Element, name: string): string => {
  const found = children(el, name);
  assert.equal(found.length, 1, `exactly one <${name}> in <${el.name}>`);
  return DomUtils.textContent(found[0]!);
};
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const UUID = /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Parses a feed and checks what RFC 4287 requires; returns the feed element. */
function parseFeed(xml: string): Element {
  assert.ok(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>'));
  const doc = parseDocument(xml, { xmlMode: true });
  const feeds = doc.children.filter((c): c is Element => DomUtils.isTag(c));
  assert.equal(feeds.length, 1);
  const feed = feeds[0]!;
  assert.equal(feed.name, "feed");
  assert.equal(feed.attribs.xmlns, "http://www.w3.org/2005/Atom");
  assert.match(text(feed, "id"), UUID);
  assert.ok(text(feed, "title").length > 0);
  assert.match(text(feed, "updated"), ISO);
  assert.ok(children(feed, "author").length > 0, "the feed has an author, so entries need none");
  assert.ok(text(children(feed, "author")[0]!, "name").length > 0);
  assert.ok(children(feed, "link").some((l) => l.attribs.rel === "self" && l.attribs.href?.startsWith("https://")));
  for (const e of children(feed, "entry")) {
    assert.match(text(e, "id"), UUID);
    assert.ok(text(e, "title").length > 0);
    assert.match(text(e, "updated"), ISO);
    const alternate = children(e, "link").filter((l) => (l.attribs.rel ?? "alternate") === "alternate");
    assert.equal(alternate.length, 1);
    assert.match(alternate[0]!.attribs.href ?? "", /^https:\/\/policies\.example\/p\//);
  }
  return feed;
}

test("the feed of one policy: one entry per version, each summarising the change from the one before", async () => {
  const feed = await buildFeed("zh-xuexiqiangguo-privacy", ctx);
  assert.ok(feed);
  const root = parseFeed(renderAtom(feed));
  const entries = children(root, "entry");
  assert.equal(entries.length, 5);
  const newest = entries[0]!;
  assert.equal(text(newest, "title"), "学习强国隐私权政策：2021年12月23日 版");
  assert.equal(
    children(newest, "link")[0]!.attribs.href,
    "https://policies.example/p/zh-xuexiqiangguo-privacy/compare/2021-08-25...2021-12-23",
  );
  const content = children(newest, "content")[0]!;
  assert.equal(content.attribs.type, "html");
  const html = DomUtils.textContent(content);
  assert.match(html, /节/);
  assert.match(html, /<ul><li><strong>/);
  assert.match(
    html,
    /href="https:\/\/policies\.example\/p\/zh-xuexiqiangguo-privacy\/compare\/2021-08-25\.\.\.2021-12-23#s-/,
  );
  assert.match(html, /<(ins|del)>/);
  // The oldest version has nothing before it: it says how many sections it has.
  const oldest = entries[4]!;
  assert.match(DomUtils.textContent(children(oldest, "content")[0]!), /首个收录的版本，共 \d+ 节/);
  assert.equal(
    children(oldest, "link")[0]!.attribs.href,
    "https://policies.example/p/zh-xuexiqiangguo-privacy/v/2020-06-10",
  );
  assert.equal(text(oldest, "published"), "2020-06-10T00:00:00Z");
});

test("ids are stable: the same feed twice, the same entry in both feeds", async () => {
  const a = await buildFeed("zh-douban-privacy", ctx);
  const b = await buildFeed("zh-douban-privacy", ctx);
  assert.deepEqual(
    a!.entries.map((e) => e.id),
    b!.entries.map((e) => e.id),
  );
  assert.equal(a!.id, b!.id);
  const all = await buildFeed(null, { ...ctx, locale: "en", t: getMessages("en") });
  assert.ok(all);
  const root = parseFeed(renderAtom(all));
  assert.equal(root.attribs["xml:lang"], "en");
  const ids = children(root, "entry").map((e) => text(e, "id"));
  for (const e of a!.entries) assert.ok(ids.includes(e.id), "a policy's entry has the same id in the collection feed");
  assert.notEqual(all.id, a!.id);
  assert.ok(all.entries.length <= FEED_LIMITS.entries);
  assert.equal(all.entries.length, 15);
  assert.equal(await buildFeed("no-such-policy", ctx), null);
});

test("any text gives well-formed XML: escaped, characters XML forbids dropped", () => {
  assert.equal(xmlText("a<b>&\"c'\u0001\uffff"), "a&lt;b&gt;&amp;&quot;c&apos;");
  const xml = renderAtom({
    id: nameUuidUrn("x"),
    title: "<script>\u0000",
    updated: "2024-01-01T00:00:00Z",
    authors: [{ name: "A & B" }],
    links: [{ rel: "self", href: "https://policies.example/feed.xml?a=1&b=2" }],
    entries: [
      {
        id: nameUuidUrn("y"),
        title: "t",
        updated: "2024-01-01T00:00:00Z",
        links: [{ href: "https://policies.example/p/x" }],
        contentHtml: html`<p>${"a\u0008 & b"}</p>`,
      },
    ],
  });
  const root = parseFeed(xml);
  assert.equal(text(root, "title"), "<script>");
  assert.equal(children(root, "link")[0]!.attribs.href, "https://policies.example/feed.xml?a=1&b=2");
  assert.equal(DomUtils.textContent(children(children(root, "entry")[0]!, "content")[0]!), "<p>a &amp; b</p>");
  assert.equal(nameUuidUrn("x"), nameUuidUrn("x"));
  assert.notEqual(nameUuidUrn("x"), nameUuidUrn("y"));
});
