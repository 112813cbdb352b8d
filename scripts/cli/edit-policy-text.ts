/**
 * Applies a decision's edits (lib/decisions/plan-decision.ts) to the admin's JSONC policy text with jsonc-parser,
 * the library VS Code edits its own settings files with: each edit replaces, inserts or removes one value at a
 * JSON path and leaves every other byte (comments, blank lines, key order, the admin's layout) as it was. New
 * values are laid out in the file's own indentation and line endings.
 *
 * One limit comes from the library: removing the last entry of an array removes everything from the end of the
 * entry before it, so a comment written after that entry's comma goes with it.
 */
import { applyEdits, format, modify, type FormattingOptions } from 'jsonc-parser';
import type { PolicyEdit } from '../../lib/decisions/plan-decision';

/** The file's indentation (the first indented line's) and line ending; two spaces and LF when it has none. */
export function detectFormatting(text: string): FormattingOptions {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const indent = /^([ \t]+)["{[\]}/]/m.exec(text)?.[1];
  if (indent?.startsWith('\t')) return { insertSpaces: false, tabSize: 1, eol };
  return { insertSpaces: true, tabSize: indent === undefined ? 2 : indent.length, eol };
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
    const bare = modify(body, edit.path, edit.value, { isArrayInsertion: edit.insert === true });
    body = applyEdits(body, bare);
    for (const change of bare) {
      // A removal leaves the neighbours joined where it cut (`} ]`); only that junction is laid out again.
      const range = change.content === '' ? { offset: change.offset, length: Math.min(1, body.length - change.offset) } : { offset: change.offset, length: change.content.length };
      body = applyEdits(body, format(body, range, formattingOptions));
    }
  }
  return `${bom}${body}`;
}
