/**
 * Google's OAuth screens on accounts.google.com: the consent step (/signin/oauth/consent,
 * /signin/oauth/v2/consentsummary), the unverified-app screen in both of its wordings ("This app isn't verified",
 * later "Google hasn't verified this app"; https://support.google.com/cloud/answer/7454865) and the account chooser
 * (/o/oauth2/auth/oauthchooseaccount, /v3/signin/accountchooser).
 *
 * Structure first, as the live pages carry it (sources in test/fixtures/consent-pages/google-microsoft/): the app
 * name is the text of #developer_info_glif or of the element with `data-third-party-email`, whose value is the
 * developer's address; each scope row has an element with `data-value="<scope>"`; each account in the chooser has
 * `data-identifier`. Phrases only where nothing else says it: the unverified heading, "Go to <app> (unsafe)" and the
 * heading sentence of older consent pages.
 *
 * Phrases: the English ones are quoted from the live pages by public scripts and guides. The German, French, Spanish
 * and Japanese ones are our translations of the same sentences in Google's usual wording: no public material we
 * found quotes the localized screens. Where a locale words it differently, the structural readers still work and
 * anything left is reported as unread, never guessed.
 */
import type { PageFacts } from '../../evaluation';
import type { PageFactsExtractor } from '../page-facts-extractor';
import { readListAfterPhrase, readText } from '../read-page-text';
import { captureFirst, EMAIL_ADDRESS, matchesAny, ownText, textLeaves } from '../read-text-leaves';
import { withEveryMissingFieldUnread } from '../mark-unread';

const UNVERIFIED_HEADINGS: readonly RegExp[] = [
  /Google hasn.t verified this app/i,
  /This app isn.t verified/i,
  /Google hat diese App nicht überprüft/i,
  /Diese App wurde nicht überprüft/i,
  /Google n.a pas validé cette application/i,
  /Cette application n.est pas validée/i,
  /Google no ha verificado esta aplicación/i,
  /Esta aplicación no está verificada/i,
  /このアプリは Google で確認されていません/,
  /このアプリは確認されていません/,
];

// The unverified screen names the app only in its "Go to <app> (unsafe)" link (revealed by "Advanced").
const UNSAFE_LINK: readonly RegExp[] = [
  /^Go to (.+?) \(unsafe\)$/i,
  /^(.+?) öffnen \(unsicher\)$/i,
  /^Accéder à (.+?) \(non sécurisé\)$/i,
  /^Ir a (.+?) \(no seguro\)$/i,
  /^(.+?)[（(]安全ではないページ[）)]に移動$/,
];

// Older consent pages put the app name in the heading sentence without a marked element.
const HEADING_APP_NAME: readonly RegExp[] = [
  /^(.+?) wants (?:additional )?access to your Google Account/i,
  /^Sign in to (.+)$/i,
  /^(.+?) möchte (?:zusätzlichen )?(?:Zugriff auf Ihr Google-Konto|auf Ihr Google-Konto zugreifen)/i,
  /^Bei (.+) anmelden$/i,
  /^(.+?) (?:souhaite|veut) accéder à votre compte Google/i,
  /^Se connecter à (.+)$/i,
  /^(.+?) quiere acceder a (?:tu|su) cuenta de Google/i,
  /^Iniciar sesión en (.+)$/i,
  /^(.+?) が Google アカウントへの(?:追加の)?アクセスを(?:求めています|リクエストしています)/,
  /^(.+?) にログイン$/,
];

const CHOOSE_ACCOUNT: readonly RegExp[] = [
  /^Choose an account$/i,
  /^Konto auswählen$/i,
  /^Choisissez un compte$/i,
  /^(?:Elige|Selecciona) una cuenta$/i,
  /^アカウントの選択$/,
];

// The sentence above the scope list on consent pages without per-scope `data-value` rows.
const SCOPE_LIST_INTRO =
  /(will allow .+ to|wants to access|can access|select what|wird .+ Folgendes ermöglicht|kann auf|permettra à|pourra accéder|permitirá a|podrá acceder|に次の許可|アクセスできる)/i;

// A developer address shown in parentheses: "until the developer (dev@example.com) verifies this app".
const ADDRESS_IN_PARENTHESES = /[(（]\s*([^()（）\s]+@[^()（）\s]+\.[^()（）\s]+)\s*[)）]/;

/** A `data-value` that names a Google scope: a googleapis.com/google.com scope URL or an OpenID Connect short name. */
function isScopeValue(value: string | null): boolean {
  if (value === null) return false;
  return /^https:\/\/(?:www\.googleapis\.com\/auth\/|[a-z.]*google\.com\/)/.test(value) || ['openid', 'email', 'profile'].includes(value);
}

function readUnverified(document: Document): boolean {
  const heading = readText(document.querySelector('#headingText') ?? document.querySelector('h1'));
  if (matchesAny(heading, UNVERIFIED_HEADINGS)) return true;
  // Older pages put the warning in the body under a generic heading.
  return matchesAny(readText(document.body), UNVERIFIED_HEADINGS);
}

/** The element that names the app and carries the developer's address. */
function developerElement(document: Document): Element | null {
  return (
    document.querySelector('#developer_info_glif') ??
    document.querySelector('#headingText [data-third-party-email], #headingSubtext [data-third-party-email]') ??
    document.querySelector('[data-third-party-email]')
  );
}

function readAppName(document: Document, developer: Element | null, unverified: boolean): string | undefined {
  const marked = readText(developer);
  if (marked) return marked;
  if (unverified) {
    // The link sits in a section hidden until "Advanced" is pressed; it is part of the page all the same.
    for (const leaf of textLeaves(document.body, { includeHidden: true })) {
      const name = captureFirst(leaf.text, UNSAFE_LINK);
      if (name) return name;
    }
    return undefined;
  }
  const linked = readText(document.querySelector('#headingText a, [data-app-name]'));
  if (linked) return linked;
  return captureFirst(readText(document.querySelector('#headingText') ?? document.querySelector('h1')), HEADING_APP_NAME);
}

/**
 * Google shows no publisher name. What it shows is the developer's address: `data-third-party-email` on the app
 * name, or "the developer (<address>)" on the unverified screen. It is the nearest thing to a publisher the page has.
 */
function readDeveloperAddress(document: Document, developer: Element | null, unverified: boolean): string | undefined {
  const attribute = developer?.getAttribute('data-third-party-email')?.trim();
  if (attribute && EMAIL_ADDRESS.test(attribute)) return attribute;
  if (!unverified) return undefined;
  return captureFirst(readText(document.body), [ADDRESS_IN_PARENTHESES]);
}

function readScopeDescriptions(document: Document): string[] {
  const rows = Array.from(document.querySelectorAll('[data-value]')).filter((element) => isScopeValue(element.getAttribute('data-value')));
  if (rows.length > 0) {
    return rows.map((row) => {
      const labelId = row.getAttribute('aria-labelledby');
      const label = (labelId ? document.getElementById(labelId) : null) ?? row.closest('li');
      // Own text first: the row's "Learn more" link is not part of the description.
      return label ? ownText(label) || readText(label) : '';
    });
  }
  // Older consent pages: the list under "This will allow <app> to:" (rows marked data-scope-text, or plain items).
  return readListAfterPhrase(document, SCOPE_LIST_INTRO);
}

/**
 * The account the grant is for. The chooser lists accounts and none of them is chosen yet, and its first row is only
 * the first signed-in session: there the account is unknown. Elsewhere the page shows one account chip.
 */
function readAccount(document: Document): string | undefined {
  const identifiers = new Set(Array.from(document.querySelectorAll('[data-identifier]')).map((element) => element.getAttribute('data-identifier')));
  const heading = readText(document.querySelector('#headingText') ?? document.querySelector('h1'));
  const chooser = identifiers.size > 1 || document.querySelector('li [data-identifier]') !== null || matchesAny(heading, CHOOSE_ACCOUNT);
  if (chooser) return undefined;
  const addresses = new Set(
    Array.from(document.querySelectorAll('[data-email]'))
      .map((element) => element.getAttribute('data-email')?.trim() ?? '')
      .filter((address) => EMAIL_ADDRESS.test(address)),
  );
  // Two different addresses and nothing saying which is signed in: unknown.
  if (addresses.size > 1) return undefined;
  const [address] = addresses;
  if (address) return address;
  const [identifier] = identifiers;
  if (identifier && EMAIL_ADDRESS.test(identifier)) return identifier;
  return EMAIL_ADDRESS.exec(readText(document.querySelector('#profileIdentifier')))?.[0];
}

function extractGoogle(document: Document): PageFacts {
  const unverified = readUnverified(document);
  const developer = developerElement(document);
  const facts: PageFacts = {
    appName: readAppName(document, developer, unverified),
    publisher: readDeveloperAddress(document, developer, unverified),
    scopeDescriptions: readScopeDescriptions(document),
    account: readAccount(document),
  };
  // Google marks only the absence of verification; a page without the warning says nothing either way.
  if (unverified) facts.verified = false;
  return withEveryMissingFieldUnread(facts);
}

export const googleExtractor: PageFactsExtractor = {
  provider: 'google',
  description:
    'accounts.google.com consent, unverified-app and account-chooser screens: app name from #developer_info_glif / data-third-party-email, the developer address, per-scope data-value rows, the chosen account only when one is chosen.',
  extract: extractGoogle,
};
