/**
 * Every threshold the parser uses, in one place. Each is a general property of how legal documents
 * are written, not of one sample.
 */
export const PARSE_CONFIG = {
  /** A heading's title (number and markup removed) is at most this many characters in CJK text ... */
  headingMaxChars: 40,
  /** ... and at most this many in Latin-script text (words are longer than Chinese characters). */
  headingMaxCharsLatin: 100,
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
} as const;
