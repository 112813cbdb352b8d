/**
 * GitHub's authorization page (github.com/login/oauth/authorize) in both of its forms
 * (https://docs.github.com/apps/oauth-apps/using-oauth-apps/authorizing-oauth-apps,
 * https://docs.github.com/apps/using-github-apps/authorizing-github-apps):
 * - OAuth Apps: "<app> by <owner> wants to access your <login> account", one row per permission group ("Personal
 *   user data", "Repositories", …), an "Organization access" list, and a green "Authorize <owner>" button;
 * - GitHub Apps: "<app> by <owner> wants access to your GitHub account" and "Authorizing allows this app to:" with
 *   a short list ("Verify your GitHub identity (<login>)", "Know which resources you can access", …).
 * Stable attributes come first (the `user-login` meta tag every signed-in github.com page carries, the authorize
 * form's button ids, the links in the heading); sentences second. GitHub's web UI is English-only, so the sentences
 * are English only. Fixtures: test/fixtures/consent-pages/github-slack/.
 */
import type { PageFactField, PageFacts } from '../../evaluation';
import { findPhraseElement, readEntriesAfter, readEntryText } from '../find-phrase-element';
import type { PageFactsExtractor } from '../page-facts-extractor';
import { matchFirst, readFirst, readText } from '../read-page-text';

/** "<app> by <owner> wants to access your <login> account" (OAuth App) or "… wants access to your GitHub account". */
const WANTS_ACCESS = /^(.+?) by (.+?) wants (?:to access|access to) your (.+?) account\b/i;
const WANTS_ACCESS_PHRASE = /\bwants (?:to access|access to) your\b/i;
const AUTHORIZE_HEADING = /^Authorize (.+)$/i;
const ALLOWS_THIS_APP = /^Authorizing (?:will )?allows? this app to:?$/i;
const VERIFY_IDENTITY = /Verify your GitHub identity \(([^()\s]+)\)/i;
/** GitHub logins: letters, digits and single hyphens, at most 39 characters. */
const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,37}[A-Za-z0-9])?$/;

const AUTHORIZE_BUTTONS = ['#js-oauth-authorize-btn', '#oauth-authorization-submit-btn', 'button[name="authorize"][value="1"]'];
const BADGE_CANDIDATES = '[aria-label*="verified" i], [title*="verified" i], .octicon-verified, .Label--verified';
/** A badge's words: "Verified" says it, "Unverified" or "Not verified" says the opposite (a substring test took both). */
const SAYS_VERIFIED = /\bverified\b/i;
const SAYS_NOT_VERIFIED = /\b(?:un|not\s+|non-?)verified\b/i;

interface NameAndOwner {
  appName?: string;
  publisher?: string;
  heading?: Element;
}

/** App and owner from the "<app> by <owner> wants … access" heading: its two links first, its sentence second. */
function readNameAndOwner(document: Document): NameAndOwner {
  const heading = findPhraseElement(document, 'h1, h2, h3, p, div', WANTS_ACCESS_PHRASE, { keyword: 'wants' });
  if (heading === undefined) return {};
  // The sentence often spans a line break and a muted <span>; the element holding both names is the heading itself
  // or its parent.
  const holder = heading.querySelectorAll('a').length >= 2 ? heading : (heading.parentElement ?? heading);
  const links = Array.from(holder.querySelectorAll('a')).map(readText).filter((text) => text.length > 0);
  const sentence = WANTS_ACCESS.exec(readText(holder));
  return {
    appName: links.length >= 2 ? links[0] : sentence?.[1],
    publisher: links.length >= 2 ? links[1] : sentence?.[2],
    heading: holder,
  };
}

/** The owner named on the green button ("Authorize acme-corp"); a bare "Authorize" names nobody. */
function readOwnerFromButton(document: Document): string | undefined {
  const owner = matchFirst(readFirst(document, AUTHORIZE_BUTTONS), [AUTHORIZE_HEADING]);
  return owner !== undefined && LOGIN.test(owner) ? owner : undefined;
}

/** OAuth App permission rows: a title ("Personal user data") and the access it grants ("Email addresses (read-only)"). */
function readPermissionRows(document: Document): string[] {
  const rows = Array.from(document.querySelectorAll('.oauth-permissions-details, form .js-details-container, .oauth-application-summary .js-details-container'));
  return rows
    .filter((row) => !row.closest('.oauth-org-access-details'))
    .map((row) => {
      const title = readFirst(row, ['.permission-title', 'h3', 'h4', 'strong']);
      const help = readFirst(row, ['.permission-help', '.permission-description', '.text-small', 'p']);
      return title && help && help !== title ? `${title}: ${help}` : (title ?? readText(row));
    })
    .filter((text) => text.length > 0);
}

/** The organizations listed under "Organization access", each without its Grant / Request button. */
function readOrganizationAccess(document: Document): string[] {
  const section = document.querySelector('.oauth-org-access-details');
  if (!section) return [];
  const rows = Array.from(section.querySelectorAll('li, .oauth-org-item'));
  const names = rows.map((row) => readFirst(row, ['strong', '.org-name']) ?? readEntryText(row)).filter((text) => text.length > 0);
  return names.length === 0 ? [] : [`Organization access: ${[...new Set(names)].join(', ')}`];
}

/** GitHub App: the entries under "Authorizing allows this app to:". */
function readAllowsList(document: Document): string[] {
  const anchor = findPhraseElement(document, 'h2, h3, h4, p, div, span, strong, b', ALLOWS_THIS_APP, { keyword: 'authorizing', maxChildren: 2 });
  if (!anchor) return [];
  const scope = anchor.closest('.Box, section, form, main') ?? document.body;
  return scope ? readEntriesAfter(anchor, scope) : [];
}

function readAccount(document: Document, scopes: readonly string[]): string | undefined {
  // github.com marks the signed-in login on every page (<meta name="user-login" content="octocat">); empty when signed out.
  const meta = document.querySelector('meta[name="user-login"]')?.getAttribute('content')?.trim();
  if (meta && LOGIN.test(meta)) return meta;
  // GitHub Apps name the login in "Verify your GitHub identity (<login>)"; OAuth Apps in "wants to access your <login> account".
  const fromIdentity = matchFirst(scopes.join('\n'), [VERIFY_IDENTITY]);
  if (fromIdentity !== undefined) return fromIdentity;
  const fromSentence = matchFirst(readText(document.body), [/wants to access your (\S+) account/i]);
  return fromSentence !== undefined && LOGIN.test(fromSentence) ? fromSentence : undefined;
}

/**
 * Whether the area shows a badge that says "verified" and nothing that says "not verified". A hidden badge says
 * nothing to the person reading the page, so it says nothing here either.
 */
function hasVerifiedBadge(area: Element): boolean {
  const badges = Array.from(area.querySelectorAll(BADGE_CANDIDATES)).filter((badge) => !badge.closest('[hidden], [aria-hidden="true"]:not(svg)'));
  const words = badges.map((badge) => [badge.getAttribute('aria-label'), badge.getAttribute('title'), readText(badge)].filter(Boolean).join(' '));
  if (words.some((text) => SAYS_NOT_VERIFIED.test(text))) return false;
  return badges.some((badge, index) => SAYS_VERIFIED.test(words[index] ?? '') || (words[index] === '' && badge.matches('.octicon-verified, .Label--verified')));
}

function extractGithub(document: Document): PageFacts {
  const named = readNameAndOwner(document);
  const legacyOwner = readFirst(document, ['.oauth-app-owner a', 'a[data-owner]']);
  const heading = readFirst(document, ['main h1', 'h1', 'h2']);
  const appName = readFirst(document, ['.oauth-app-name']) ?? named.appName ?? matchFirst(heading, [AUTHORIZE_HEADING]);
  const publisher = legacyOwner ?? named.publisher ?? readOwnerFromButton(document);
  const badgeArea = named.heading ?? document.querySelector('.oauth-app-owner');
  const verified = badgeArea !== null && badgeArea !== undefined && hasVerifiedBadge(badgeArea) ? true : undefined;
  const allows = readAllowsList(document);
  const scopeDescriptions = [...readPermissionRows(document), ...allows, ...readOrganizationAccess(document)];
  const account = readAccount(document, allows);

  const facts: PageFacts = { appName, publisher, verified, scopeDescriptions, account };
  // GitHub shows no "unverified" warning: without a badge the publisher's status is not on the page, not false.
  const unread = (['appName', 'publisher', 'verified', 'account'] as const).filter((field) => facts[field] === undefined);
  const fields: PageFactField[] = scopeDescriptions.length === 0 ? [...unread, 'scopeDescriptions'] : [...unread];
  return fields.length === 0 ? facts : { ...facts, unread: fields };
}

export const githubExtractor: PageFactsExtractor = {
  provider: 'github',
  description:
    'github.com/login/oauth/authorize (OAuth Apps and GitHub Apps): app and owner from the "<app> by <owner> wants access" heading or the Authorize button, the permission rows or the "Authorizing allows this app to" list, organization access, the signed-in login.',
  extract: extractGithub,
};
