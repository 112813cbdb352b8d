/**
 * Microsoft's consent screens: the Entra ID prompt on login.microsoftonline.com and the other authority hosts
 * ("Permissions requested"), its admin-approval form ("Approval required", "This app requires your admin's approval
 * to:") and the personal-account prompt on account.live.com/Consent ("Let this app access your info?").
 *
 * Structure first. Microsoft documents the prompt's building blocks and their order (title, app logo, app name,
 * publisher name with a "verified" badge or "Unverified" in its place, permissions;
 * https://learn.microsoft.com/entra/identity-platform/application-consent-experience), while its class names are
 * not public and change. So the reader walks the texts in order: the app name is the first text after the title
 * that is not the account's address; a verified badge (an image whose label says verified) names the publisher in
 * the text before it; an "unverified" label says the opposite; the permissions are the first list after the title.
 * Phrases only for the "unverified" label and, on pages without a title, the sentence above the list.
 *
 * Phrases: English from the live pages (sources in test/fixtures/consent-pages/google-microsoft/). The localized
 * title and list sentences of the personal-account page (German "dieser App den Zugriff", French "autoriser cette
 * application à accéder", Spanish "permitir que esta aplicación acceda", Japanese "このアプリが情報にアクセスすること
 * を許可") are quoted by public automation code that drives the live page; the other German, French, Spanish and
 * Japanese strings are our translations in Microsoft's usual wording, not checked against the live pages.
 */
import { PAGE_FACT_FIELDS, type PageFacts } from '../../evaluation';
import type { PageFactsExtractor } from '../page-facts-extractor';
import { readText } from '../read-page-text';
import { EMAIL_ADDRESS, follows, matchesAny, textLeaves, type TextLeaf } from '../read-text-leaves';
import { withEveryMissingFieldUnread } from '../mark-unread';

const TITLE_SELECTORS = ['[data-testid="appConsentTitle"]', '[role="heading"][aria-level="1"]', '#loginHeader', 'h1', '[role="heading"]'];

const UNVERIFIED_LABEL: readonly RegExp[] = [
  /^\(?unverified\)?$/i,
  /^\(?nicht überprüft\)?$/i,
  /^\(?non vérifié\)?$/i,
  /^\(?no (?:comprobado|verificado)\)?$/i,
  /^[(（]?未確認[)）]?$/,
];
// The screen's own titles, for pages that carry none of the structural consent markers below.
const CONSENT_TITLES: readonly RegExp[] = [
  /^Permissions requested/i,
  /^Approval required/i,
  /^Let this app access your info/i,
  /^Angeforderte Berechtigungen/i,
  /^Genehmigung erforderlich/i,
  /dieser App den Zugriff/i,
  /^Autorisations demandées/i,
  /^Approbation (?:nécessaire|requise)/i,
  /autoriser cette application à accéder/i,
  /^Permisos solicitados/i,
  /^(?:Se necesita|Se requiere) aprobación/i,
  /permitir que esta aplicación acceda/i,
  /^要求されているアクセス許可/,
  /^承認が必要です/,
  /このアプリが(?:あなたの)?情報にアクセスすることを許可/,
];
// Controls only the consent screens have (the Accept button, the personal-account title), and the form they post to.
const CONSENT_MARKERS = '[data-testid="appConsentTitle"], [data-testid="appConsentPrimaryButton"], #idBtn_Accept, form[action*="/Consent/" i]';

const VERIFIED_BADGE: readonly RegExp[] = [/verified/i, /überprüft/i, /vérifié/i, /comprobado|verificado/i, /確認済み/];
const NEGATED_BADGE: readonly RegExp[] = [/unverified/i, /nicht überprüft/i, /non vérifié/i, /no (?:comprobado|verificado)/i, /未確認/];

// The sentence above the permission list, for pages where no title was found.
const LIST_INTRO: readonly RegExp[] = [
  /would like to/i,
  /needs your permission to/i,
  /requires your admin.s approval to/i,
  /Diese App möchte/i,
  /benötigt Ihre (?:Berechtigung|Erlaubnis)/i,
  /erfordert die Genehmigung (?:Ihres|des) Administrators/i,
  /Cette application (?:souhaite|voudrait)/i,
  /a besoin de votre autorisation/i,
  /nécessite l.approbation de votre administrateur/i,
  /Esta aplicación (?:quiere|desea|querría)/i,
  /necesita (?:su|tu) permiso/i,
  /requiere la aprobación (?:de su|del) administrador/i,
  /このアプリは次のことを求めています/,
  /アクセス許可が必要です/,
  /管理者の承認が必要です/,
];

function findTitle(document: Document): Element | undefined {
  for (const selector of TITLE_SELECTORS) {
    const element = Array.from(document.querySelectorAll(selector)).find((candidate) => readText(candidate) !== '');
    if (element) return element;
  }
  return undefined;
}

function isAddressOnly(text: string): boolean {
  return EMAIL_ADDRESS.test(text) && text.replace(EMAIL_ADDRESS, '').replace(/[()\s]/g, '') === '';
}

/** The permission list: the first list after the title, or after the sentence that introduces it. */
function findPermissionList(document: Document, title: Element | undefined, leaves: readonly TextLeaf[]): Element | undefined {
  const lists = Array.from(document.querySelectorAll('ul, ol')).filter((list) => !list.closest('footer, nav'));
  const anchor = title ?? leaves.find((leaf) => matchesAny(leaf.text, LIST_INTRO))?.element;
  if (!anchor) return undefined;
  return lists.find((list) => follows(list, anchor));
}

/** A row's label: the first visible text in it; the collapsed description under the chevron is not the label. */
function readPermissionLabel(item: Element): string {
  const marked = item.querySelector('[data-scope-text], .scope-text, .permission-text');
  if (marked) return readText(marked);
  return textLeaves(item)[0]?.text ?? '';
}

function badgeLabel(element: Element): string {
  return [element.getAttribute('alt'), element.getAttribute('title'), element.getAttribute('aria-label')].filter(Boolean).join(' ');
}

interface AppBlock {
  appName?: string;
  publisher?: string;
  verified?: boolean;
}

/** App name, publisher and verification from the texts between the title and the permission list. */
function readAppBlock(document: Document, title: Element | undefined, list: Element | undefined, leaves: readonly TextLeaf[]): AppBlock {
  const legacyName = readText(document.querySelector('.app-name, [data-bind*="appName" i], #appName'));
  if (!title && !legacyName) return {};
  const start = title ? leaves.findIndex((leaf) => !title.contains(leaf.element) && follows(leaf.element, title)) : 0;
  const block = (start < 0 ? [] : leaves.slice(start)).filter((leaf) => !list || (!follows(leaf.element, list) && !list.contains(leaf.element)));
  const nameIndex = legacyName
    ? block.findIndex((leaf) => leaf.text === legacyName)
    : block.findIndex((leaf) => !isAddressOnly(leaf.text) && !matchesAny(leaf.text, UNVERIFIED_LABEL) && !matchesAny(leaf.text, LIST_INTRO));
  const nameLeaf = nameIndex >= 0 ? block[nameIndex] : undefined;
  const result: AppBlock = { appName: legacyName || nameLeaf?.text };
  if (!nameLeaf) return result;
  const after = block.slice(nameIndex + 1);
  if (after.some((leaf) => matchesAny(leaf.text, UNVERIFIED_LABEL))) {
    // "Unverified" stands where the publisher's name would be: there is no publisher name to read.
    result.verified = false;
    return result;
  }
  const badges = Array.from(document.querySelectorAll('img, [role="img"], svg')).filter(
    (image) => follows(image, nameLeaf.element) && (!list || follows(list, image)),
  );
  const badge = badges.find((image) => matchesAny(badgeLabel(image), VERIFIED_BADGE) && !matchesAny(badgeLabel(image), NEGATED_BADGE));
  if (badge) {
    result.verified = true;
    // The publisher's name is the last text before the badge.
    const named = after.filter((leaf) => follows(badge, leaf.element) && !isAddressOnly(leaf.text));
    result.publisher = named[named.length - 1]?.text;
  }
  return result;
}

function readAccount(document: Document, list: Element | undefined, leaves: readonly TextLeaf[]): string | undefined {
  const marked = readText(document.querySelector('#displayName, [data-bind*="displayName" i], [data-testid="userIdentifier"]'));
  const markedAddress = EMAIL_ADDRESS.exec(marked)?.[0];
  if (markedAddress) return markedAddress;
  // Otherwise the first address the page shows above the permissions (the user identifier).
  const leaf = leaves.find((candidate) => EMAIL_ADDRESS.test(candidate.text) && (!list || follows(list, candidate.element)));
  return leaf ? EMAIL_ADDRESS.exec(leaf.text)?.[0] : undefined;
}

/**
 * Whether this is a consent screen at all. The script also runs on the sign-in pages before it, whose first text
 * after the title ("Email, phone, or Skype") must not be read as an app name.
 */
function isConsentScreen(document: Document, title: Element | undefined): boolean {
  if (document.querySelector(CONSENT_MARKERS) || document.querySelector('.app-name, [data-bind*="appName" i]')) return true;
  return title !== undefined && matchesAny(readText(title), CONSENT_TITLES);
}

function extractMicrosoft(document: Document): PageFacts {
  const leaves = textLeaves(document.body);
  const found = findTitle(document);
  if (!isConsentScreen(document, found)) return { unread: [...PAGE_FACT_FIELDS] };
  const title = found;
  const list = findPermissionList(document, title, leaves);
  const app = readAppBlock(document, title, list, leaves);
  const facts: PageFacts = {
    ...app,
    scopeDescriptions: list
      ? Array.from(list.children)
          .filter((child) => child.tagName === 'LI')
          .map(readPermissionLabel)
          .filter((text) => text.length > 0)
      : [],
    account: readAccount(document, list, leaves),
  };
  return withEveryMissingFieldUnread(facts);
}

export const microsoftExtractor: PageFactsExtractor = {
  provider: 'microsoft',
  description:
    'Microsoft consent ("Permissions requested", "Approval required", account.live.com "Let this app access your info?"): app name after the title, publisher by its verified badge or "unverified", the permission list, the signed-in account.',
  extract: extractMicrosoft,
};
