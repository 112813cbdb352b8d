import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractPageFacts } from '../../../lib/page-facts/extract-page-facts';
import { PAGE_FACTS_EXTRACTORS } from '../../../lib/page-facts/page-facts-extractors';
import { CONSENT_PAGE_FIXTURES, HOSTILE_APP_NAME } from '../../fixtures/consent-pages/consent-pages';

const FIXTURE_DIR = resolve(import.meta.dirname, '../../fixtures/consent-pages');
const PROVIDER_DIR = resolve(import.meta.dirname, '../../../lib/page-facts/providers');

function loadFixture(file: string): Document {
  // DOMParser documents never run their scripts, so the hostile page's attacks stay inert here.
  return new DOMParser().parseFromString(readFileSync(resolve(FIXTURE_DIR, file), 'utf8'), 'text/html');
}

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

describe('extractPageFacts on the fixture consent screens', () => {
  it.each(CONSENT_PAGE_FIXTURES)('$file ($provider)', ({ file, provider, expected }) => {
    expect(extractPageFacts(provider, loadFixture(file))).toEqual(expected);
  });

  it('every HTML fixture is listed with its expected facts', () => {
    const files = readdirSync(FIXTURE_DIR).filter((name) => name.endsWith('.html')).sort();
    expect(CONSENT_PAGE_FIXTURES.map((fixture) => fixture.file).sort()).toEqual(files);
  });

  it('reads the hostile app name as the literal text the page shows, markup and all', () => {
    const facts = extractPageFacts('google', loadFixture('hostile.html'));
    expect(facts.appName).toBe(HOSTILE_APP_NAME);
  });
});

describe('page-facts extractor registry', () => {
  const files = readdirSync(PROVIDER_DIR).filter((name) => name.endsWith('.ts'));

  it.each(files)('%s is registered once', (file) => {
    const provider = file.replace(/\.ts$/, '');
    expect(PAGE_FACTS_EXTRACTORS.filter((extractor) => extractor.provider === provider)).toHaveLength(1);
  });

  it.each(PAGE_FACTS_EXTRACTORS.map((extractor) => [extractor.provider, extractor] as const))(
    '%s has its own file, a description and a fixture',
    (provider, extractor) => {
      expect(files).toContain(`${provider}.ts`);
      expect(extractor.description.length).toBeGreaterThan(20);
      const fixtureProviders = CONSENT_PAGE_FIXTURES.map((fixture) =>
        PAGE_FACTS_EXTRACTORS.some((candidate) => candidate.provider === fixture.provider) ? fixture.provider : 'generic',
      );
      expect(fixtureProviders).toContain(provider);
    },
  );

  it('providers without their own extractor use the generic one', () => {
    const doc = loadFixture('generic-oidc.html');
    expect(extractPageFacts('auth0', doc)).toEqual(extractPageFacts('generic', doc));
  });
});

describe('extractors on pages that are not what they expect', () => {
  const cases = [
    { name: 'empty document', html: '' },
    { name: 'heading only', html: '<h1>Welcome</h1>' },
    { name: 'login form', html: '<title>Sign in</title><form><input name="identifier"><button>Next</button></form>' },
    { name: 'lists in the footer only', html: '<footer><ul><li>Help</li><li>Privacy</li></ul></footer>' },
  ];
  it.each(PAGE_FACTS_EXTRACTORS.flatMap((extractor) => cases.map((testCase) => ({ provider: extractor.provider, ...testCase }))))(
    '$provider on $name: no throw, only clean strings',
    ({ provider, html }) => {
      const facts = extractPageFacts(provider, parse(html));
      for (const value of [facts.appName, facts.publisher, facts.account, ...(facts.scopeDescriptions ?? [])]) {
        if (value !== undefined) expect(value).toBe(value.trim());
      }
      expect(facts.scopeDescriptions ?? []).not.toContain('Help');
    },
  );

  it.each([
    ['<title>Sign-in</title><h1>Authorize</h1>', undefined],
    ['<title>Consent</title><h1>Sign in</h1>', undefined],
    ['<h1>Authorize</h1><title>Authorize Acme CRM</title>', 'Acme CRM'],
    ['<h1>Acme CRM wants to access your account</h1>', 'Acme CRM'],
  ])('generic takes an app name only from a sentence that names it: %s', (html, appName) => {
    expect(extractPageFacts('generic', parse(html)).appName).toBe(appName);
  });

  it('reads the page text, not its scripts or styles', () => {
    const doc = parse('<h1>Notes<script>var secret = 1</script><style>h1{}</style> wants access to your Google Account</h1>');
    expect(extractPageFacts('google', doc).appName).toBe('Notes');
  });

  it('caps a huge app name at 512 characters', () => {
    const doc = parse(`<h1 id="headingText">${'A'.repeat(5000)} wants access to your Google Account</h1>`);
    expect(extractPageFacts('google', doc).appName).toHaveLength(512);
  });

  it('caps the number of scope descriptions at 200', () => {
    const items = Array.from({ length: 500 }, (_, index) => `<li>Scope number ${index}</li>`).join('');
    const doc = parse(`<h1>Tool wants to access your account</h1><p>This will allow Tool to:</p><ul>${items}</ul>`);
    expect(extractPageFacts('generic', doc).scopeDescriptions).toHaveLength(200);
  });
});
