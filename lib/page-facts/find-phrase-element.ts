/**
 * Finding a consent page's parts by the sentence they show, for the places where a page has no stable id or class:
 * the smallest element whose text matches a phrase, the list that belongs to it, and the list items' own words
 * (without help links). Pure: reads a `Document`, returns text.
 */
import { readText } from './read-page-text';

const ENTRY_TAGS = new Set(['LI', 'DIV', 'SPAN', 'P']);
/**
 * Bounds on the work a page can cause: a consent page has a few hundred candidate elements, and a sentence is short.
 * A page built to be slow (thousands of nested elements) is read only this far, and its long containers are skipped
 * by their native `textContent` length before the slower text walk.
 */
const MAX_CANDIDATES = 3000;
const MAX_SENTENCE_LENGTH = 1000;

/**
 * The deepest element under `root` matching `selector` whose text matches `phrase`: the sentence itself rather
 * than the section or body that also contains it. `keyword` is one word of the phrase, in its own spelling, for a
 * cheap first test. Elements with more than `maxChildren` children are containers, not sentences, and are skipped.
 */
export function findPhraseElement(
  root: ParentNode,
  selector: string,
  phrase: RegExp,
  { keyword, maxChildren = 6 }: { keyword: string; maxChildren?: number },
): Element | undefined {
  const needle = keyword.toLocaleLowerCase('en');
  let found: Element | undefined;
  for (const element of Array.from(root.querySelectorAll(selector)).slice(0, MAX_CANDIDATES)) {
    const raw = element.textContent ?? '';
    if (element.children.length > maxChildren || raw.length > MAX_SENTENCE_LENGTH) continue;
    // A word of the phrase in the native text is a cheap first test (the native text runs "<br>"-separated words
    // together, so it cannot take the phrase itself); the text walk, which leaves out scripts and styles, decides.
    if (!raw.toLocaleLowerCase('en').includes(needle) || !phrase.test(readText(element))) continue;
    // querySelectorAll walks in document order, so a later match inside the current one is deeper.
    if (found === undefined || found.contains(element)) found = element;
  }
  return found;
}

/**
 * The words of one list entry without the links and buttons inside it ("Act on your behalf" without "What does
 * this mean?", an organization's name without its "Grant" button); an entry that is only a link keeps its text.
 */
export function readEntryText(entry: Element): string {
  const copy = entry.cloneNode(true) as Element;
  for (const control of Array.from(copy.querySelectorAll('a, button'))) control.remove();
  return readText(copy) || readText(entry);
}

/**
 * The entries listed under a heading-like `anchor`: the `li` of the first list that follows it inside `scope`,
 * or, when the page lays the entries out as sibling elements without a list, the anchor's following siblings.
 */
export function readEntriesAfter(anchor: Element, scope: Element): string[] {
  const lists = Array.from(scope.querySelectorAll('ul, ol'));
  // DOCUMENT_POSITION_FOLLOWING (4): the list comes after the anchor.
  const list = lists.find((candidate) => (anchor.compareDocumentPosition(candidate) & 4) !== 0 && !anchor.contains(candidate));
  if (list) {
    return Array.from(list.children)
      .filter((child) => child.tagName === 'LI')
      .map(readEntryText)
      .filter((text) => text.length > 0);
  }
  const entries: string[] = [];
  for (let sibling = anchor.nextElementSibling; sibling; sibling = sibling.nextElementSibling) {
    if (!ENTRY_TAGS.has(sibling.tagName)) break;
    const text = readEntryText(sibling);
    if (text) entries.push(text);
  }
  return entries;
}
