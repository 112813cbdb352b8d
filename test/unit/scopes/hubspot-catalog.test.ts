/**
 * The HubSpot catalog checked against the scope names of HubSpot's scopes page
 * (scripts/generators/catalog/inputs/hubspot-scopes.json, see SOURCES.md there), judged here from the names alone.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyScope } from '../../../lib/scopes/classify-scope';
import type { Access, Breadth } from '../../../lib/scopes/scope-info';
import { scopeRisk } from '../../../lib/scopes/scope-risk';

const INPUTS = join(__dirname, '../../../scripts/generators/catalog/inputs');
const PUBLISHED = JSON.parse(readFileSync(join(INPUTS, 'hubspot-scopes.json'), 'utf8')) as Record<string, string[]>;
const SCOPES = Object.keys(PUBLISHED);

// `.read` alone promises reading; `.read_write` does not.
const READ_ONLY = SCOPES.filter((s) => /\.read$/.test(s) || s === 'sales-email-read');
const WRITES = SCOPES.filter((s) => /\.(?:write|read_write)$/.test(s));
const CHANGES = (access: readonly Access[]): Access[] => access.filter((a) => a === 'write' || a === 'delete' || a === 'admin');

describe('HubSpot coverage', () => {
  it('answers every scope on the page from the catalog', () => {
    const guessed = SCOPES.filter((s) => classifyScope('hubspot', s).source !== 'catalog');
    console.info(`HubSpot: ${SCOPES.length} published, ${SCOPES.length - guessed.length} catalog, ${guessed.length} guess`);
    expect(SCOPES.length).toBeGreaterThanOrEqual(150);
    expect(guessed).toEqual([]);
  });
});

describe('HubSpot invariants over every published scope', () => {
  it.each(READ_ONLY)('%s grants no write, delete or admin, and is not critical', (scope) => {
    const info = classifyScope('hubspot', scope);
    expect(CHANGES(info.access)).toEqual([]);
    expect(scopeRisk(info)).not.toBe('critical');
  });

  it.each(WRITES)('%s writes', (scope) => {
    expect(classifyScope('hubspot', scope).access).toContain('write');
  });

  it.each(SCOPES.filter((s) => s !== 'oauth'))('%s reaches the whole HubSpot account', (scope) => {
    expect(classifyScope('hubspot', scope).breadth).toBe('organization');
  });

  it.each(SCOPES.filter((s) => /\.(?:highly_)?sensitive(?:\.|$)/.test(s)))('%s carries sensitive data', (scope) => {
    expect(classifyScope('hubspot', scope).dataClasses).toContain('health');
  });

  it.each(SCOPES.filter((s) => s.startsWith('settings.') && !s.endsWith('.read')))('%s administers the account', (scope) => {
    expect(classifyScope('hubspot', scope).access).toContain('admin');
  });

  it('has names of each kind to check', () => {
    expect(READ_ONLY.length).toBeGreaterThan(60);
    expect(WRITES.length).toBeGreaterThan(55);
  });
});

const PAGE = 'https://developers.hubspot.com/docs/api/scopes';

interface AuditedRow {
  scope: string;
  access: Access[];
  breadth: Breadth;
}

// The expected classification of each scope, from the scopes page's description of it. The page cannot be fetched
// by the tests: when it changes, a person updates the row.
const AUDITED: AuditedRow[] = [
  { scope: 'oauth', access: ['identity'], breadth: 'own' },
  { scope: 'crm.objects.contacts.read', access: ['read'], breadth: 'organization' },
  { scope: 'crm.objects.contacts.write', access: ['read', 'write', 'delete'], breadth: 'organization' },
  { scope: 'crm.objects.deals.sensitive.read', access: ['read'], breadth: 'organization' },
  { scope: 'crm.schemas.contacts.write', access: ['read', 'write', 'delete'], breadth: 'organization' },
  { scope: 'crm.export', access: ['read'], breadth: 'organization' },
  { scope: 'crm.import', access: ['write'], breadth: 'organization' },
  { scope: 'settings.users.write', access: ['read', 'write', 'delete', 'admin'], breadth: 'organization' },
  { scope: 'settings.users.read', access: ['read'], breadth: 'organization' },
  { scope: 'tickets', access: ['read', 'write', 'delete'], breadth: 'organization' },
  { scope: 'cms.knowledge_base.articles.publish', access: ['write'], breadth: 'organization' },
  { scope: 'communication_preferences.read_write', access: ['read', 'write'], breadth: 'organization' },
  { scope: 'account-info.security.read', access: ['read'], breadth: 'organization' },
];

describe('HubSpot audited table', () => {
  it.each(AUDITED)(`$scope matches ${PAGE}`, (row) => {
    expect(row.scope in PUBLISHED).toBe(true);
    const info = classifyScope('hubspot', row.scope);
    expect(info.source).toBe('catalog');
    expect(info.access).toEqual(row.access);
    expect(info.breadth).toBe(row.breadth);
  });
});
