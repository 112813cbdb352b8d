/**
 * Slack's OAuth v2 install page (slack.com/oauth/v2/authorize, <workspace>.slack.com/oauth/v2/authorize,
 * https://api.slack.com/authentication/oauth-v2):
 * - the heading `h2.p-oauth_page__heading`, "<app> is requesting permission to access the <workspace> Slack
 *   workspace" (older pages: an `h1`);
 * - the permissions in `.p-scope_info__section`s of `.p-scope_info__group`s, which show only their
 *   `.p-scope_info__group_heading` while collapsed (no `li`); the full descriptions are in the JSON of
 *   `[data-automount-component="ScopeInfo"]` (../slack-scope-info.ts).
 * Structure first (those classes and the JSON), sentences second. Slack's pages are localized, so the sentences are
 * matched in English, German, French, Spanish and Japanese; a wording we do not know leaves the field unread,
 * never guessed. The page names no developer and shows no verification badge: publisher and verified stay unread.
 * Fixtures: test/fixtures/consent-pages/github-slack/.
 */
import type { PageFactField, PageFacts } from '../../evaluation';
import type { PageFactsExtractor } from '../page-facts-extractor';
import { readEntryText } from '../find-phrase-element';
import { matchFirst, readFirst, readText } from '../read-page-text';
import { readScopeInfo } from '../slack-scope-info';

/** The heading's sentence, capturing the app (1) and the workspace (2). */
export const REQUEST_SENTENCES: readonly RegExp[] = [
  /^(.+?) is requesting permission to access the (.+?) Slack workspace/i,
  /^(.+?) fordert (?:die )?Berechtigung an, auf den Slack-Workspace (.+?) zuzugreifen/i,
  /^(.+?) demande l[’']autorisation d[’']accéder à l[’']espace de travail Slack (.+?)(?:\.|$)/i,
  /^(.+?) solicita permiso para acceder al espacio de trabajo de Slack (.+?)(?:\.|$)/i,
  /^(.+?)\s*が\s*(.+?)\s*Slack\s*ワークスペースへのアクセス権限をリクエストしています/,
];

/** A permission section's heading, capturing the app: "What will <app> be able to view?", "<app> will be able to do:". */
export const ABILITY_HEADINGS: readonly RegExp[] = [
  /^What will (.+?) be able to (?:view|do)\?/i,
  /^(.+?) will be able to (?:view|do):?$/i,
  /^Was (?:kann|darf) (.+?) (?:sehen|tun)\?/i,
  /^Que pourra (?:voir|faire) (.+?) \?/i,
  /^¿Qué podrá (?:ver|hacer) (.+?)\?/i,
  /^(.+?)\s*が(?:表示|実行)できる(?:内容|こと)/,
];

const HEADING_SELECTORS = ['h2.p-oauth_page__heading', '.p-oauth_page__heading', 'h1.c-oauth-header__title', 'h1'];
const SECTION_HEADING_SELECTORS = '.p-scope_info__section h2, .p-scope_info__section h3, .p-oauth_page__section h2, .p-oauth_page__section h3';

/** What the collapsed and expanded groups show: an expanded group's `li`s, else the group's heading. */
function readVisibleGroups(document: Document): string[] {
  return Array.from(document.querySelectorAll('.p-scope_info__group')).flatMap((group) => {
    const items = Array.from(group.querySelectorAll('li')).map(readEntryText).filter((text) => text.length > 0);
    if (items.length > 0) return items;
    const heading = readFirst(group, ['.p-scope_info__group_heading']);
    return heading === undefined ? [] : [heading];
  });
}

/** The older page: `li.p-oauth_scope` rows under "be able to view / do" headings. */
function readLegacyScopeRows(document: Document): string[] {
  return Array.from(document.querySelectorAll('.p-oauth_scope'))
    .map((row) => readFirst(row, ['.p-oauth_scope__title', '[data-qa="scope-title"]']) ?? readText(row))
    .filter((text) => text.length > 0);
}

function extractSlack(document: Document): PageFacts {
  const heading = readFirst(document, HEADING_SELECTORS);
  const sentence = REQUEST_SENTENCES.map((pattern) => (heading ? pattern.exec(heading) : null)).find((match) => match !== null);
  const scopeInfo = readScopeInfo(document);
  const sectionHeadings = [
    ...(scopeInfo.status === 'read' ? scopeInfo.sectionHeadings : []),
    ...Array.from(document.querySelectorAll(SECTION_HEADING_SELECTORS)).map(readText),
  ];
  const appFromSection = sectionHeadings.map((text) => matchFirst(text, ABILITY_HEADINGS)).find((name) => name !== undefined);

  // The JSON carries the full descriptions; without it (missing, unreadable), what the groups show is the best the page offers.
  const fromJson = scopeInfo.status === 'read' ? scopeInfo.descriptions : [];
  const scopeDescriptions = fromJson.length > 0 ? fromJson : [...readVisibleGroups(document), ...readLegacyScopeRows(document)];

  const facts: PageFacts = {
    appName: readFirst(document, ['[data-qa="oauth-app-name"]']) ?? sentence?.[1]?.trim() ?? appFromSection,
    scopeDescriptions,
    account: readFirst(document, ['[data-qa="team-name"]']) ?? sentence?.[2]?.trim(),
  };
  const unread: PageFactField[] = ['publisher', 'verified'];
  if (facts.appName === undefined) unread.unshift('appName');
  if (scopeDescriptions.length === 0) unread.push('scopeDescriptions');
  if (facts.account === undefined) unread.push('account');
  return { ...facts, unread };
}

export const slackExtractor: PageFactsExtractor = {
  provider: 'slack',
  description:
    'slack.com OAuth v2: app and workspace from the .p-oauth_page__heading sentence (en, de, fr, es, ja), the permissions from the ScopeInfo JSON or the visible permission groups.',
  extract: extractSlack,
};
