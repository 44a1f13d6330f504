/**
 * Section keys: the stable anchors of sections in URLs ("#s-0k3f2a9"). One rule for both places that
 * name sections, so a link made for one reaches the other:
 *
 * - the compare model's section pairs (`assignKeys` in ./engine.ts: the new side's title, else the old);
 * - one document's sections (`documentSectionKeys`: the version page's heading ids, the search index).
 *
 * A key is "s-" + a hash of the section's normalised title (its number when untitled). A title already
 * used in the same tree is qualified by its parent's title; if still taken, a counter is added
 * ("-2", "-3") in document order. A section whose title did not change between two versions therefore
 * has the same key on both version pages and in their comparison (unless a clash is resolved
 * differently on the two sides).
 */
import type { SectionNode } from "../parse/types.ts";
import { normalizeTitle } from "../text/normalize.ts";

/** FNV-1a 32-bit, base 36, 7 characters. */
export function keyHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36).padStart(7, "0");
}

/** What a key is made of: the normalised title, else the number, else "untitled". */
export function keyBase(ref: { number: string | null; title: string }): string {
  const title = normalizeTitle(ref.title);
  return title || (ref.number ? "#" + normalizeTitle(ref.number) + ref.number : "untitled");
}

/**
 * Gives every node of a tree its key, in document order (pre-order), by the rules above.
 * `ref` says which number and title name a node; `children` lists its children.
 */
export function assignTreeKeys<T>(
  roots: readonly T[],
  ref: (node: T) => { number: string | null; title: string },
  children: (node: T) => readonly T[],
  set: (node: T, key: string) => void,
): void {
  const used = new Set<string>();
  const walk = (list: readonly T[], parentBase: string) => {
    for (const node of list) {
      const base = keyBase(ref(node));
      let key = "s-" + keyHash(base);
      if (used.has(key)) key = "s-" + keyHash(parentBase + "/" + base);
      if (used.has(key)) {
        let n = 2;
        while (used.has(`${key}-${n}`)) n++;
        key = `${key}-${n}`;
      }
      used.add(key);
      set(node, key);
      walk(children(node), base);
    }
  };
  walk(roots, "");
}

/** The key of every section of one document, by section id ("3.2" -> "s-…"). */
export function documentSectionKeys(sections: readonly SectionNode[]): Map<string, string> {
  const keys = new Map<string, string>();
  assignTreeKeys(
    sections,
    (s) => s,
    (s) => s.children,
    (s, key) => keys.set(s.id, key),
  );
  return keys;
}
