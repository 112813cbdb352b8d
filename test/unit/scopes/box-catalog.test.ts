/**
 * The Box catalog checked against Box's own facts: the OAuth 2.0 scopes and the downscoped-token scopes of Box's
 * OpenAPI spec (scripts/generators/catalog/inputs/box-scopes.json, see SOURCES.md there), judged from the names.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyScope } from '../../../lib/scopes/classify-scope';
import type { Access, Breadth } from '../../../lib/scopes/scope-info';
import { scopeRisk } from '../../../lib/scopes/scope-risk';

const INPUTS = join(__dirname, '../../../scripts/generators/catalog/inputs');
const PUBLISHED = JSON.parse(readFileSync(join(INPUTS, 'box-scopes.json'), 'utf8')) as Record<string, { sources: string[] }>;
const SCOPES = Object.keys(PUBLISHED);

// Names that promise reading or viewing only.
const READ_ONLY = SCOPES.filter((s) => /readonly|_view_|_read$|_preview$|_download$|^base_(?:explorer|picker|preview)$/.test(s));
const CHANGES = (access: readonly Access[]): Access[] => access.filter((a) => a === 'write' || a === 'delete' || a === 'admin');
// Enterprise administration: users, groups, settings, retention and legal holds of the whole company.
const ENTERPRISE = ['manage_managed_users', 'manage_app_users', 'manage_groups', 'manage_enterprise_properties', 'manage_data_retention', 'manage_legal_hold'];

describe('Box coverage', () => {
  it('answers every scope of the spec from the catalog', () => {
    const guessed = SCOPES.filter((s) => classifyScope('box', s).source !== 'catalog');
    console.info(`Box: ${SCOPES.length} published, ${SCOPES.length - guessed.length} catalog, ${guessed.length} guess`);
    expect(SCOPES.length).toBeGreaterThanOrEqual(23);
    expect(guessed).toEqual([]);
  });
});

describe('Box invariants over every published scope', () => {
  it.each(READ_ONLY)('%s grants no write, delete or admin', (scope) => {
    expect(CHANGES(classifyScope('box', scope).access)).toEqual([]);
  });

  it.each(ENTERPRISE)('%s is enterprise administration, rated critical', (scope) => {
    const info = classifyScope('box', scope);
    expect(info.access).toContain('admin');
    expect(info.breadth).toBe('organization');
    expect(scopeRisk(info)).toBe('critical');
  });

  it.each(SCOPES)('%s has a sentence of its own', (scope) => {
    expect(classifyScope('box', scope).description).toMatch(/^[A-Z].{10,}\.$/);
  });

  it('has names of each kind to check', () => {
    expect(READ_ONLY.length).toBeGreaterThanOrEqual(8);
  });
});

const SCOPES_PAGE = 'https://developer.box.com/guides/api-calls/permissions-and-errors/scopes/';
const DOWNSCOPE_PAGE = 'https://developer.box.com/guides/authentication/tokens/downscope/';

interface AuditedRow {
  scope: string;
  access: Access[];
  breadth: Breadth;
  page: string;
}

// The expected classification of each scope, from the named page's description of it. The page cannot be fetched
// by the tests: when it changes, a person updates the row.
const AUDITED: AuditedRow[] = [
  { scope: 'root_readonly', access: ['read'], breadth: 'shared', page: SCOPES_PAGE },
  { scope: 'root_readwrite', access: ['read', 'write', 'delete'], breadth: 'shared', page: SCOPES_PAGE },
  { scope: 'manage_managed_users', access: ['read', 'write', 'delete', 'admin'], breadth: 'organization', page: SCOPES_PAGE },
  { scope: 'manage_groups', access: ['read', 'write', 'delete', 'admin'], breadth: 'organization', page: SCOPES_PAGE },
  { scope: 'manage_legal_hold', access: ['read', 'write', 'delete', 'admin'], breadth: 'organization', page: SCOPES_PAGE },
  { scope: 'manage_data_retention', access: ['read', 'write', 'delete', 'admin'], breadth: 'organization', page: SCOPES_PAGE },
  { scope: 'manage_webhook', access: ['read', 'write', 'delete'], breadth: 'shared', page: SCOPES_PAGE },
  { scope: 'item_preview', access: ['read'], breadth: 'shared', page: DOWNSCOPE_PAGE },
  { scope: 'item_upload', access: ['write'], breadth: 'shared', page: DOWNSCOPE_PAGE },
  { scope: 'item_delete', access: ['delete'], breadth: 'shared', page: DOWNSCOPE_PAGE },
  { scope: 'annotation_view_self', access: ['read'], breadth: 'shared', page: DOWNSCOPE_PAGE },
  { scope: 'annotation_edit', access: ['read', 'write', 'delete'], breadth: 'shared', page: DOWNSCOPE_PAGE },
];

describe('Box audited table', () => {
  it.each(AUDITED)('$scope matches $page', (row) => {
    expect(row.scope in PUBLISHED).toBe(true);
    const info = classifyScope('box', row.scope);
    expect(info.source).toBe('catalog');
    expect(info.access).toEqual(row.access);
    expect(info.breadth).toBe(row.breadth);
  });
});
