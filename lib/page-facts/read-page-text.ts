/**
 * Small, pure readers over a consent page's DOM, shared by the per-provider extractors in ./providers/.
 * They read text only (never markup) and skip script, style and template contents.
 */

const SKIPPED_ELEMENTS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'CONSENT-GATE']);
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;

// An inline style that hides the element. Style sheets are beyond a pure reader; this is what a page writes inline.
const HIDING_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse))\s*(?:!important\s*)?(?:;|$)/i;

/**
 * Whether the element hides itself and what it holds from the person reading the page: the `hidden` attribute,
 * `aria-hidden="true"`, or an inline `display: none` / `visibility: hidden`. A page can put any words there; they are
 * not what the page shows.
 */
export function hidesItself(element: Element): boolean {
  if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') return true;
  const style = element.getAttribute('style');
  return style !== null && HIDING_STYLE.test(style);
}

/** Whether the element or one of its ancestors hides it, or it sits in a template. */
function isHidden(element: Element): boolean {
  for (let current: Element | null = element; current; current = current.parentElement) {
    if (hidesItself(current) || current.tagName.toUpperCase() === 'TEMPLATE') return true;
  }
  return false;
}

/**
 * The text a person would read in `node`: text nodes only, without script/style contents, the overlay's host, or
 * elements that hide themselves.
 */
export function readText(node: Node | null | undefined): string {
  if (!node) return '';
  if (node.nodeType === 3 /* TEXT_NODE */) return node.nodeValue ?? '';
  if (node.nodeType === 1 /* ELEMENT_NODE */ && (SKIPPED_ELEMENTS.has((node as Element).tagName.toUpperCase()) || hidesItself(node as Element))) return '';
  let text = '';
  for (const child of Array.from(node.childNodes)) {
    const part = readText(child);
    // Block-level neighbours ("<div>a</div><div>b</div>") read as separate words.
    text += child.nodeType === 1 ? ` ${part} ` : part;
  }
  return text.replace(/\s+/g, ' ').trim();
}

/** The text of the first element matching any selector, in selector order; undefined when none has text. */
export function readFirst(root: ParentNode, selectors: readonly string[]): string | undefined {
  for (const selector of selectors) {
    for (const element of Array.from(root.querySelectorAll(selector))) {
      if (isHidden(element)) continue;
      const text = readText(element);
      if (text) return text;
    }
  }
  return undefined;
}

/** The text of every element matching the selector, empty ones left out. */
export function readAll(root: ParentNode, selector: string): string[] {
  return Array.from(root.querySelectorAll(selector))
    .map((element) => readText(element))
    .filter((text) => text.length > 0);
}

/** The first capture group of the first pattern that matches `text`. */
export function matchFirst(text: string | undefined, patterns: readonly RegExp[]): string | undefined {
  if (!text) return undefined;
  for (const pattern of patterns) {
    const captured = pattern.exec(text)?.[1]?.trim();
    if (captured) return captured;
  }
  return undefined;
}

/** The items of the first list that follows (in document order) an element whose own text matches `phrase`. */
export function readListAfterPhrase(document: Document, phrase: RegExp): string[] {
  const candidates = Array.from(document.body?.querySelectorAll('h1, h2, h3, h4, p, div, span, strong, b, legend') ?? []);
  const anchor = candidates.find((element) => element.children.length <= 3 && phrase.test(readText(element)));
  if (!anchor) return [];
  const lists = Array.from(document.querySelectorAll('ul, ol'));
  // DOCUMENT_POSITION_FOLLOWING (4): the list comes after the phrase, not inside the page's header or footer.
  const list = lists.find((candidate) => (anchor.compareDocumentPosition(candidate) & 4) !== 0 && !candidate.closest('footer, nav'));
  if (!list) return [];
  return Array.from(list.children)
    .filter((child) => child.tagName === 'LI')
    .map((item) => readText(item.querySelector('[data-scope-text], .scope-text, .permission-text') ?? item))
    .filter((text) => text.length > 0);
}

/** The first e-mail address the page shows in an element marked as the signed-in identity, or in `data-email`. */
export function readAccountEmail(document: Document, selectors: readonly string[] = []): string | undefined {
  const attribute = document.querySelector('[data-email]')?.getAttribute('data-email')?.trim();
  if (attribute && EMAIL.test(attribute)) return attribute;
  const text = readFirst(document, selectors);
  return text ? EMAIL.exec(text)?.[0] ?? text : undefined;
}

/** Whether the page text (body) contains the phrase, for provider warnings such as "Google hasn't verified this app". */
export function pageSays(document: Document, phrase: RegExp): boolean {
  return phrase.test(readText(document.body));
}
