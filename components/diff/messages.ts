/**
 * The strings components/diff needs: the current language's `compare` group from lib/i18n
 * (messages/zh.ts, messages/en.ts). The page passes them in, so components stay free of I/O.
 */
import type { Messages } from "@/lib/i18n";

export type CompareMessages = Messages["compare"];

/** The change digest's and filters' strings (the `insight` group). */
export type InsightMessages = Messages["insight"];
