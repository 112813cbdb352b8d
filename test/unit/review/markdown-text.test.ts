import { describe, expect, it } from 'vitest';
import { markdownBlock, markdownCode, markdownInline } from '../../../lib/review/markdown-text';

describe('markdownInline', () => {
  it.each([
    ['plain words', 'Acme Webinars', 'Acme Webinars'],
    ['a link', '[Click](https://evil.example)', '\\[Click\\]\\(https\\://evil\\.example\\)'],
    ['an image', '![x](http://e.example/p.png)', '\\!\\[x\\]\\(http\\://e\\.example/p\\.png\\)'],
    ['raw HTML', '<img src=x onerror=alert(1)>', '\\<img src\\=x onerror\\=alert\\(1\\)\\>'],
    ['emphasis and code', '**bold** _it_ `code`', '\\*\\*bold\\*\\* \\_it\\_ \\`code\\`'],
    ['a heading start', '# Title', '\\# Title'],
    ['an entity', '&lt;b&gt;', '\\&lt;b\\&gt;'],
    ['a bare URL', 'see https://evil.example', 'see https\\://evil\\.example'],
    ['a www autolink', 'www.evil.example', 'www\\.evil\\.example'],
    ['line breaks', 'one\ntwo\r\nthree', 'one two three'],
    ['bidi overrides and controls', 'Acme\u202E\u0007 Tools', 'Acme Tools'],
    ['a backslash', 'a\\b', 'a\\\\b'],
    ['table pipes', 'a | b', 'a \\| b'],
  ])('%s', (_name, input, expected) => {
    expect(markdownInline(input)).toBe(expected);
  });
});

describe('markdownBlock', () => {
  it.each([
    ['keeps line breaks as hard breaks', 'one\ntwo', 'one\\\ntwo'],
    ['drops blank lines that would end the paragraph', 'one\n\n\ntwo', 'one\\\ntwo'],
    ['trims indentation that would start a code block', '    code?', 'code?'],
    ['escapes a list marker at a line start', '- item\n1. first', '\\- item\\\n1\\. first'],
    ['escapes a setext underline', 'Title\n===', 'Title\\\n\\=\\=\\='],
  ])('%s', (_name, input, expected) => {
    expect(markdownBlock(input)).toBe(expected);
  });
});

describe('markdownCode', () => {
  it.each([
    ['plain', 'client-id', '`client-id`'],
    ['with a backtick', 'a`b', '``a`b``'],
    ['with a run of backticks', 'a```b', '````a```b````'],
    ['starting with a backtick', '`x', '`` `x ``'],
    ['with a line break', 'a\nb', '`a b`'],
    ['empty', '  ', ''],
  ])('%s', (_name, input, expected) => {
    expect(markdownCode(input)).toBe(expected);
  });
});
