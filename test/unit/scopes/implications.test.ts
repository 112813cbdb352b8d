import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROVIDER_IDS, type ProviderId } from '../../../lib/authorization-request';
import { approvalCoversScope } from '../../../lib/policy/scope-coverage';
import { classifyScope } from '../../../lib/scopes/classify-scope';
import { SCOPE_IMPLICATIONS, withImpliedScopes, type ImplicationRow } from '../../../lib/scopes/implications';
import { AZURE_DEVOPS_INHERITS } from '../../../lib/scopes/implications/resources/azure-devops';
import { ALL_COVERS_OWN, SHARED_COVERS_OWN } from '../../../lib/scopes/implications/microsoft';

const dir = resolve(__dirname, '../../../lib/scopes/implications');
// Every .ts file in lib/scopes/implications/ is one provider's hierarchy named after the provider, except the
// registry and the shared types.
const providerFiles = readdirSync(dir)
  .filter((name) => name.endsWith('.ts') && name !== 'index.ts' && name !== 'scope-implications.ts')
  .map((name) => name.slice(0, -'.ts'.length));

/** How a table's name is requested: Google's short names live under its auth prefix. */
function requested(provider: ProviderId, scope: string): string {
  return provider === 'google' && !scope.includes('://') ? `https://www.googleapis.com/auth/${scope}` : scope;
}

/** The provider's documentation hosts a row may cite. */
const DOC_HOSTS: Partial<Record<ProviderId, RegExp>> = {
  google: /^https:\/\/(developers\.google\.com|cloud\.google\.com)\//,
  microsoft: /^https:\/\/learn\.microsoft\.com\//,
  github: /^https:\/\/docs\.github\.com\//,
  slack: /^https:\/\/api\.slack\.com\//,
};

const rows: [ProviderId, ImplicationRow][] = SCOPE_IMPLICATIONS.flatMap((entry) => entry.rows.map((row) => [entry.provider, row] as [ProviderId, ImplicationRow]));
const pairs: [ProviderId, string, string][] = rows.flatMap(([provider, row]) => row.narrower.map((narrower) => [provider, row.broader, narrower] as [ProviderId, string, string]));

describe('scope implication registry', () => {
  it('finds provider files to check', () => {
    expect(providerFiles.length).toBeGreaterThanOrEqual(4);
  });

  it('registers exactly one hierarchy per file, under the file name', () => {
    expect(SCOPE_IMPLICATIONS.map((entry) => entry.provider).sort()).toEqual([...providerFiles].sort());
    for (const file of providerFiles) expect(PROVIDER_IDS).toContain(file);
  });

  it.each(SCOPE_IMPLICATIONS.map((entry) => [entry.provider, entry] as const))('%s says how its hierarchy is derived', (_provider, entry) => {
    expect(entry.description.trim().length).toBeGreaterThan(30);
  });

  it.each(rows.map(([provider, row]) => [provider, row.broader, row] as const))('%s %s cites the provider and names catalogued scopes', (provider, _broader, row) => {
    expect(row.source).toMatch(DOC_HOSTS[provider]!);
    expect(row.narrower.length).toBeGreaterThan(0);
    for (const scope of [row.broader, ...row.narrower]) {
      expect(classifyScope(provider, requested(provider, scope)).source, `${scope} is in the ${provider} catalog`).toBe('catalog');
    }
  });
});

describe('every implication row', () => {
  it.each(pairs)('%s: %s covers %s, and not the other way', (provider, broader, narrower) => {
    expect(approvalCoversScope(provider, [requested(provider, broader)], requested(provider, narrower))).toBe(true);
    expect(approvalCoversScope(provider, [requested(provider, narrower)], requested(provider, broader))).toBe(false);
  });

  it('has no cycle: no scope implies itself through others', () => {
    for (const entry of SCOPE_IMPLICATIONS) {
      for (const row of entry.rows) {
        const below = withImpliedScopes(entry.provider, entry.narrowerThan(entry.provider === 'microsoft' ? row.broader.toLowerCase() : row.broader));
        expect(below.has(entry.provider === 'microsoft' ? row.broader.toLowerCase() : row.broader)).toBe(false);
      }
    }
  });
});

describe('the Microsoft grammar', () => {
  // Each documented family, in each direction the grammar derives: written out, so the rule is checked against
  // the names as Microsoft spells them.
  it.each(ALL_COVERS_OWN)('%s.Read.All covers %s.Read, and not the other way', (family) => {
    expect(approvalCoversScope('microsoft', [`${family}.Read.All`], `${family}.Read`)).toBe(true);
    expect(approvalCoversScope('microsoft', [`${family}.Read`], `${family}.Read.All`)).toBe(false);
  });

  it.each(SHARED_COVERS_OWN)('%s.ReadWrite.Shared covers %s.Read, and not the other way', (family) => {
    expect(approvalCoversScope('microsoft', [`${family}.ReadWrite.Shared`], `${family}.Read`)).toBe(true);
    expect(approvalCoversScope('microsoft', [`${family}.Read`], `${family}.ReadWrite.Shared`)).toBe(false);
  });

  // Catalogued ReadWrite permissions with a catalogued Read twin: the grammar must pair every one of them.
  const readWrite = ['Mail.ReadWrite', 'Calendars.ReadWrite', 'Contacts.ReadWrite', 'Tasks.ReadWrite', 'Files.ReadWrite.All', 'Sites.ReadWrite.All', 'Group.ReadWrite.All', 'Directory.ReadWrite.All', 'User.ReadWrite.All', 'Chat.ReadWrite', 'Notes.ReadWrite.All', 'Policy.ReadWrite.ConditionalAccess'];
  it.each(readWrite)('%s covers its read-only twin', (scope) => {
    const twin = scope.replace('.ReadWrite', '.Read');
    expect(classifyScope('microsoft', twin).source).toBe('catalog');
    expect(approvalCoversScope('microsoft', [scope], twin)).toBe(true);
    expect(approvalCoversScope('microsoft', [twin], scope)).toBe(false);
  });

  it('derives nothing for names outside the grammar', () => {
    for (const scope of ['offline_access', 'openid', '.default', 'https://graph.microsoft.com/.default', 'user_impersonation', 'EWS.AccessAsUser.All', 'a.b.c.d']) {
      expect([...withImpliedScopes('microsoft', [scope.toLowerCase()])]).toEqual([scope.toLowerCase()]);
    }
  });
});

describe('Azure DevOps: the published "Inherits From" table', () => {
  const inputs = JSON.parse(
    readFileSync(join(__dirname, '../../../scripts/generators/catalog/inputs/microsoft-resources-delegated.json'), 'utf8'),
  ) as { resources: { id: string; permissions: { value: string; inherits?: string }[] }[] };
  const published = (inputs.resources.find((r) => r.id === 'azure-devops')?.permissions ?? [])
    .filter((p) => p.inherits !== undefined)
    .map((p) => [p.value, p.inherits] as const);

  it('holds exactly the committed table\'s pairs', () => {
    expect(published.length).toBeGreaterThan(50);
    expect([...AZURE_DEVOPS_INHERITS].map((pair) => pair.join(' > ')).sort()).toEqual(published.map((pair) => pair.join(' > ')).sort());
  });

  const APP = '499b84ac-1321-427f-aa17-267ca6975798/';
  it.each([
    [`${APP}vso.code_full`, `${APP}vso.code`, true],
    [`${APP}vso.code`, `${APP}vso.code_write`, false],
    ['https://app.vssps.visualstudio.com/vso.work_full', 'https://app.vssps.visualstudio.com/vso.work', true],
    [`${APP}vso.machinegroup_manage`, `${APP}vso.agentpools`, true],
    // The resource is kept: an Azure DevOps approval never covers another API's scope of the same name.
    [`${APP}vso.code_full`, 'vso.code', false],
    [`${APP}vso.code_full`, 'https://app.vssps.visualstudio.com/vso.code', false],
  ])('%s covers %s: %s', (approved, requested, covered) => {
    expect(approvalCoversScope('microsoft', [approved], requested)).toBe(covered);
  });
});

describe('providers without a hierarchy', () => {
  it.each(PROVIDER_IDS.filter((provider) => !SCOPE_IMPLICATIONS.some((entry) => entry.provider === provider) || provider === 'slack'))(
    '%s approvals cover only what they list',
    (provider) => {
      expect([...withImpliedScopes(provider, ['read', 'write', 'repo', 'drive', 'mail.readwrite', 'channels:write'])].sort()).toEqual(
        ['channels:write', 'drive', 'mail.readwrite', 'read', 'repo', 'write'].sort(),
      );
    },
  );
});
