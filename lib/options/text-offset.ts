/**
 * The character offset of a 1-based line and column, the inverse of the policy parser's positions
 * (lib/policy/parse-json-text.ts counts lines at `\n` and columns in UTF-16 code units), so the editor can put
 * the caret on a syntax error. Positions past the end clamp to the end of the line or text.
 */
export function offsetOf(text: string, line: number, column: number): number {
  let start = 0;
  for (let current = 1; current < line; current++) {
    const next = text.indexOf('\n', start);
    if (next === -1) return text.length;
    start = next + 1;
  }
  const end = text.indexOf('\n', start);
  const lineEnd = end === -1 ? text.length : end;
  return Math.min(start + Math.max(0, column - 1), lineEnd);
}
