/** A line diff for edit tests: which lines an edit removed and added, everything else kept in order. */

export interface LineDiff {
  removed: string[];
  added: string[];
}

/**
 * The lines removed from `before` and added in `after`, by a longest-common-subsequence diff:
 * lines outside these are byte-identical and in the same order. Line ends are kept (a CRLF edit
 * shows up as a changed line).
 */
export function lineDiff(before: string, after: string): LineDiff {
  const a = before.split(/(?<=\n)/);
  const b = after.split(/(?<=\n)/);
  const n = a.length;
  const m = b.length;
  // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..].
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const removed: string[] = [];
  const added: string[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      i++;
      j++;
    } else if (lcs[i + 1][j] >= lcs[i][j + 1]) removed.push(a[i++]);
    else added.push(b[j++]);
  }
  while (i < n) removed.push(a[i++]);
  while (j < m) added.push(b[j++]);
  const strip = (l: string) => l.replace(/\r?\n$/, '');
  return { removed: removed.map(strip), added: added.map(strip) };
}
