import type { SectionStatus } from "@/lib/compare/types";

/** A glyph per status, shown beside its word (status is never told by colour alone). */
export const STATUS_MARK: Record<SectionStatus, string> = {
  unchanged: "=",
  modified: "~",
  renumbered: "#",
  renamed: "T",
  moved: "↕",
  added: "+",
  removed: "−",
  split: "÷",
  merged: "∪",
};
