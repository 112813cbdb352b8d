import { describe, expect, it } from 'vitest';
import { escapeForTerminal, wrapText } from '../../../scripts/cli/terminal-text';

describe('escapeForTerminal', () => {
  it.each([
    { text: 'plain text', escaped: 'plain text' },
    { text: 'ESC \u001b[31mred', escaped: 'ESC \\u001b[31mred' },
    { text: 'bell\u0007 nul\u0000 del\u007f', escaped: 'bell\\u0007 nul\\u0000 del\\u007f' },
    { text: 'csi\u009b2J', escaped: 'csi\\u009b2J' },
    { text: 'line\r\nbreak\ttab', escaped: 'line\\u000d\\u000abreak\\u0009tab' },
    { text: 'admin\u202egpj.exe', escaped: 'admin\\u202egpj.exe' },
    { text: 'iso\u2066late\u2069', escaped: 'iso\\u2066late\\u2069' },
    { text: 'Zürich 東京 🙂', escaped: 'Zürich 東京 🙂' },
  ])('$escaped', ({ text, escaped }) => {
    expect(escapeForTerminal(text)).toBe(escaped);
  });
});

describe('wrapText', () => {
  it.each([
    { text: '', width: 10, lines: [''] },
    { text: 'short', width: 10, lines: ['short'] },
    { text: 'read your mail and files', width: 10, lines: ['read your', 'mail and', 'files'] },
    { text: 'exactly10c', width: 10, lines: ['exactly10c'] },
    { text: 'https://www.googleapis.com/auth/drive', width: 10, lines: ['https://ww', 'w.googleap', 'is.com/aut', 'h/drive'] },
    { text: 'a https://www.googleapis.com', width: 10, lines: ['a https://', 'www.google', 'apis.com'] },
    { text: 'many   spaces  here', width: 40, lines: ['many spaces here'] },
    { text: 'abc', width: 0, lines: ['a', 'b', 'c'] },
  ])('$text at $width', ({ text, width, lines }) => {
    const wrapped = wrapText(text, width);
    expect(wrapped).toEqual(lines);
    for (const line of wrapped) expect(line.length).toBeLessThanOrEqual(Math.max(1, width));
  });
});
