/**
 * The Microsoft catalog checked against Microsoft's own export of its delegated permissions
 * (scripts/generators/catalog/inputs/, see SOURCES.md there), read here independently of the generator.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyScope } from '../../../lib/scopes/classify-scope';
import { MICROSOFT_GENERATED } from '../../../lib/scopes/generated/microsoft';
import { decodeScopeCode } from '../../../lib/scopes/scope-code';
import type { ScopeInfo } from '../../../lib/scopes/scope-info';

const INPUTS = join(__dirname, '../../../scripts/generators/catalog/inputs');

interface Permission {
  /** The scope as an app asks for it. */
  scope: string;
  value: string;
  admin: boolean;
}

const graph = (
  JSON.parse(readFileSync(join(INPUTS, 'microsoft-graph-delegated.json'), 'utf8')) as {
    Value: string;
    Type: 'Admin' | 'User';
    IsEnabled: boolean;
  }[]
)
  .filter((row) => row.IsEnabled)
  .map((row): Permission => ({ scope: row.Value, value: row.Value, admin: row.Type === 'Admin' }));

const sharePoint = (
  JSON.parse(readFileSync(join(INPUTS, 'microsoft-sharepoint-delegated.json'), 'utf8')) as {
    oauth2PermissionScopes: { value: string; type: 'Admin' | 'User'; isEnabled: boolean }[];
  }
).oauth2PermissionScopes
  .filter((row) => row.isEnabled)
  .map((row): Permission => ({
    scope: `https://contoso.sharepoint.com/${row.value}`,
    value: row.value,
    admin: row.type === 'Admin',
  }));

/** Microsoft's read-only operations (`.Read`, `.ReadBasic`, the Teams `ReadForChat` family); the OIDC scopes have none. */
function isReadOnlyName(value: string): boolean {
  const operation = value.split('.')[1] ?? '';
  return /^Read(?:Basic|Selected)?(?:For(?:Chat|Team|User))?$/.test(operation);
}

const OIDC_SCOPES = new Set(['openid', 'profile', 'email', 'offline_access']);

describe('Microsoft Graph coverage', () => {
  it('answers at least 97% of the enabled delegated permissions from the catalog', () => {
    const guessed = graph.filter((p) => classifyScope('microsoft', p.scope).source !== 'catalog').map((p) => p.value);
    const catalogued = graph.length - guessed.length;
    const share = catalogued / graph.length;
    console.info(
      `Microsoft Graph: ${graph.length} enabled delegated permissions, ${catalogued} catalog, ${guessed.length} guess ` +
        `(${(share * 100).toFixed(1)}% catalog)${guessed.length > 0 ? `: ${guessed.join(', ')}` : ''}`,
    );
    expect(graph.length).toBeGreaterThanOrEqual(800);
    expect(share).toBeGreaterThanOrEqual(0.97);
  });

  it('answers every SharePoint permission from the catalog', () => {
    for (const p of sharePoint) expect(classifyScope('microsoft', p.scope).source, p.value).toBe('catalog');
  });
});

describe.each([
  ['Microsoft Graph', graph],
  ['SharePoint', sharePoint],
] as const)('every %s permission', (_name, permissions) => {
  const classified = permissions.map((p) => [p, classifyScope('microsoft', p.scope)] as [Permission, ScopeInfo]);

  it('that is read-only by name grants no write, delete or admin', () => {
    const readOnly = classified.filter(([p]) => isReadOnlyName(p.value));
    expect(readOnly.length).toBeGreaterThan(0);
    const wrong = readOnly
      .filter(([, info]) => info.access.some((a) => a === 'write' || a === 'delete' || a === 'admin'))
      .map(([p, info]) => `${p.value}: ${info.access.join(',')}`);
    expect(wrong).toEqual([]);
  });

  it('carries the admin-consent label exactly where Microsoft says Admin', () => {
    const wrong = classified
      .filter(([p]) => !OIDC_SCOPES.has(p.value))
      .filter(([p, info]) => info.labels.includes('microsoft-admin-consent') !== p.admin)
      .map(([p, info]) => `${p.value}: Microsoft ${p.admin ? 'Admin' : 'User'}, catalog ${info.labels.join(',') || 'no label'}`);
    expect(wrong).toEqual([]);
  });

  it('has a description of our own, not Microsoft\'s consent text', () => {
    const copied = classified.filter(([, info]) => /\bAllows? (?:the )?app\b|signed-in user|on your behalf/i.test(info.description));
    expect(copied.map(([p]) => p.value)).toEqual([]);
  });
});

describe('every generated Microsoft entry, before the curated overrides', () => {
  const byKey = new Map([
    ...graph.map((p) => [p.value, p] as const),
    ...sharePoint.map((p) => [`sharepoint:${p.value}`, p] as const),
  ]);

  it('comes from a permission in the export, with its label and a read-only name kept read-only', () => {
    const problems: string[] = [];
    for (const [scope, code] of MICROSOFT_GENERATED) {
      const permission = byKey.get(scope);
      if (permission === undefined) {
        problems.push(`${scope}: not in the export`);
        continue;
      }
      const { access, labels } = decodeScopeCode(code);
      if (labels.includes('microsoft-admin-consent') !== permission.admin) problems.push(`${scope}: label`);
      if (isReadOnlyName(permission.value) && access.some((a) => a === 'write' || a === 'delete' || a === 'admin')) {
        problems.push(`${scope}: read-only name coded ${code}`);
      }
    }
    expect(MICROSOFT_GENERATED.length).toBe(graph.length - OIDC_SCOPES.size + sharePoint.length);
    expect(problems).toEqual([]);
  });
});

describe('Microsoft classification from the permission grammar', () => {
  // [scope, access, breadth, admin consent]: each row checked against the export's Type and consent text.
  it.each([
    ['DeviceManagementRBAC.Read.All', ['read'], 'organization', true],
    ['DeviceManagementRBAC.ReadWrite.All', ['read', 'write', 'admin'], 'organization', true],
    ['RecordsManagement.Read.All', ['read'], 'organization', true],
    ['RoleManagement.Read.CloudPC', ['read'], 'organization', true],
    ['DelegatedAdminRelationship.Read.All', ['read'], 'organization', true],
    ['ThreatSubmission.ReadWrite.All', ['read', 'write', 'admin'], 'organization', true],
    ['Calendars.ReadBasic', ['read'], 'own', false],
    ['Mail.Send.Shared', ['write'], 'shared', false],
    ['Tasks.ReadWrite.Shared', ['read', 'write', 'delete'], 'shared', false],
    ['ChatMessage.Send', ['write'], 'own', false],
    ['Channel.Delete.All', ['delete'], 'organization', true],
    ['TeamsAppInstallation.ReadForChat', ['read'], 'shared', false],
    ['TeamsAppInstallation.ReadWriteAndConsentForTeam', ['read', 'write', 'delete', 'admin'], 'shared', true],
    // Curated: only the app's own folder, so limited to what the app itself created.
    ['Files.ReadWrite.AppFolder', ['read', 'write', 'delete'], 'selected', false],
    ['MailboxItem.Export', ['read'], 'own', true],
    ['Bookings.Manage.All', ['read', 'write', 'delete'], 'organization', false],
    ['CopilotPolicySettings.Read', ['read'], 'organization', true],
    ['Policy.Read.ConditionalAccess', ['read'], 'organization', false],
    ['https://contoso.sharepoint.com/AllSites.Manage', ['read', 'write', 'delete'], 'organization', false],
    ['https://contoso.sharepoint.com/TermStore.Read.All', ['read'], 'organization', true],
  ] as const)('%s', (scope, access, breadth, adminConsent) => {
    const info = classifyScope('microsoft', scope);
    expect(info.source).toBe('catalog');
    expect(info.access).toEqual(access);
    expect(info.breadth).toBe(breadth);
    expect(info.labels.includes('microsoft-admin-consent')).toBe(adminConsent);
  });
});
