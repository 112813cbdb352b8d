/**
 * Pages built to make the overlay state a fact the page does not honestly show. Each row is one trick; the expected
 * facts are what a careful person would read from the page, and "unknown" where the page does not say.
 */
import { describe, expect, it } from 'vitest';
import type { PageFacts } from '../../../lib/evaluation';
import { cleanPageText } from '../../../lib/page-facts/clean-page-text';
import { extractPageFacts } from '../../../lib/page-facts/extract-page-facts';

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

const GITHUB_HEADING = (badge: string) =>
  `<h1><a href="/apps/sync">Acme Sync</a> by <a href="/acme">acme-inc</a> ${badge}<br><span>wants access to your GitHub account</span></h1>`;

describe('GitHub: only a badge that says verified makes the owner verified', () => {
  it.each<{ name: string; badge: string; verified: PageFacts['verified'] }>([
    { name: 'a verified badge', badge: '<svg class="octicon octicon-verified" aria-label="Verified"></svg>', verified: true },
    { name: 'an octicon badge without words, hidden from screen readers as octicons are', badge: '<svg aria-hidden="true" class="octicon octicon-verified"></svg>', verified: true },
    { name: 'a label saying "Unverified"', badge: '<span class="Label" aria-label="Unverified">Unverified</span>', verified: undefined },
    { name: 'a title saying "Not verified"', badge: '<span title="Not verified">?</span>', verified: undefined },
    { name: 'a label saying "unverified publisher"', badge: '<span aria-label="unverified publisher"></span>', verified: undefined },
    { name: 'a verified label hidden from everyone', badge: '<span hidden aria-label="Verified"></span>', verified: undefined },
  ])('$name', ({ badge, verified }) => {
    expect(extractPageFacts('github', parse(GITHUB_HEADING(badge))).verified).toBe(verified);
  });
});

// A page can build a tree deeper than any reader's stack (scripts are not held to the parser's nesting limit). An
// extractor that throws would leave the overlay without facts and without its page watch; instead every field is
// reported unread, and the verdict, which comes from the sign-in address, stands.
describe('a page too deep to read', () => {
  function deepPage(depth: number): Document {
    const document = parse('<h1>Permissions requested</h1><p>Acme Sync by acme-inc wants access to your GitHub account</p>');
    let node: Element = document.body;
    for (let level = 0; level < depth; level++) node = node.appendChild(document.createElement('div'));
    node.textContent = 'Acme Sync wants to access your account';
    return document;
  }

  it.each(['google', 'microsoft', 'github', 'slack', 'generic'] as const)('%s: every field unread, nothing thrown', (provider) => {
    expect(extractPageFacts(provider, deepPage(20_000))).toEqual({ unread: ['appName', 'publisher', 'verified', 'scopeDescriptions', 'account'] });
  });
});

// Azure AD B2C and Entra External ID let each tenant write its own sign-in pages (custom HTML and script) on
// <tenant>.b2clogin.com and <tenant>.ciamlogin.com, and neither has publisher verification. A badge there is the
// tenant's word, not Microsoft's: it must not become "verified by the provider".
describe('Microsoft page facts on hosts whose pages the tenant writes', () => {
  const consent = (publisherRow: string) =>
    parse(
      `<div role="heading" aria-level="1" data-testid="appConsentTitle">Permissions requested</div><div>Acme Sync</div>${publisherRow}<ul><li>Read your mail</li></ul>`,
    );
  const VERIFIED = '<div><span>Microsoft Corporation</span><img alt="Verified publisher" src="badge.svg"></div>';
  const UNVERIFIED = '<div><span>unverified</span></div>';

  it.each<{ name: string; host: string; row: string; expected: Pick<PageFacts, 'publisher' | 'verified'> }>([
    { name: 'Microsoft\'s own host: the badge counts', host: 'login.microsoftonline.com', row: VERIFIED, expected: { publisher: 'Microsoft Corporation', verified: true } },
    { name: 'a B2C tenant\'s page: the badge does not', host: 'evil.b2clogin.com', row: VERIFIED, expected: { publisher: undefined, verified: undefined } },
    { name: 'an External ID tenant\'s page (any case, trailing dot)', host: 'Evil.CIAMLOGIN.com.', row: VERIFIED, expected: { publisher: undefined, verified: undefined } },
    { name: 'a B2C tenant\'s page saying "unverified": the warning stays', host: 'evil.b2clogin.com', row: UNVERIFIED, expected: { publisher: undefined, verified: false } },
  ])('$name', ({ host, row, expected }) => {
    const facts = extractPageFacts('microsoft', consent(row), host);
    expect({ appName: facts.appName, publisher: facts.publisher, verified: facts.verified }).toEqual({ appName: 'Acme Sync', ...expected });
    if (expected.verified === undefined) expect(facts.unread).toEqual(expect.arrayContaining(['publisher', 'verified']));
  });
});

// Text a person cannot see is no fact: a page that hides one heading and shows another is read by the one it shows.
// (Styles from a style sheet are beyond a pure reader; the attributes and inline styles a page uses to hide are not.)
describe('hidden text is not read as what the page shows', () => {
  it.each([
    ['the hidden attribute', '<h1 hidden>Acme Mail wants to access your account</h1>'],
    ['aria-hidden', '<h1 aria-hidden="true">Acme Mail wants to access your account</h1>'],
    ['an inline display: none', '<h1 style="display: none">Acme Mail wants to access your account</h1>'],
    ['an inline visibility:hidden', '<h1 style="visibility:hidden">Acme Mail wants to access your account</h1>'],
    ['a hidden wrapper', '<div hidden><h1>Acme Mail wants to access your account</h1></div>'],
    ['a template', '<template><h1>Acme Mail wants to access your account</h1></template>'],
  ])('generic: %s', (_case, hidden) => {
    const facts = extractPageFacts('generic', parse(`${hidden}<h1>Notes Sync wants to access your account</h1>`));
    expect(facts.appName).toBe('Notes Sync');
  });

  it('generic: a name spliced in by a hidden span is not part of it', () => {
    const facts = extractPageFacts('generic', parse('<h1>Notes <span style="display:none">Acme Mail </span>Sync wants to access your account</h1>'));
    expect(facts.appName).toBe('Notes Sync');
  });
});

// Characters that draw nothing let a page pad a name so that it compares unequal while it looks the same, or smuggle
// words a person cannot see (tag characters). They leave with the bidi controls and zero-width characters.
describe('cleanPageText drops characters that draw nothing', () => {
  it.each([
    ['soft hyphen', 'Ac\u00ADme'],
    ['Arabic letter mark', 'Ac\u061Cme'],
    ['combining grapheme joiner', 'Ac\u034Fme'],
    ['Hangul fillers', '\u3164Ac\u115Fme\uFFA0'],
    ['Mongolian vowel separator', 'Ac\u180Eme'],
    ['variation selector', 'Acme\uFE0F'],
    ['tag characters spelling a hidden word', 'Acme\u{E0061}\u{E0064}\u{E006D}\u{E0069}\u{E006E}'],
  ])('%s', (_case, text) => {
    expect(cleanPageText(text)).toBe('Acme');
  });
});
