/**
 * GitHub's OAuth app authorization page (github.com/login/oauth/authorize): "Authorize <app>", "<app> by <owner>",
 * "wants to access your <login> account", and one row per permission group
 * (https://docs.github.com/apps/oauth-apps/using-oauth-apps/authorizing-oauth-apps).
 */
import type { PageFacts } from '../../evaluation';
import type { PageFactsExtractor } from '../page-facts-extractor';
import { matchFirst, readFirst, readText } from '../read-page-text';

const ACCOUNT = /wants to access your (\S+) account/i;

function readPermissions(document: Document): string[] {
  return Array.from(document.querySelectorAll('.oauth-permissions-details'))
    .map((row) => {
      const title = readFirst(row, ['.permission-title']);
      const help = readFirst(row, ['.permission-help']);
      return title && help ? `${title}: ${help}` : (title ?? readText(row));
    })
    .filter((text) => text.length > 0);
}

function extractGithub(document: Document): PageFacts {
  const heading = readFirst(document, ['main h1', 'h1', 'h2']);
  const ownerLine = document.querySelector('.oauth-app-owner');
  return {
    appName: readFirst(document, ['.oauth-app-name']) ?? matchFirst(heading, [/^Authorize (.+)$/i]),
    publisher: readFirst(ownerLine ?? document, ['.oauth-app-owner a', 'a[data-owner]']),
    verified: document.querySelector('.oauth-app-owner [title*="verified" i], .oauth-app-owner .Label--verified') ? true : undefined,
    scopeDescriptions: readPermissions(document),
    account: matchFirst(readText(document.body), [ACCOUNT]),
  };
}

export const githubExtractor: PageFactsExtractor = {
  provider: 'github',
  description: 'github.com/login/oauth/authorize: app name from "Authorize <app>", owner from "by <owner>", the permission rows, the account login.',
  extract: extractGithub,
};
