import { describe, expect, it } from 'vitest';
import { PROVIDER_IDS } from '../../../lib/authorization-request';
import { PROVIDER_CATALOGS } from '../../../lib/scopes/catalog/catalogs';
import { microsoftResourceScope } from '../../../lib/scopes/catalog/microsoft-resources';
import { oidcCatalog } from '../../../lib/scopes/catalog/oidc';
import { classifyScope } from '../../../lib/scopes/classify-scope';
import { decodeScopeCode } from '../../../lib/scopes/scope-code';
import { ACCESS_LEVELS, BREADTHS, DATA_CLASSES, PROVIDER_LABELS } from '../../../lib/scopes/scope-info';

const ALL_CATALOGS = [oidcCatalog, ...Object.values(PROVIDER_CATALOGS)];
const ALL_ENTRIES = ALL_CATALOGS.flatMap((catalog) => catalog.entries.map((entry) => [catalog.id, ...entry] as const));

describe('catalog registry', () => {
  it.each(PROVIDER_IDS.map((id) => [id]))('%s has a catalog registered under its own id', (id) => {
    const catalog = PROVIDER_CATALOGS[id];
    expect(catalog).toBeDefined();
    expect(catalog.id).toBe(id);
    // generic has no entries of its own and answers from the OIDC catalog
    if (id === 'generic') expect(catalog.usesOidc).toBe(true);
    else expect(catalog.entries.length).toBeGreaterThanOrEqual(5);
  });

  it('has no catalog for a provider that does not exist', () => {
    expect(Object.keys(PROVIDER_CATALOGS).sort()).toEqual([...PROVIDER_IDS].sort());
  });

  it.each([
    ['microsoft', 350],
    ['google', 500],
    ['slack', 95],
    ['atlassian', 640],
    ['dropbox', 28],
  ] as const)('%s keeps its generated list (at least %i scopes)', (id, minimum) => {
    expect(new Set(PROVIDER_CATALOGS[id].entries.map(([scope]) => scope.toLowerCase())).size).toBeGreaterThanOrEqual(minimum);
  });
});

describe('every catalog entry', () => {
  it(`is valid (${ALL_ENTRIES.length} entries)`, () => {
    const problems: string[] = [];
    for (const [catalog, scope, code, description] of ALL_ENTRIES) {
      const where = `${catalog} ${scope}`;
      if (scope.trim() === '' || scope !== scope.trim()) problems.push(`${where}: blank or padded scope`);
      if (!/^[A-Z"].*[.]$/s.test(description) || description.length < 12) problems.push(`${where}: description "${description}"`);
      if (description.length > 200) problems.push(`${where}: description longer than one sentence`);
      if (/,\.|\s\.|\.\./.test(description)) problems.push(`${where}: broken punctuation in "${description}"`);
      try {
        const decoded = decodeScopeCode(code);
        if (!decoded.access.every((a) => ACCESS_LEVELS.includes(a))) problems.push(`${where}: access`);
        if (!decoded.dataClasses.every((d) => DATA_CLASSES.includes(d))) problems.push(`${where}: data classes`);
        if (!BREADTHS.includes(decoded.breadth)) problems.push(`${where}: breadth`);
        if (!decoded.labels.every((l) => PROVIDER_LABELS.includes(l))) problems.push(`${where}: labels`);
        const signInOnly = decoded.access.every((a) => a === 'identity');
        if (signInOnly && decoded.dataClasses.length > 0) problems.push(`${where}: identity scope with data classes`);
        if (!signInOnly && decoded.dataClasses.length === 0) problems.push(`${where}: data access without a data class`);
        if (decoded.access.includes('identity') && !signInOnly) problems.push(`${where}: identity mixed with data access`);
      } catch (error) {
        problems.push(`${where}: ${(error as Error).message}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it.each(ALL_CATALOGS.filter((c) => c.id !== 'oidc').map((c) => [c.id]))(
    '%s answers each of its entries from the catalog',
    (id) => {
      const catalog = PROVIDER_CATALOGS[id as keyof typeof PROVIDER_CATALOGS];
      for (const [scope] of catalog.entries) {
        const lookup = scope.startsWith('sharepoint:')
          ? `https://contoso.sharepoint.com/${scope.slice('sharepoint:'.length)}`
          : scope.startsWith('custom-api:')
            ? `api://00000000-0000-4000-8000-000000000000/${scope.slice('custom-api:'.length)}`
            : ((id === 'microsoft' ? microsoftResourceScope(scope) : undefined) ?? scope);
        expect(classifyScope(catalog.id as typeof id & never, lookup).source, `${id} ${scope}`).toBe('catalog');
      }
    },
  );

  it('labels only Google scopes as Google-sensitive or restricted, and only Microsoft ones as admin-consent', () => {
    for (const [catalog, scope, code] of ALL_ENTRIES) {
      const { labels } = decodeScopeCode(code);
      if (labels.some((l) => l.startsWith('google-'))) expect(catalog, scope).toBe('google');
      if (labels.includes('microsoft-admin-consent')) expect(catalog, scope).toBe('microsoft');
    }
  });
});
