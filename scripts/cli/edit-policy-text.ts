/**
 * Applies a decision's edits (lib/decisions/plan-decision.ts) to the admin's JSONC policy text with jsonc-parser,
 * the library VS Code edits its own settings files with: each edit replaces, inserts or removes one value at a
 * JSON path and leaves every other byte (comments, blank lines, key order, the admin's layout) as it was. New
 * values are laid out in the file's own indentation and line endings.
 */
import { applyEdits, createScanner, format, modify, type Edit, type FormattingOptions } from 'jsonc-parser';

// jsonc-parser's SyntaxKind is a const enum, which this project's module settings cannot import; its values.
const COMMA = 5;
const LINE_COMMENT = 12;
const BLOCK_COMMENT = 13;
const WHITESPACE = 15;
import type { PolicyEdit } from '../../lib/decisions/plan-decision';

/** The file's indentation (the first indented line's) and line ending; two spaces and LF when it has none. */
export function detectFormatting(text: string): FormattingOptions {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const indent = /^([ \t]+)["{[\]}/]/m.exec(text)?.[1];
  if (indent?.startsWith('\t')) return { insertSpaces: false, tabSize: 1, eol };
  return { insertSpaces: true, tabSize: indent === undefined ? 2 : indent.length, eol };
}

/**
 * jsonc-parser appends after the last value, before a comment on the same line (`"notes": "x" // why`), which
 * would leave that comment on the new value's line. Here the comma stays at the value and the new text goes after
 * the comment, so the comment keeps its value.
 */
function keepTrailingComment(text: string, edit: Edit, eol: string): Edit[] {
  if (edit.length !== 0 || !edit.content.startsWith(',')) return [edit];
  const scanner = createScanner(text.slice(edit.offset), false);
  let token: number = scanner.scan();
  while (token === WHITESPACE) token = scanner.scan();
  if (token !== LINE_COMMENT && token !== BLOCK_COMMENT) return [edit];
  const commentEnd = edit.offset + scanner.getTokenOffset() + scanner.getTokenLength();
  return [
    { offset: edit.offset, length: 0, content: ',' },
    // A line comment runs to the end of its line: the new text must start on the next one.
    { offset: commentEnd, length: 0, content: `${eol}${edit.content.slice(1)}` },
  ];
}

/**
 * Removing the last entry of an array or object, jsonc-parser cuts from the end of the entry before it, taking
 * along the comment written after that entry's comma (`{ "a": 1 }, // why`). Here only the comma goes, the comment
 * stays, and the cut starts after it.
 */
function keepCommentBeforeRemoval(text: string, edit: Edit, eol: string): Edit[] {
  if (edit.content !== '' || edit.length === 0) return [edit];
  const scanner = createScanner(text.slice(edit.offset, edit.offset + edit.length), false);
  if (scanner.scan() !== COMMA) return [edit];
  let token: number = scanner.scan();
  while (token === WHITESPACE) token = scanner.scan();
  if (token !== LINE_COMMENT && token !== BLOCK_COMMENT) return [edit];
  const commentEnd = edit.offset + scanner.getTokenOffset() + scanner.getTokenLength();
  return [
    { offset: edit.offset, length: 1, content: '' },
    // What follows the cut must not land inside a line comment.
    { offset: commentEnd, length: edit.offset + edit.length - commentEnd, content: eol },
  ];
}

export function applyPolicyEdits(text: string, edits: readonly PolicyEdit[]): string {
  // jsonc-parser counts offsets in the text it is given; a byte-order mark is kept aside and put back.
  const bom = text.charCodeAt(0) === 0xfeff ? '\uFEFF' : '';
  let body = bom === '' ? text : text.slice(1);
  const formattingOptions = detectFormatting(body);
  for (const edit of edits) {
    // modify() with formattingOptions would lay out whole lines around the edit, reformatting a neighbour that
    // shares the line (a one-line entry before an appended one). So the edit is made bare and then only the text
    // it inserted is laid out.
    const bare = modify(body, edit.path, edit.value, { isArrayInsertion: edit.insert === true }).flatMap((change) => keepTrailingComment(body, change, formattingOptions.eol ?? '\n'))
      .flatMap((change) => keepCommentBeforeRemoval(body, change, formattingOptions.eol ?? '\n'));
    body = applyEdits(body, bare);
    // Offsets of the bare edits, moved by the text that the edits before them inserted or removed.
    let shift = 0;
    const ranges = [...bare]
      .sort((a, b) => a.offset - b.offset)
      .map((change) => {
        const offset = change.offset + shift;
        shift += change.content.length - change.length;
        // A removal leaves the neighbours joined where it cut (`} ]`, `{"b"`); only that junction is laid out
        // again. The first value in an empty array or object is laid out with the brackets around it.
        const around = change.content === '' || !change.content.startsWith(',') ? 1 : 0;
        if (change.content === '' && change.length === 1) return { offset, length: 0 };
        const start = Math.max(0, offset - around);
        return { offset: start, length: Math.min(body.length, offset + change.content.length + around) - start };
      });
    for (const range of ranges.reverse()) body = applyEdits(body, format(body, range, formattingOptions));
  }
  return `${bom}${body}`;
}
