import { describe, expect, it } from 'vitest';
import { applyPolicyEdits, detectFormatting } from '../../../scripts/cli/edit-policy-text';

describe('detectFormatting', () => {
  it.each([
    ['two spaces', '{\n  "a": 1\n}\n', { insertSpaces: true, tabSize: 2, eol: '\n' }],
    ['four spaces, CRLF', '{\r\n    "a": 1\r\n}\r\n', { insertSpaces: true, tabSize: 4, eol: '\r\n' }],
    ['tabs', '{\n\t"a": 1\n}\n', { insertSpaces: false, tabSize: 1, eol: '\n' }],
    ['a comment indented before any key', '{\n   // three\n   "a": 1\n}\n', { insertSpaces: true, tabSize: 3, eol: '\n' }],
    ['one line', '{"a": 1}', { insertSpaces: true, tabSize: 2, eol: '\n' }],
  ])('%s', (_name, text, expected) => {
    expect(detectFormatting(text)).toEqual(expected);
  });
});

describe('applyPolicyEdits', () => {
  it.each([
    {
      name: 'appends to an array after an entry with a trailing comment, which stays with its entry',
      text: '{\n  "list": [\n    { "a": 1 } // first\n  ]\n}\n',
      edits: [{ path: ['list', -1], value: { b: 2 }, insert: true }],
      expected: '{\n  "list": [\n    { "a": 1 }, // first\n    {\n      "b": 2\n    }\n  ]\n}\n',
    },
    {
      name: 'fills an empty array',
      text: '{\n  "list": [] // none yet\n}\n',
      edits: [{ path: ['list', -1], value: 'x', insert: true }],
      expected: '{\n  "list": [\n    "x"\n  ] // none yet\n}\n',
    },
    {
      name: 'replaces one value and leaves its comment',
      text: '{\n  "a": [1], /* keep */\n  "b": 2\n}\n',
      edits: [{ path: ['a'], value: [1, 2] }],
      expected: '{\n  "a": [\n    1,\n    2\n  ], /* keep */\n  "b": 2\n}\n',
    },
    {
      name: 'removes a property',
      text: '{\n  "a": 1, // one\n  "b": 2 // two\n}\n',
      edits: [{ path: ['a'], value: undefined }],
      expected: '{\n  "b": 2 // two\n}\n',
    },
    {
      name: 'removes the middle entry of an array',
      text: '[\n  1, // one\n  2, // two\n  3 // three\n]\n',
      edits: [{ path: [1], value: undefined }],
      expected: '[\n  1, // one\n  3 // three\n]\n',
    },
    {
      name: 'removes the last entry of an array and closes the array on its own line',
      text: '{\n  "list": [\n    {\n      "a": 1\n    },\n    { "b": 2 }\n  ]\n}\n',
      edits: [{ path: ['list', 1], value: undefined }],
      expected: '{\n  "list": [\n    {\n      "a": 1\n    }\n  ]\n}\n',
    },
    {
      name: 'removes the last entry of an array and keeps the comment of the entry before',
      text: '{\n  "list": [\n    { "a": 1 }, // why a\n    {\n      "b": 2\n    } // why b\n  ]\n}\n',
      edits: [{ path: ['list', 1], value: undefined }],
      expected: '{\n  "list": [\n    { "a": 1 } // why a\n  ]\n}\n',
    },
    {
      name: 'removes the last property and keeps the comment of the one before',
      text: '{\n  "a": 1, /* why a */\n  "b": 2\n}\n',
      edits: [{ path: ['b'], value: undefined }],
      expected: '{\n  "a": 1 /* why a */\n}\n',
    },
    {
      name: 'keeps a byte-order mark',
      text: '\uFEFF{\n  "a": 1\n}\n',
      edits: [{ path: ['b'], value: true }],
      expected: '\uFEFF{\n  "a": 1,\n  "b": true\n}\n',
    },
  ])('$name', ({ text, edits, expected }) => {
    expect(applyPolicyEdits(text, edits)).toBe(expected);
  });
});
