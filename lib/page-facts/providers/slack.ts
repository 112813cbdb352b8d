/**
 * Slack's OAuth v2 install page (slack.com/oauth/v2/authorize and <workspace>.slack.com/oauth/v2/authorize):
 * "<app> is requesting permission to access the <workspace> Slack workspace", then the "What will <app> be able
 * to view?" and "… be able to do?" lists (https://api.slack.com/authentication/oauth-v2).
 */
import type { PageFacts } from '../../evaluation';
import type { PageFactsExtractor } from '../page-facts-extractor';
import { readFirst, readText } from '../read-page-text';

const REQUEST_SENTENCE = /^(.+?) is requesting permission to access the (.+?) Slack workspace/i;

function readAbilityLists(document: Document): string[] {
  const headings = Array.from(document.querySelectorAll('h2, h3')).filter((heading) => /be able to (view|do)/i.test(readText(heading)));
  return headings.flatMap((heading) => {
    const section = heading.closest('section') ?? heading.parentElement;
    const items = section ? Array.from(section.querySelectorAll('li')) : [];
    return items.map((item) => readFirst(item, ['.p-oauth_scope__title', '[data-qa="scope-title"]']) ?? readText(item));
  });
}

function extractSlack(document: Document): PageFacts {
  const heading = readFirst(document, ['h1']);
  const sentence = heading ? REQUEST_SENTENCE.exec(heading) : null;
  return {
    appName: sentence?.[1] ?? readFirst(document, ['[data-qa="oauth-app-name"]']),
    scopeDescriptions: readAbilityLists(document).filter((text) => text.length > 0),
    account: sentence?.[2] ?? readFirst(document, ['[data-qa="team-name"]']),
  };
}

export const slackExtractor: PageFactsExtractor = {
  provider: 'slack',
  description: 'slack.com OAuth v2: app and workspace from the "is requesting permission to access" heading, the "be able to view / do" lists.',
  extract: extractSlack,
};
