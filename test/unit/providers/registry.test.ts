import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PROVIDER_IDS } from '../../../lib/authorization-request';
import { PROVIDERS, allConsentHostPatterns, getProvider } from '../../../lib/providers';
import type { ProviderDefinition } from '../../../lib/providers/provider-definition';
import { loadClientLibraryFixtures, loadHandWrittenCases } from '../../fixtures/authorization-urls/load-fixtures';

const providerFolder = join(dirname(fileURLToPath(import.meta.url)), '../../../lib/providers');
/** Files in lib/providers/ that are infrastructure, not providers. */
// Not provider modules: the registry, the shared type and the consent-host data the provider modules read.
const NOT_PROVIDERS = new Set(['index.ts', 'provider-definition.ts', 'consent-hosts-by-provider.ts']);
const providerFiles = readdirSync(providerFolder).filter((file) => file.endsWith('.ts') && !NOT_PROVIDERS.has(file));

const modules = import.meta.glob<Record<string, unknown>>('../../../lib/providers/*.ts', { eager: true });
const handWritten = loadHandWrittenCases();
const libraryFixtures = loadClientLibraryFixtures();

/** Content-script match pattern grammar (https://developer.chrome.com/docs/extensions/develop/concepts/match-patterns). */
const MATCH_PATTERN = /^https:\/\/(\*|\*\.[a-z0-9.-]+|[a-z0-9.-]+)\/[^\s]*$/;

function definitionIn(file: string): ProviderDefinition {
  const exported = Object.values(modules[`../../../lib/providers/${file}`] ?? {});
  const definition = exported.find(
    (value): value is ProviderDefinition => typeof value === 'object' && value !== null && 'matchEndpoint' in value,
  );
  if (definition === undefined) throw new Error(`${file} exports no provider definition`);
  return definition;
}

describe('provider registry', () => {
  it('has one module per provider id, and every id has a module', () => {
    expect(PROVIDERS.map((provider) => provider.id).sort()).toEqual([...PROVIDER_IDS].sort());
    expect(providerFiles.length).toBe(PROVIDERS.length);
  });

  it('lists generic last, so every specific provider is tried first', () => {
    expect(PROVIDERS[PROVIDERS.length - 1]?.id).toBe('generic');
  });

  it.each(providerFiles)('%s is registered under its file name', (file) => {
    const definition = definitionIn(file);
    expect(PROVIDERS).toContain(definition);
    expect(file).toBe(`${definition.id}.ts`);
    expect(getProvider(definition.id)).toBe(definition);
  });

  it.each(PROVIDERS.map((provider) => [provider.id, provider] as const))('%s is described', (_id, provider) => {
    expect(provider.displayName.length).toBeGreaterThan(2);
    expect(provider.description.length).toBeGreaterThan(30);
    expect(provider.scopeSeparators).toContain(' ');
    expect(provider.scopeParameters[0]).toBe('scope');
  });

  it.each(PROVIDERS.map((provider) => [provider.id, provider] as const))(
    '%s has valid consent host patterns (none only for host-agnostic providers)',
    (id, provider) => {
      const hostAgnostic = id === 'generic' || id === 'keycloak';
      expect(provider.consentHostPatterns.length > 0).toBe(!hostAgnostic);
      for (const pattern of provider.consentHostPatterns) expect(pattern).toMatch(MATCH_PATTERN);
      for (const host of provider.knownHosts) {
        expect(
          provider.ownedDomains.some((domain) => host === domain || host.endsWith(`.${domain}`)),
          `${host} is under one of ${id}'s own domains`,
        ).toBe(true);
      }
    },
  );

  it.each(PROVIDERS.map((provider) => provider.id))('%s has hand-written test cases', (id) => {
    expect(handWritten.filter((testCase) => testCase.expected.provider === id).length).toBeGreaterThanOrEqual(2);
  });

  it('collects the consent host patterns for the manifest without duplicates', () => {
    const patterns = allConsentHostPatterns();
    expect(new Set(patterns).size).toBe(patterns.length);
    expect(patterns).toContain('https://accounts.google.com/*');
    expect(patterns).toContain('https://github.com/login*');
    expect(patterns).toContain('https://*.okta.com/*');
  });

  it('is exercised by client-library fixtures for most providers', () => {
    const covered = new Set(libraryFixtures.map((fixture) => fixture.expected.provider));
    expect(covered.size).toBeGreaterThanOrEqual(12);
  });
});
