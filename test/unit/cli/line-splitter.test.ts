import { describe, expect, it } from 'vitest';
import { LineSplitter, OVERLONG_PREFIX_LENGTH, type SplitLine } from '../../../scripts/cli/line-splitter';

function split(chunks: readonly string[], maxLineLength?: number): SplitLine[] {
  const splitter = new LineSplitter(maxLineLength);
  return [...chunks.flatMap((chunk) => splitter.push(chunk)), ...splitter.end()];
}

describe('LineSplitter', () => {
  it.each([
    { name: 'no input', text: '', lines: [] },
    { name: 'one line without newline', text: 'a', lines: ['a'] },
    { name: 'one line with newline: no phantom line', text: 'a\n', lines: ['a'] },
    { name: 'an empty line is an input', text: '\n', lines: [''] },
    { name: 'empty lines between', text: 'a\n\nb\n', lines: ['a', '', 'b'] },
    { name: 'two final newlines: one empty line', text: 'a\n\n', lines: ['a', ''] },
    { name: 'CRLF', text: 'a\r\nb\r\n', lines: ['a', 'b'] },
    { name: 'CRLF empty line', text: '\r\n\r\nx', lines: ['', '', 'x'] },
    { name: 'a lone CR stays in the line', text: 'a\rb\n', lines: ['a\rb'] },
    { name: 'only the last CR before LF goes', text: 'a\r\r\n', lines: ['a\r'] },
    { name: 'final CR without LF stays', text: 'a\r', lines: ['a\r'] },
    { name: 'NUL inside', text: 'a\u0000b\n', lines: ['a\u0000b'] },
  ])('$name', ({ text, lines }) => {
    expect(split([text])).toEqual(lines);
    // The same text cut at every position gives the same lines (chunks arrive anywhere, CRLF split included).
    for (let cut = 0; cut <= text.length; cut++) expect(split([text.slice(0, cut), text.slice(cut)])).toEqual(lines);
    expect(split([...text])).toEqual(lines);
  });

  it('keeps only the beginning of an overlong line and goes on with the next', () => {
    const long = 'x'.repeat(1000);
    const lines = split([long.slice(0, 400), long.slice(400), '\nnext\n'], 100);
    expect(lines).toEqual([{ prefix: 'x'.repeat(OVERLONG_PREFIX_LENGTH), length: 1000 }, 'next']);
  });

  it('reports an overlong last line without newline', () => {
    expect(split(['y'.repeat(300)], 100)).toEqual([{ prefix: 'y'.repeat(OVERLONG_PREFIX_LENGTH), length: 300 }]);
  });

  it('keeps a line exactly at the limit, CRLF included', () => {
    const line = 'z'.repeat(100);
    expect(split([`${line}\r\n`], 100)).toEqual([line]);
  });

  it('holds only the unfinished line between chunks', () => {
    const splitter = new LineSplitter();
    let emitted = 0;
    for (let index = 0; index < 10_000; index++) emitted += splitter.push(`line ${index}\nhalf`).length + splitter.push(' done\n').length;
    expect(emitted).toBe(20_000);
    expect(splitter.end()).toEqual([]);
  });
});
