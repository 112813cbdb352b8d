/**
 * The Microsoft resources beyond Graph and SharePoint, checked against the committed permission lists
 * (scripts/generators/catalog/inputs/microsoft-resources-delegated.json, see SOURCES.md there), read here
 * independently of the generator, and looked up the way apps name them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { microsoftResourceKey, MICROSOFT_RESOURCES } from '../../../lib/scopes/catalog/microsoft-resources';
import { classifyScope } from '../../../lib/scopes/classify-scope';
import type { Access, Breadth } from '../../../lib/scopes/scope-info';
import { scopeRisk } from '../../../lib/scopes/scope-risk';

const INPUTS = join(__dirname, '../../../scripts/generators/catalog/inputs');

interface Resource {
  id: string;
  appId: string;
  permissions: { value: string; type: 'Admin' | 'User' | null; name?: string }[];
}

const RESOURCES = (JSON.parse(readFileSync(join(INPUTS, 'microsoft-resources-delegated.json'), 'utf8')) as { resources: Resource[] })
  .resources;

/** Each permission as an app asks for it: under the resource's identifier URI and under its application id. */
const REQUESTS = RESOURCES.flatMap((resource) => {
  const known = MICROSOFT_RESOURCES.find((r) => r.id === resource.id);
  return resource.permissions.flatMap((permission) => [
    { resource, permission, scope: `${known?.example ?? 'missing/'}${permission.value}` },
    { resource, permission, scope: `${resource.appId}/${permission.value}` },
  ]);
});

describe('Microsoft resources coverage', () => {
  it('registers every resource of the committed list, by the app id the list gives', () => {
    expect(RESOURCES.map((r) => r.id).sort()).toEqual(MICROSOFT_RESOURCES.map((r) => r.id).sort());
    for (const resource of RESOURCES) expect(microsoftResourceKey(`${resource.appId}/x`), resource.id).toBe(`${resource.id}:x`);
  });

  it('answers every listed permission from the catalog, by URI and by app id', () => {
    const guessed = REQUESTS.filter(({ scope }) => classifyScope('microsoft', scope).source !== 'catalog').map((r) => r.scope);
    const perResource = RESOURCES.map((r) => `${r.id} ${r.permissions.length}`).join(', ');
    console.log(`Microsoft resources: ${REQUESTS.length / 2} published permissions (${perResource}), ${guessed.length} guessed`);
    expect(guessed).toEqual([]);
  });

  it('carries the admin-consent label exactly where the list says Admin', () => {
    const wrong = REQUESTS.filter(
      ({ scope, permission }) => classifyScope('microsoft', scope).labels.includes('microsoft-admin-consent') !== (permission.type === 'Admin'),
    ).map((r) => r.scope);
    expect(wrong).toEqual([]);
  });

  it('keeps read-only names read-only (Graph-style `.Read`, Azure DevOps "(read)")', () => {
    // `vso.auditstreams_manage` is named "Audit Streams (read)" in Microsoft's table, but its scope name and
    // description say it manages the streams: the scope name wins.
    const readOnly = REQUESTS.filter(
      ({ permission }) =>
        /^[A-Za-z]+\.Read(?:\.|$)/.test(permission.value) ||
        (/\((?:read|Read)\)$/.test(permission.name ?? '') && !permission.value.endsWith('_manage')),
    );
    expect(readOnly.length).toBeGreaterThan(30);
    const wrong = readOnly
      .filter(({ scope }) => classifyScope('microsoft', scope).access.some((a) => a === 'write' || a === 'delete' || a === 'admin'))
      .map((r) => r.scope);
    expect(wrong).toEqual([]);
  });

  it('has a sentence of our own for every permission, never the bare name', () => {
    for (const { scope, permission } of REQUESTS) {
      const { description } = classifyScope('microsoft', scope);
      expect(description, scope).toMatch(/^[A-Z].+\.$/);
      expect(description, scope).not.toContain(permission.value);
    }
  });
});

describe('Microsoft resource prefixes', () => {
  it.each([
    ['https://outlook.office.com/Mail.Read', 'exchange:Mail.Read'],
    ['https://OUTLOOK.OFFICE365.COM/EWS.AccessAsUser.All', 'exchange:EWS.AccessAsUser.All'],
    ['00000002-0000-0ff1-ce00-000000000000/full_access_as_user', 'exchange:full_access_as_user'],
    ['https://management.core.windows.net//user_impersonation', 'azure-management:user_impersonation'],
    ['https://contoso.crm4.dynamics.com/user_impersonation', 'dynamics:user_impersonation'],
    ['https://contoso.api.crm.dynamics.com/user_impersonation', 'dynamics:user_impersonation'],
    ['https://api.fabric.microsoft.com/Workspace.Read.All', 'power-bi:Workspace.Read.All'],
    ['https://app.vssps.visualstudio.com/vso.code', 'azure-devops:vso.code'],
    ['https://vault.azure.net/user_impersonation', 'key-vault:user_impersonation'],
    ['https://manage.office.com/ActivityFeed.Read', 'office-management:ActivityFeed.Read'],
    // Look-alike hosts are not the resource.
    ['https://vault.azure.net.example.com/user_impersonation', undefined],
    ['https://outlook.office.com.evil.test/Mail.Read', undefined],
    ['https://crm.dynamics.com.evil.test/user_impersonation', undefined],
    ['Mail.Read', undefined],
    ['https://graph.microsoft.com/Mail.Read', undefined],
  ])('%s is filed under %s', (scope, key) => {
    expect(microsoftResourceKey(scope)).toBe(key);
  });
});

describe('Microsoft resources at their real breadth', () => {
  // [scope, access, breadth, risk]: each row checked against the resource's documentation named in SOURCES.md.
  it.each([
    // Acts as the person on every subscription, resource group and resource their Azure roles reach.
    ['https://management.azure.com/user_impersonation', ['read', 'write', 'delete', 'admin'], 'organization', 'critical'],
    ['https://management.core.windows.net/user_impersonation', ['read', 'write', 'delete', 'admin'], 'organization', 'critical'],
    // Every vault, storage account or database the person's roles open.
    ['https://vault.azure.net/user_impersonation', ['read', 'write', 'delete'], 'organization', 'critical'],
    ['https://storage.azure.com/user_impersonation', ['read', 'write', 'delete'], 'organization', 'critical'],
    ['https://database.windows.net/user_impersonation', ['read', 'write', 'delete'], 'organization', 'critical'],
    ['https://contoso.crm.dynamics.com/user_impersonation', ['read', 'write', 'delete'], 'organization', 'critical'],
    ['499b84ac-1321-427f-aa17-267ca6975798/user_impersonation', ['read', 'write', 'delete', 'admin'], 'organization', 'critical'],
    // EWS reaches every mailbox the person has been given access to, not only their own.
    ['https://outlook.office365.com/EWS.AccessAsUser.All', ['read', 'write', 'delete'], 'shared', 'high'],
    ['https://outlook.office365.com/full_access_as_user', ['read', 'write', 'delete'], 'shared', 'high'],
    ['https://outlook.office.com/IMAP.AccessAsUser.All', ['read', 'write', 'delete'], 'own', 'high'],
    ['https://outlook.office.com/POP.AccessAsUser.All', ['read', 'delete'], 'own', 'high'],
    ['https://outlook.office.com/SMTP.Send', ['write'], 'own', 'high'],
    ['https://outlook.office.com/Exchange.Manage', ['read', 'write', 'delete', 'admin'], 'organization', 'critical'],
    ['https://outlook.office.com/Mail.Read', ['read'], 'own', 'high'],
    // Power BI `.All` is every item the person can open; only the tenant admin APIs reach the organisation.
    ['https://analysis.windows.net/powerbi/api/Report.Read.All', ['read'], 'shared', 'medium'],
    ['https://analysis.windows.net/powerbi/api/Dataset.ReadWrite.All', ['read', 'write', 'delete'], 'shared', 'high'],
    ['https://analysis.windows.net/powerbi/api/Tenant.Read.All', ['read'], 'organization', 'high'],
    ['https://analysis.windows.net/powerbi/api/Tenant.ReadWrite.All', ['read', 'write', 'delete', 'admin'], 'organization', 'critical'],
    // Azure DevOps: content scopes reach the projects the person can open; administration reaches the organisation.
    ['499b84ac-1321-427f-aa17-267ca6975798/vso.code', ['read'], 'shared', 'high'],
    ['499b84ac-1321-427f-aa17-267ca6975798/vso.work_write', ['read', 'write'], 'shared', 'high'],
    ['499b84ac-1321-427f-aa17-267ca6975798/vso.identity_manage', ['read', 'write', 'delete', 'admin'], 'organization', 'critical'],
    ['499b84ac-1321-427f-aa17-267ca6975798/vso.tokenadministration', ['read', 'write', 'delete', 'admin'], 'organization', 'critical'],
    ['499b84ac-1321-427f-aa17-267ca6975798/vso.profile', ['read'], 'own', 'high'],
    ['https://manage.office.com/ActivityFeed.Read', ['read'], 'organization', 'high'],
    ['https://manage.office.com/ServiceHealth.Read', ['read'], 'organization', 'medium'],
    // SharePoint answers under its application id as under a tenant host.
    ['00000003-0000-0ff1-ce00-000000000000/AllSites.Read', ['read'], 'organization', 'high'],
    ['https://contoso-my.sharepoint.com/MyFiles.Read', ['read'], 'own', 'high'],
  ] as [string, Access[], Breadth, string][])('%s', (scope, access, breadth, risk) => {
    const info = classifyScope('microsoft', scope);
    expect(info.source).toBe('catalog');
    expect(info.access).toEqual(access);
    expect(info.breadth).toBe(breadth);
    expect(scopeRisk(info)).toBe(risk);
  });

  it('reads Exchange permissions that Graph also has with the same meaning as Graph', () => {
    for (const name of ['Mail.Read', 'Mail.ReadWrite', 'Calendars.ReadWrite.Shared', 'Contacts.Read', 'EWS.AccessAsUser.All', 'SMTP.Send']) {
      const { scope: _outlook, catalog: _c1, ...outlook } = classifyScope('microsoft', `https://outlook.office.com/${name}`);
      const { scope: _graph, catalog: _c2, ...graph } = classifyScope('microsoft', `https://graph.microsoft.com/${name}`);
      expect(outlook, name).toEqual(graph);
    }
  });

  it('never answers a permission Exchange does not have with the Graph permission of the same name', () => {
    const info = classifyScope('microsoft', 'https://outlook.office.com/Sites.FullControl.All');
    expect(info.source).toBe('guess');
    expect(classifyScope('microsoft', 'Sites.FullControl.All').source).toBe('catalog');
  });

  it('tells user_impersonation apart per resource', () => {
    const descriptions = new Set(
      ['management.azure.com', 'vault.azure.net', 'storage.azure.com', 'database.windows.net', 'contoso.crm.dynamics.com'].map(
        (host) => classifyScope('microsoft', `https://${host}/user_impersonation`).description,
      ),
    );
    expect(descriptions.size).toBe(5);
    // An API the catalog does not know stays "depends on that application", with a reach nobody can tell.
    const custom = classifyScope('microsoft', 'api://6e1a2b3c-0000-4000-8000-000000000001/user_impersonation');
    expect(custom.breadth).toBe('unknown');
    expect(classifyScope('microsoft', 'https://vault.azure.net/user_impersonation').dataClasses).toEqual(['credentials']);
  });
});
