/**
 * Topics of a section or paragraph from the lexicons in lexicon.ts: Chinese marks are substrings,
 * English marks match at a word start. A section has the topics its title marks, plus those its own
 * text marks at least TOPIC_RULES.bodyHits times (the TOPIC_RULES.maxBodyTopics most marked).
 */
import { TOPIC_RULES, TOPICS, type TopicId } from "./lexicon.ts";
import { foldForMatch } from "./text.ts";

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** One regular expression per topic, all its marks. */
const MATCHERS: ReadonlyArray<{ id: TopicId; re: RegExp }> = TOPICS.map((t) => ({
  id: t.id,
  re: new RegExp([...t.zh.map(escape), ...t.en.map((w) => `\\b${escape(w)}`)].join("|"), "g"),
}));

/** Marks of each topic in a text. */
export function topicHits(text: string): Map<TopicId, number> {
  const folded = foldForMatch(text);
  const hits = new Map<TopicId, number>();
  for (const { id, re } of MATCHERS) {
    const n = folded.match(re)?.length ?? 0;
    if (n) hits.set(id, n);
  }
  return hits;
}

const ORDER = new Map(TOPICS.map((t, i) => [t.id, i]));
const inOrder = (ids: Iterable<TopicId>) => [...new Set(ids)].sort((a, b) => ORDER.get(a)! - ORDER.get(b)!);

/** A paragraph's topics. */
export function blockTopics(text: string): TopicId[] {
  return inOrder([...topicHits(text)].filter(([, n]) => n >= TOPIC_RULES.blockHits).map(([id]) => id));
}

/** A section's topics from its title and its own text. */
export function sectionTopics(title: string, body: string): TopicId[] {
  const fromTitle = [...topicHits(title).keys()];
  const fromBody = [...topicHits(body)]
    .filter(([, n]) => n >= TOPIC_RULES.bodyHits)
    .sort((a, b) => b[1] - a[1])
    .slice(0, TOPIC_RULES.maxBodyTopics)
    .map(([id]) => id);
  return inOrder([...fromTitle, ...fromBody]);
}
