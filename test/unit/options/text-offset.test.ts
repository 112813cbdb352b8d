import { describe, expect, it } from 'vitest';
import { offsetOf } from '../../../lib/options/text-offset';
import { parsePolicyText } from '../../../lib/policy/parse-policy';

describe('offsetOf', () => {
  const text = 'ab\ncdef\r\n\ng';
  it.each([
    [1, 1, 0],
    [1, 3, 2],
    [2, 1, 3],
    [2, 4, 6],
    [3, 1, 9],
    [4, 1, 10],
    // Past the end of a line or the text: clamp.
    [1, 99, 2],
    [9, 1, text.length],
    [1, 0, 0],
  ])('line %i column %i is offset %i', (line, column, offset) => {
    expect(offsetOf(text, line, column)).toBe(offset);
  });

  it.each([
    '{\n  "enforcement": "warn",\n  "rules": {,}\n}',
    '{\n  "enforcement": "warn"\n  "approvedIntegrations": []\n}',
    '{ "a": 1 } trailing',
  ])('points at the character the parser reported in %j', (policyText) => {
    const result = parsePolicyText(policyText);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const [error] = result.errors;
    expect(error?.line).toBeDefined();
    const offset = offsetOf(policyText, error!.line!, error!.column!);
    // The parser's own line/column of that offset must round-trip.
    const before = policyText.slice(0, offset);
    expect(before.split('\n').length).toBe(error!.line);
    expect(offset - (before.lastIndexOf('\n') + 1) + 1).toBe(error!.column);
  });
});
