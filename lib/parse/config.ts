/**
 * Every threshold the parser uses, in one place. Each is a general property of how legal documents
 * are written, not of one sample.
 */
export const PARSE_CONFIG = {
  /** A heading's title (number and markup removed) is at most this many characters in CJK text ... */
  headingMaxChars: 40,
  /** ... and at most this many in Latin-script text (words are longer than Chinese characters). */
  headingMaxCharsLatin: 100,
  /**
   * A line marked as a heading by markdown (# or a setext underline) is at most this long: the author
   * said it is a heading, so only a paragraph mistaken for one ("----" under a sentence) is refused.
   */
  markupHeadingMaxChars: 200,
  /** A whole-line bold heading may be a bit longer than a numbered one (bold is a strong signal). */
  boldHeadingMaxChars: 40,
  /** Share of Latin letters above which a title counts as Latin-script. */
  latinShare: 0.5,
  /** Within a sibling run, a number may skip at most this many values (a lost line, a misparse). */
  maxNumberGap: 3,
  /** A table of contents is a run of at least this many numbered lines with no body between them ... */
  tocMinItems: 3,
  /** ... whose titles reappear later as headings at least this often (unless an intro line says "contents"). */
  tocMinRepeatShare: 0.5,
  /** A part title (摘要, 正文, an appended statement ...) is at most this many characters. */
  partMaxChars: 30,
  /** A line joined by extraction ("十、如何联系我们 - 一、我们收集...") is split only if its first half is this short. */
  joinedLineMaxHead: 60,
  /**
   * A line at least this long with at least flattenedLineMinRuns runs of 2+ spaces is a page whose line
   * breaks extraction lost (one paragraph is rarely over a few hundred characters): it is cut at those
   * runs into blocks.
   */
  flattenedLineMinChars: 2000,
  flattenedLineMinRuns: 8,
  /** A run-in title ("2. Sharing. We share…") has at most this many words. */
  runInMaxWords: 8,
  /** A plain heading (no number, no markup) is at most this many CJK characters ... */
  plainMaxChars: 25,
  /** ... or this many Latin characters and words (a Title Case line, not a sentence without its full stop). */
  plainMaxCharsLatin: 70,
  plainMaxWords: 10,
  /** Plain headings are trusted only when the document has at least this many (else a preface word is needed). */
  plainMinCount: 2,
  /**
   * Intro headings (lib/parse/headings.ts liftTrailingLevel): at most this many unnumbered headings at a
   * markdown level followed by a run of at least trailingRunMin (and three times as many) headings one
   * level deeper to the end of the document: the run is the document's sections.
   */
  introHeadingsMax: 3,
  trailingRunMin: 5,
  /** Deeper nesting than this is not a document's structure but a list of lists: those lines are body. */
  maxDepth: 10,
  /** Passes of "numbered paragraphs promoted to sections" (each promotion can enable one more). */
  maxPromotionPasses: 4,
} as const;
