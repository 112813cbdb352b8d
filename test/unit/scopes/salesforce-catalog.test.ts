/**
 * The Salesforce catalog checked against the `scopes_supported` list of Salesforce's OpenID configuration
 * (scripts/generators/catalog/inputs/salesforce-scopes.json, see SOURCES.md there) and its scopes help page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyScope } from '../../../lib/scopes/classify-scope';
import type { Access, Breadth } from '../../../lib/scopes/scope-info';
import { isSignInOnly, scopeRisk } from '../../../lib/scopes/scope-risk';

const INPUTS = join(__dirname, '../../../scripts/generators/catalog/inputs');
const PUBLISHED = JSON.parse(readFileSync(join(INPUTS, 'salesforce-scopes.json'), 'utf8')) as Record<string, string[]>;
const SCOPES = Object.keys(PUBLISHED);
const CHANGES = (access: readonly Access[]): Access[] => access.filter((a) => a === 'write' || a === 'delete' || a === 'admin');

describe('Salesforce coverage', () => {
  it('answers every scope of scopes_supported from the catalog', () => {
    const guessed = SCOPES.filter((s) => classifyScope('salesforce', s).source !== 'catalog');
    console.info(`Salesforce: ${SCOPES.length} published, ${SCOPES.length - guessed.length} catalog, ${guessed.length} guess`);
    expect(SCOPES.length).toBeGreaterThanOrEqual(33);
    expect(guessed).toEqual([]);
  });
});

describe('Salesforce invariants over every published scope', () => {
  it('rates `full` critical: everything the user can do, setup included', () => {
    const info = classifyScope('salesforce', 'full');
    expect(info.access).toContain('admin');
    expect(scopeRisk(info)).toBe('critical');
  });

  it.each(['cdp_query_api', 'eclair_api', 'content', 'custom_permissions'])('%s only reads', (scope) => {
    expect(CHANGES(classifyScope('salesforce', scope).access)).toEqual([]);
    expect(scopeRisk(classifyScope('salesforce', scope))).not.toBe('critical');
  });

  it.each(['id', 'openid', 'profile', 'email', 'address', 'phone'])('%s only signs you in', (scope) => {
    expect(isSignInOnly(classifyScope('salesforce', scope))).toBe(true);
  });

  it.each(['refresh_token', 'offline_access'])('%s keeps access after you leave', (scope) => {
    expect(classifyScope('salesforce', scope).grantsOfflineAccess).toBe(true);
  });

  it.each(SCOPES.filter((s) => s.startsWith('cdp_')))('%s reaches all of Data Cloud, not only your records', (scope) => {
    expect(classifyScope('salesforce', scope).breadth).toBe('organization');
  });
});

const PAGE = 'https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_tokens_scopes.htm';

interface AuditedRow {
  scope: string;
  access: Access[];
  breadth: Breadth;
}

// The expected classification of each scope, from the help page's description of it. The page cannot be fetched
// by the tests: when it changes, a person updates the row.
const AUDITED: AuditedRow[] = [
  { scope: 'api', access: ['read', 'write', 'delete'], breadth: 'shared' },
  { scope: 'full', access: ['read', 'write', 'delete', 'admin'], breadth: 'organization' },
  { scope: 'web', access: ['read', 'write', 'delete'], breadth: 'shared' },
  { scope: 'chatter_api', access: ['read', 'write'], breadth: 'shared' },
  { scope: 'refresh_token', access: ['identity'], breadth: 'own' },
  { scope: 'id', access: ['identity'], breadth: 'own' },
  { scope: 'cdp_query_api', access: ['read'], breadth: 'organization' },
  { scope: 'cdp_ingest_api', access: ['write'], breadth: 'organization' },
  { scope: 'pardot_api', access: ['read', 'write', 'delete'], breadth: 'organization' },
  { scope: 'forgot_password', access: ['write'], breadth: 'own' },
  { scope: 'pwdless_login_api', access: ['write'], breadth: 'own' },
  { scope: 'chatbot_api', access: ['read', 'write'], breadth: 'shared' },
];

describe('Salesforce audited table', () => {
  it.each(AUDITED)(`$scope matches ${PAGE}`, (row) => {
    expect(row.scope in PUBLISHED).toBe(true);
    const info = classifyScope('salesforce', row.scope);
    expect(info.source).toBe('catalog');
    expect(info.access).toEqual(row.access);
    expect(info.breadth).toBe(row.breadth);
  });
});
