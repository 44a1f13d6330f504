/**
 * Every threshold of section and paragraph alignment (lib/align), in one place. Changing any value
 * changes output: bump ENGINE_VERSION in lib/compare/engine.ts when you do. The reasoning is in
 * docs/decisions/0002-alignment.md. lib/compare/config.ts gathers this with the other stages' configs.
 */
export const ALIGN_CONFIG = {
  // ---- similarity tokens (lib/align/similarity.ts) ----
  // Chinese and digits give character bigrams (one id each); words of Latin-like scripts give these
  // many ids each, so that Dice over ids is a weighted Dice over tokens.
  /** A content word: the main evidence in English (rare words decide which section is which). */
  wordWeight: 2,
  /** A stop-word (the, of, we, …): present in every English paragraph, nearly no evidence. */
  stopWordWeight: 0,
  /** A pair of consecutive words (stop-words included): word order, "personal information". */
  wordPairWeight: 1,
  /**
   * Similarities between two Latin-script texts are raised to this power before any threshold, so
   * that the thresholds below (set on Chinese character bigrams) mean the same in English. Measured on
   * the BeReal versions' paragraph pairs: unrelated English paragraphs share 0.4-0.6 of their character
   * bigrams but about 0.03 of their words; pairs at bigram Dice 0.7-0.8 have word Dice ~0.42, at 0.8-0.9
   * ~0.73. With 0.6: word 0.26 -> 0.45 (in-order match), 0.43 -> 0.6 (move), 0.05 -> 0.17.
   */
  latinScaleExponent: 0.6,

  // ---- section matching (lib/align/sections.ts) ----
  /** Weight of the title (numbers stripped) in a section's match score; the body gets the rest. */
  titleWeight: 0.35,
  /** Bodies shorter than this (normalized chars) are too small to judge: the title decides alone. */
  minBodyChars: 24,
  /** Body similarity at or above which the body alone vouches for a match (a renamed section). */
  bodyAloneMin: 0.75,
  /** Bonus when both sections carry the same number value path (weak evidence: a tie-breaker). */
  numberBonus: 0.05,
  /** Minimum score for an in-order (DP) section match. */
  sectionMatchMin: 0.45,
  /** Minimum score to pair two sections out of order (a move), within or across parents. */
  sectionMoveMin: 0.6,
  /**
   * Between two in-order matches, a lone unmatched old and a lone unmatched new section are
   * paired when their body similarity or title similarity reaches this (same place, renamed/rewritten).
   * 0.25 paired 000/001's "3 您如何管理您的信息" with "三 我们如何保存及保护您的个人信息" (title 0.27, body
   * 0.12); true in-place pairs in the samples score 0.36 (body) and up, or have a contained title.
   */
  gapPairMin: 0.3,
  /**
   * In-place pairing only: a title whose bigrams lie at least this much inside the other title counts
   * as that similar (隐私权政策摘要 -> 摘要), see placeTitleSim in lib/align/sections.ts.
   */
  titleContainMin: 0.75,
  /**
   * A section is a wrapper to look through when at least this share of its children (and at least two)
   * stand, by title, among the other version's siblings at this level (lib/align/sections.ts liftWrappers).
   */
  liftMinShare: 0.5,
  /** Wrappers inside wrappers are lifted at most this deep. */
  liftMaxDepth: 3,
  /** Split/merge: share of a piece's content found in the whole. */
  splitContainMin: 0.6,
  /** Split/merge: share of the whole that each piece must cover on its own (it is a real part of it). */
  splitPieceMinCover: 0.05,
  /** Split/merge: share of the whole covered by its pieces together. */
  splitCoverMin: 0.6,

  // ---- block (paragraph) matching (lib/align/blocks.ts) ----
  /** Minimum similarity for two paragraphs in the same place to pair as "modified". */
  blockMatchMin: 0.4,
  /** A lone rewritten paragraph facing a lone one between two matches pairs as "modified" from this. */
  blockPlaceMin: 0.25,
  /** Minimum similarity to pair a deleted and an inserted paragraph as "moved". */
  blockMoveMin: 0.6,
  /** Paragraphs shorter than this (normalized chars) are only moved when identical. */
  blockMoveMinChars: 20,
} as const;

export type AlignConfig = typeof ALIGN_CONFIG;
