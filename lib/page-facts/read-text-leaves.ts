/**
 * Reads a consent page as the ordered list of texts a person sees, for screens whose class names are generated and
 * change (Google, Microsoft) but whose order of blocks does not: title, app, publisher, permissions. Pure DOM reading.
 */

const SKIPPED_ELEMENTS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'CONSENT-GATE', 'SVG', 'TEXTAREA', 'SELECT', 'OPTION']);

export const EMAIL_ADDRESS = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;

export interface TextLeaf {
  element: Element;
  /** The element's own text (its direct text nodes), whitespace collapsed. */
  text: string;
}

/** The element's own text: direct text nodes only, so a row with a name and a badge reads as the name. */
export function ownText(element: Element): string {
  let text = '';
  for (const child of Array.from(element.childNodes)) if (child.nodeType === 3) text += child.nodeValue ?? '';
  return text.replace(/\s+/g, ' ').trim();
}

function isSkipped(element: Element, skipHidden: boolean): boolean {
  if (SKIPPED_ELEMENTS.has(element.tagName.toUpperCase())) return true;
  // Collapsed details (a permission's long description) are not what the row says.
  return skipHidden && (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true');
}

/**
 * Every element with text of its own under `root`, in document order. Hidden subtrees are skipped unless asked for:
 * a page can hide text a person never sees, and hidden text must not become a fact.
 */
export function textLeaves(root: Element | null | undefined, options: { includeHidden?: boolean } = {}): TextLeaf[] {
  const leaves: TextLeaf[] = [];
  if (!root) return leaves;
  const skipHidden = options.includeHidden !== true;
  const visit = (element: Element): void => {
    if (isSkipped(element, skipHidden)) return;
    const text = ownText(element);
    if (text) leaves.push({ element, text });
    for (const child of Array.from(element.children)) visit(child);
  };
  visit(root);
  return leaves;
}

/** True when `node` comes after `reference` in document order. */
export function follows(node: Node, reference: Node): boolean {
  // DOCUMENT_POSITION_FOLLOWING (4)
  return (reference.compareDocumentPosition(node) & 4) !== 0;
}

/** The first pattern's first capture group that matches `text`, trimmed; undefined when none does. */
export function captureFirst(text: string | undefined, patterns: readonly RegExp[]): string | undefined {
  if (!text) return undefined;
  for (const pattern of patterns) {
    const captured = pattern.exec(text)?.[1]?.trim();
    if (captured) return captured;
  }
  return undefined;
}

export function matchesAny(text: string, patterns: readonly RegExp[]): boolean {
  return patterns.some((pattern) => pattern.test(text));
}
