/**
 * Every threshold of the word diff (lib/diff), in one place. Changing any value changes output: bump
 * ENGINE_VERSION in lib/compare/engine.ts when you do. The reasoning is in
 * docs/decisions/0002-alignment.md. lib/compare/config.ts gathers this with the other stages' configs.
 */
export const DIFF_CONFIG = {
  /**
   * A changed run of Chinese words is refined to characters only if every equal run the character
   * diff keeps is at least this long (so 收集 -> 收取 stays one replaced word).
   */
  refineMinEqualChars: 2,
  /** Refine only replaced runs up to this many characters per side (the char diff is quadratic-ish). */
  refineMaxChars: 400,
  /** An equal run between two changes of at most this many chars is always absorbed into them. */
  absorbEqualMaxChars: 2,
  /**
   * An equal run between two changes is also absorbed when it is no longer than this share of the
   * smaller of the changes on either side (diff-match-patch's semantic rule uses 1.0).
   */
  absorbEqualRatio: 0.5,
  /** A one-sided change slides at most this many characters either way to a better boundary. */
  shiftMaxChars: 64,
} as const;

export type DiffConfig = typeof DIFF_CONFIG;
