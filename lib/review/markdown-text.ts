/**
 * Puts untrusted text (app names from the consent page, scopes from the URL, the requester's answers) into
 * Markdown as text only, so a hostile app name cannot add links, images, HTML or formatting to a ticket.
 *
 * CommonMark §2.4: any ASCII punctuation may be backslash-escaped and is then a literal character. Escaping `:`
 * and `.` also stops GFM's bare-URL autolinks (`https://…`, `www.…`), which start from an unescaped `:` or `www.`.
 */

/** C0/C1 controls (except tab and line breaks) and the bidirectional overrides that can disguise a name (Trojan Source, CVE-2021-42574). */
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
const MARKDOWN_PUNCTUATION = /[\\`*_{}[\]()#+\-.!|<>~:&=$]/g;

function clean(text: string): string {
  return text.replace(INVISIBLE, '').replace(/\r\n?/g, '\n').replace(/\t/g, ' ');
}

/** One line of text: line breaks become spaces. */
export function markdownInline(text: string): string {
  return clean(text).replace(/\s+/g, ' ').trim().replace(MARKDOWN_PUNCTUATION, (char) => `\\${char}`);
}

/**
 * Several lines of text as one paragraph: each line escaped and trimmed (leading spaces would start a code
 * block), blank lines dropped (they would end the paragraph), lines joined with a backslash hard break (§6.7).
 */
export function markdownBlock(text: string): string {
  return clean(text)
    .split('\n')
    .map((line) => markdownInline(line))
    .filter((line) => line !== '')
    .join('\\\n');
}

/** A code span (§6.1) whose fence is longer than any backtick run inside, so the content cannot close it. */
export function markdownCode(text: string): string {
  const content = clean(text).replace(/\s+/g, ' ').trim();
  if (content === '') return '';
  const longestRun = Math.max(0, ...(content.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = content.startsWith('`') || content.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${content}${pad}${fence}`;
}
