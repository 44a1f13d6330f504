/**
 * Order-keeping weighted matching of two sequences (a longest common subsequence where each pair
 * counts its weight instead of 1): among all sets of pairs (i, j) that keep the order on both sides
 * (i1 < i2 < … and j1 < j2 < …), the one with the largest total weight. A pair of weight 0 or less is
 * never made. Dynamic programme in O(oldCount × newCount) time and memory; `weight` is called once per
 * cell, row by row.
 *   old a b c, new b a c, weight 1 for equal letters  ->  (a, a) or (b, b), and (c, c)
 * Ties between equal totals go to the pairs found first when tracing back from the end: a pair of the
 * last cell if it is part of a best set, else a skipped old item before a skipped new one.
 */

/** A matched pair: old index, new index, its weight. */
export type WeightedPair = [i: number, j: number, weight: number];

/** The order-keeping pairs of largest total weight, in order. */
export function weightedLcs(
  oldCount: number,
  newCount: number,
  weight: (i: number, j: number) => number,
): WeightedPair[] {
  const rows = oldCount;
  const cols = newCount;
  if (rows === 0 || cols === 0) return [];
  const w = cols + 1;
  // dp[i * w + j]: best total over old [0, i) and new [0, j); sc: the weights (0 = may not pair).
  const dp = new Float64Array((rows + 1) * w);
  const sc = new Float64Array(rows * cols);
  for (let i = 1; i <= rows; i++) {
    for (let j = 1; j <= cols; j++) {
      const s = weight(i - 1, j - 1);
      sc[(i - 1) * cols + (j - 1)] = s;
      const diag = s > 0 ? dp[(i - 1) * w + (j - 1)]! + s : -1;
      dp[i * w + j] = Math.max(dp[(i - 1) * w + j]!, dp[i * w + (j - 1)]!, diag);
    }
  }
  const pairs: WeightedPair[] = [];
  let i = rows;
  let j = cols;
  while (i > 0 && j > 0) {
    const s = sc[(i - 1) * cols + (j - 1)]!;
    const here = dp[i * w + j]!;
    if (s > 0 && Math.abs(here - (dp[(i - 1) * w + (j - 1)]! + s)) < 1e-9) {
      pairs.push([i - 1, j - 1, s]);
      i--;
      j--;
    } else if (dp[(i - 1) * w + j]! >= dp[i * w + (j - 1)]!) i--;
    else j--;
  }
  return pairs.reverse();
}
