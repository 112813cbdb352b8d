/**
 * The Slack catalog checked against Slack's own facts: every scope named by Slack's Web API OpenAPI spec, the
 * SDK's app-manifest types, the permission scopes page and the legacy scopes page
 * (scripts/generators/catalog/inputs/slack-scopes.json, see SOURCES.md there), judged here from the names alone.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyScope } from '../../../lib/scopes/classify-scope';
import type { Access, Breadth } from '../../../lib/scopes/scope-info';

const INPUTS = join(__dirname, '../../../scripts/generators/catalog/inputs');
const PUBLISHED = JSON.parse(readFileSync(join(INPUTS, 'slack-scopes.json'), 'utf8')) as Record<string, string[]>;
const SCOPES = Object.keys(PUBLISHED);

const READ_ONLY = SCOPES.filter((s) => /:(?:read|history)(?:\.|$)/.test(s));
const WRITES = SCOPES.filter((s) => /:write(?:\.|:|$)/.test(s));
const ADMIN = SCOPES.filter((s) => s === 'admin' || s.startsWith('admin.'));

describe('Slack coverage', () => {
  it('answers every published scope from the catalog', () => {
    const guessed = SCOPES.filter((s) => classifyScope('slack', s).source !== 'catalog');
    console.info(`Slack: ${SCOPES.length} published, ${SCOPES.length - guessed.length} catalog, ${guessed.length} guess`);
    expect(SCOPES.length).toBeGreaterThan(120);
    expect(guessed).toEqual([]);
  });
});

describe('Slack invariants over every published scope', () => {
  it.each(READ_ONLY)('%s grants no write, delete or admin', (scope) => {
    expect(classifyScope('slack', scope).access.filter((a) => a === 'write' || a === 'delete' || a === 'admin')).toEqual([]);
  });

  it.each(WRITES)('%s writes', (scope) => {
    expect(classifyScope('slack', scope).access).toContain('write');
  });

  it.each(ADMIN)('%s reaches the whole organisation', (scope) => {
    expect(classifyScope('slack', scope).breadth).toBe('organization');
  });

  it.each(ADMIN.filter((s) => !READ_ONLY.includes(s)))('%s administers', (scope) => {
    expect(classifyScope('slack', scope).access).toContain('admin');
  });

  it.each(SCOPES)('%s has a sentence of its own, not a generated one', (scope) => {
    const { description } = classifyScope('slack', scope);
    expect(description).not.toMatch(/ in Slack\.$/);
    expect(description.length).toBeGreaterThan(10);
  });

  it('has names of each kind to check', () => {
    expect(READ_ONLY.length).toBeGreaterThan(40);
    expect(WRITES.length).toBeGreaterThan(40);
    expect(ADMIN.length).toBeGreaterThan(20);
  });
});

const SCOPES_PAGE = 'https://api.slack.com/scopes';
const LEGACY_PAGE = 'https://docs.slack.dev/legacy/legacy-authentication/legacy-oauth-scopes';

interface AuditedRow {
  scope: string;
  access: Access[];
  breadth: Breadth;
  page: string;
}

// Checked by hand against the named page: the access Slack's one-line description gives, and how far it reaches.
const AUDITED: AuditedRow[] = [
  { scope: 'admin', access: ['read', 'write', 'delete', 'admin'], breadth: 'organization', page: SCOPES_PAGE },
  { scope: 'admin.chat:read', access: ['read'], breadth: 'organization', page: SCOPES_PAGE },
  { scope: 'admin.chat:write', access: ['read', 'write', 'delete', 'admin'], breadth: 'organization', page: SCOPES_PAGE },
  { scope: 'admin.users:write', access: ['read', 'write', 'delete', 'admin'], breadth: 'organization', page: SCOPES_PAGE },
  { scope: 'admin.roles:read', access: ['read'], breadth: 'organization', page: SCOPES_PAGE },
  { scope: 'admin.invites:write', access: ['read', 'write', 'admin'], breadth: 'organization', page: SCOPES_PAGE },
  { scope: 'channels:history', access: ['read'], breadth: 'organization', page: SCOPES_PAGE },
  { scope: 'channels:join', access: ['write'], breadth: 'organization', page: SCOPES_PAGE },
  { scope: 'channels:write.topic', access: ['write'], breadth: 'organization', page: SCOPES_PAGE },
  { scope: 'chat:write.public', access: ['write'], breadth: 'organization', page: SCOPES_PAGE },
  { scope: 'im:history', access: ['read'], breadth: 'own', page: SCOPES_PAGE },
  { scope: 'identity.basic', access: ['identity'], breadth: 'own', page: SCOPES_PAGE },
  { scope: 'users:read.email', access: ['read'], breadth: 'organization', page: SCOPES_PAGE },
  { scope: 'search:read.public', access: ['read'], breadth: 'organization', page: SCOPES_PAGE },
  { scope: 'search:read.im', access: ['read'], breadth: 'own', page: SCOPES_PAGE },
  { scope: 'canvases:write', access: ['read', 'write', 'delete'], breadth: 'shared', page: SCOPES_PAGE },
  { scope: 'reactions:write', access: ['read', 'write', 'delete'], breadth: 'shared', page: SCOPES_PAGE },
  { scope: 'dnd:write', access: ['write'], breadth: 'own', page: SCOPES_PAGE },
  { scope: 'auditlogs:read', access: ['read'], breadth: 'organization', page: SCOPES_PAGE },
  { scope: 'datastore:write', access: ['read', 'write', 'delete'], breadth: 'selected', page: SCOPES_PAGE },
  { scope: 'client', access: ['read', 'write', 'delete'], breadth: 'organization', page: LEGACY_PAGE },
  { scope: 'read', access: ['read'], breadth: 'organization', page: LEGACY_PAGE },
];

describe('Slack audited table', () => {
  it.each(AUDITED)('$scope matches $page', (row) => {
    expect(row.scope in PUBLISHED).toBe(true);
    const info = classifyScope('slack', row.scope);
    expect(info.source).toBe('catalog');
    expect(info.access).toEqual(row.access);
    expect(info.breadth).toBe(row.breadth);
  });

  it('has at least 20 rows', () => {
    expect(AUDITED.length).toBeGreaterThanOrEqual(20);
  });
});
