/** Half-open character range [start, end) in a text (UTF-16 code units). */
export interface Span {
  start: number;
  end: number;
}
