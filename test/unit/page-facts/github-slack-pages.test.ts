import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PageFacts } from '../../../lib/evaluation';
import { extractPageFacts } from '../../../lib/page-facts/extract-page-facts';
import { MAX_SCOPE_INFO_PROPS_LENGTH, parseScopeInfoProps } from '../../../lib/page-facts/slack-scope-info';
import { GITHUB_SLACK_FIXTURE_DIR, REAL_GITHUB_SLACK_FIXTURES } from '../../fixtures/consent-pages/real-github-slack';

const FIXTURE_DIR = resolve(import.meta.dirname, '../../fixtures/consent-pages', GITHUB_SLACK_FIXTURE_DIR);

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

function loadFixture(file: string): Document {
  return parse(readFileSync(resolve(FIXTURE_DIR, file), 'utf8'));
}

/** The attribute value of a ScopeInfo mount, as a page would write it. */
function scopeInfoMount(props: unknown, inner = ''): string {
  const text = typeof props === 'string' ? props : JSON.stringify(props);
  const attribute = text.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  return `<div data-automount-component="ScopeInfo" data-automount-props="${attribute}">${inner}</div>`;
}

const ONE_SCOPE = {
  scopeInfo: {
    content: {
      heading: 'Tool will be able to view:',
      secondary_groups: { files: { heading: 'Files', scopes_info: [{ scopes: ['files:read'], description: 'View files shared in channels' }] } },
    },
  },
};

const COLLAPSED_GROUP =
  '<div class="p-scope_info__group"><button class="p-scope_info__group_toggle"><span class="p-scope_info__group_heading">Content and info about you</span></button></div>';

describe('GitHub and Slack consent pages modelled on the real ones', () => {
  it.each(REAL_GITHUB_SLACK_FIXTURES)('$file ($provider)', ({ file, provider, expected }) => {
    expect(extractPageFacts(provider, loadFixture(file))).toEqual(expected);
  });

  it('every HTML fixture in the folder is listed with its expected facts', () => {
    const files = readdirSync(FIXTURE_DIR).filter((name) => name.endsWith('.html')).sort();
    expect(REAL_GITHUB_SLACK_FIXTURES.map((fixture) => fixture.file).sort()).toEqual(files);
  });

  it.each(REAL_GITHUB_SLACK_FIXTURES)('$file is served under its provider\'s real host', ({ provider, url }) => {
    const host = new URL(url).hostname;
    expect(provider === 'github' ? host === 'github.com' : host === 'slack.com' || host.endsWith('.slack.com')).toBe(true);
  });
});

describe('GitHub variants', () => {
  it.each<{ name: string; html: string; expected: Pick<PageFacts, 'appName' | 'publisher' | 'verified' | 'account'> }>([
    {
      name: 'OAuth App sentence without links: app and owner from the words',
      html: '<p>Acme Sync by acme-inc wants to access your hubot account</p><button id="js-oauth-authorize-btn">Authorize acme-inc</button>',
      expected: { appName: 'Acme Sync', publisher: 'acme-inc', account: 'hubot' },
    },
    {
      name: 'only the Authorize button names the owner',
      html: '<h2>Authorize Acme Sync</h2><form><button name="authorize" value="1">Authorize acme-inc</button></form>',
      expected: { appName: 'Acme Sync', publisher: 'acme-inc' },
    },
    {
      name: 'a bare "Authorize" button names nobody',
      html: '<h2>Authorize Acme Sync</h2><button name="authorize" value="1">Authorize</button>',
      expected: { appName: 'Acme Sync' },
    },
    {
      name: 'a button sentence that is no login is not an owner',
      html: '<h2>Authorize Acme Sync</h2><button id="js-oauth-authorize-btn">Authorize this application now</button>',
      expected: { appName: 'Acme Sync' },
    },
    {
      name: 'a verified badge next to the owner',
      html: '<h1><a href="/apps/sync">Acme Sync</a> by <a href="/acme">acme-inc</a> <svg class="octicon octicon-verified" aria-label="Verified"></svg><br><span>wants access to your GitHub account</span></h1>',
      expected: { appName: 'Acme Sync', publisher: 'acme-inc', verified: true },
    },
    {
      name: 'signed-in login from the meta tag wins over the sentence',
      html: '<meta name="user-login" content="monalisa"><p>Acme Sync by acme-inc wants to access your octocat account</p>',
      expected: { appName: 'Acme Sync', publisher: 'acme-inc', account: 'monalisa' },
    },
    {
      name: 'an empty user-login meta (signed out) is ignored',
      html: '<meta name="user-login" content=""><p>Acme Sync by acme-inc wants to access your octocat account</p>',
      expected: { appName: 'Acme Sync', publisher: 'acme-inc', account: 'octocat' },
    },
  ])('$name', ({ html, expected }) => {
    const facts = extractPageFacts('github', parse(html));
    expect({ appName: facts.appName, publisher: facts.publisher, verified: facts.verified, account: facts.account }).toEqual({
      appName: undefined,
      publisher: undefined,
      verified: undefined,
      account: undefined,
      ...expected,
    });
  });

  it('lists every field it looked for and could not read', () => {
    expect(extractPageFacts('github', parse('<h1>Sign in to GitHub</h1>'))).toEqual({
      unread: ['appName', 'publisher', 'verified', 'scopeDescriptions', 'account'],
    });
  });

  it('reads the GitHub App permission list laid out without a list element', () => {
    const doc = parse(
      '<div class="Box"><b>Authorizing allows this app to</b><span>Verify your GitHub identity (octocat)</span><span>Know which resources you can access</span></div>',
    );
    expect(extractPageFacts('github', doc)).toMatchObject({
      scopeDescriptions: ['Verify your GitHub identity (octocat)', 'Know which resources you can access'],
      account: 'octocat',
    });
  });
});

describe('Slack variants', () => {
  it.each([
    ['en', 'Tool is requesting permission to access the Acme Slack workspace', 'Tool', 'Acme'],
    ['de', 'Tool fordert die Berechtigung an, auf den Slack-Workspace Acme GmbH zuzugreifen', 'Tool', 'Acme GmbH'],
    ['fr', 'Tool demande l’autorisation d’accéder à l’espace de travail Slack Acme SAS', 'Tool', 'Acme SAS'],
    ['es', 'Tool solicita permiso para acceder al espacio de trabajo de Slack Acme SL', 'Tool', 'Acme SL'],
    ['ja', 'Tool が Acme 株式会社 Slack ワークスペースへのアクセス権限をリクエストしています', 'Tool', 'Acme 株式会社'],
  ])('heading in %s', (_language, heading, appName, account) => {
    const facts = extractPageFacts('slack', parse(`<h2 class="p-oauth_page__heading">${heading}</h2>`));
    expect(facts).toMatchObject({ appName, account });
  });

  it.each([
    ['en question', 'What will Tool be able to view?'],
    ['en directory label', 'Tool will be able to do:'],
    ['de', 'Was kann Tool sehen?'],
    ['fr', 'Que pourra voir Tool ?'],
    ['es', '¿Qué podrá ver Tool?'],
    ['ja', 'Tool が表示できる内容'],
  ])('app name from a permission section heading (%s) when the main heading is not understood', (_name, sectionHeading) => {
    const doc = parse(
      `<h2 class="p-oauth_page__heading">Tool ???</h2><section class="p-scope_info__section"><h3>${sectionHeading}</h3>${COLLAPSED_GROUP}</section>`,
    );
    expect(extractPageFacts('slack', doc)).toMatchObject({ appName: 'Tool', scopeDescriptions: ['Content and info about you'] });
  });

  it('an unknown wording leaves the app and workspace unread instead of guessing', () => {
    const facts = extractPageFacts('slack', parse('<h2 class="p-oauth_page__heading">Zugriff für Tool auf Acme</h2>'));
    expect(facts).toEqual({ unread: ['appName', 'publisher', 'verified', 'scopeDescriptions', 'account'] });
  });

  it.each([
    ['broken JSON', 'not json {'],
    ['another shape', { scopeInfo: { content: { heading: 'x', secondary_groups: { a: { scopes_info: [{ description: 42 }] } } } } }],
    ['an array', [1, 2, 3]],
    ['too large', `{"pad":"${'x'.repeat(MAX_SCOPE_INFO_PROPS_LENGTH)}"}`],
  ])('ScopeInfo JSON that is %s falls back to the group headings the page shows', (_name, props) => {
    const doc = parse(`<h2 class="p-oauth_page__heading">Tool is requesting permission to access the Acme Slack workspace</h2>${scopeInfoMount(props, COLLAPSED_GROUP)}`);
    expect(extractPageFacts('slack', doc).scopeDescriptions).toEqual(['Content and info about you']);
  });

  it('an expanded group shows its entries, which replace its heading', () => {
    const doc = parse(
      '<div class="p-scope_info__group"><span class="p-scope_info__group_heading">Files</span><ul><li>View files shared in channels</li><li>Upload files <a href="#">Learn more</a></li></ul></div>',
    );
    expect(extractPageFacts('slack', doc).scopeDescriptions).toEqual(['View files shared in channels', 'Upload files']);
  });

  it('descriptions from the JSON stay text: markup in them is not parsed', () => {
    const props = structuredClone(ONE_SCOPE);
    props.scopeInfo.content.secondary_groups.files.scopes_info[0]!.description = '<img src=x onerror=alert(1)>Read files';
    const doc = parse(scopeInfoMount(props));
    expect(extractPageFacts('slack', doc).scopeDescriptions).toEqual(['<img src=x onerror=alert(1)>Read files']);
    expect(doc.querySelector('img')).toBeNull();
  });
});

describe('parseScopeInfoProps', () => {
  it.each([
    ['valid', JSON.stringify(ONE_SCOPE), { status: 'read', sectionHeadings: ['Tool will be able to view:'], descriptions: ['View files shared in channels'] }],
    ['extra keys are ignored', JSON.stringify({ ...ONE_SCOPE, smallHeadings: true }), { status: 'read', sectionHeadings: ['Tool will be able to view:'], descriptions: ['View files shared in channels'] }],
    ['no sections', JSON.stringify({ scopeInfo: {} }), { status: 'read', sectionHeadings: [], descriptions: [] }],
    ['not JSON', '{', { status: 'unreadable' }],
    ['wrong shape', JSON.stringify({ scopeInfo: [] }), { status: 'unreadable', reason: 'not the ScopeInfo shape' }],
    ['null', 'null', { status: 'unreadable', reason: 'not the ScopeInfo shape' }],
    ['over the size cap', ' '.repeat(MAX_SCOPE_INFO_PROPS_LENGTH + 1), { status: 'unreadable' }],
  ])('%s', (_name, text, expected) => {
    expect(parseScopeInfoProps(text)).toMatchObject(expected);
  });
});

describe('pages built to be slow', () => {
  // The phrase search is capped by the number of elements it looks at (lib/page-facts/find-phrase-element.ts), not
  // by a clock: tests never fail on timing. This page used to take seconds, quadratic in its depth.
  it('a deeply nested page is read, and nothing is made up from it', () => {
    const depth = 1000;
    const doc = parse(`${'<div>x '.repeat(depth)}${'</div>'.repeat(depth)}`);
    const facts = extractPageFacts('github', doc);
    expect(facts.appName).toBeUndefined();
    expect(facts.unread).toContain('appName');
  });
});
