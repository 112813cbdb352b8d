/**
 * Where each fact the overlay shows came from, as lines of plain text: the sign-in address (client id, scopes, and
 * through them the approved integration's name) or the consent page (display name, publisher, verification). Only
 * what needs saying is said: a page name that differs from the approved name, the publisher the page shows (or
 * that it shows none), and the facts the page did not let us read ("not shown on this page" instead of silence).
 * Pure, so every combination is tested without rendering.
 */
import type { PageFactField, PageFacts } from '../../lib/evaluation';
import type { OverlayView } from '../../lib/messages/protocol';
import { overlayStrings } from '../../lib/strings/overlay';

export type FactSourceKind = 'names-differ' | 'page-name' | 'publisher' | 'not-shown';

export interface FactSourceLine {
  kind: FactSourceKind;
  text: string;
}

const STRINGS = overlayStrings.factSources;

/** Names that differ only in case, spacing or Unicode form are the same name to a person reading them. */
export function sameDisplayName(a: string, b: string): boolean {
  const normalize = (value: string) => value.normalize('NFKC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('en');
  return normalize(a) === normalize(b);
}

function publisherLine(facts: PageFacts): FactSourceLine | undefined {
  const { publisher, verified } = facts;
  if (publisher !== undefined) {
    const text =
      verified === true ? STRINGS.publisherVerified(publisher) : verified === false ? STRINGS.publisherUnverified(publisher) : STRINGS.publisherShown(publisher);
    return { kind: 'publisher', text };
  }
  if (verified === false) return { kind: 'publisher', text: STRINGS.unverifiedNoPublisher };
  if (facts.unread?.includes('publisher')) return { kind: 'publisher', text: STRINGS.publisherNotShown };
  return undefined;
}

/** The lines to show for this view and these page facts; empty when the page has not been read yet. */
export function describeFactSources(view: OverlayView, facts: PageFacts | undefined): FactSourceLine[] {
  if (facts === undefined || Object.keys(facts).length === 0) return [];
  const lines: FactSourceLine[] = [];
  const approvedName = view.evaluation.approval?.name;
  if (facts.appName !== undefined && approvedName !== undefined && !sameDisplayName(facts.appName, approvedName)) {
    lines.push({ kind: 'names-differ', text: STRINGS.namesDiffer(facts.appName, approvedName) });
  } else if (facts.appName !== undefined && approvedName === undefined) {
    // Without an approval the page's name is the only one the overlay has, and it heads the panel: say whose word it
    // is, so that a name like "Approved by your organization" cannot pass for the overlay's own.
    lines.push({ kind: 'page-name', text: STRINGS.pageName(facts.appName) });
  }
  const publisher = publisherLine(facts);
  if (publisher) lines.push(publisher);
  // The publisher line already speaks for `publisher` (and for `verified` when it says "not verified").
  const covered = new Set<PageFactField>(['publisher']);
  const unread = (facts.unread ?? []).filter((field) => !covered.has(field) && !(field === 'verified' && facts.publisher === undefined));
  if (unread.length > 0) {
    lines.push({ kind: 'not-shown', text: STRINGS.notShown(unread.map((field) => STRINGS.fieldNames[field]).join(', ')) });
  }
  return lines;
}

/**
 * The one line a quiet confirmation carries: a name that differs from the approved one, or, when the policy allowed
 * the request without naming an approval, the page's name marked as the page's.
 */
export function confirmationFactSource(view: OverlayView, facts: PageFacts | undefined): FactSourceLine | undefined {
  return describeFactSources(view, facts).find((line) => line.kind === 'names-differ' || line.kind === 'page-name');
}
