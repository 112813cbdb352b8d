/**
 * The GitHub catalog checked against GitHub's page "Scopes for OAuth apps". GitHub publishes no machine-readable
 * list, so the page's scope names are typed in here, apart from the catalog, and judged from the names alone.
 */
import { describe, expect, it } from 'vitest';
import { classifyScope } from '../../../lib/scopes/classify-scope';
import type { Access, Breadth } from '../../../lib/scopes/scope-info';

const PAGE = 'https://docs.github.com/apps/oauth-apps/building-oauth-apps/scopes-for-oauth-apps';

// Every row of the page's "Available scopes" table (read 2026-12), `site_admin` from its Enterprise Server version.
const PUBLISHED = [
  'site_admin', 'repo', 'repo:status', 'repo_deployment', 'public_repo', 'repo:invite', 'security_events',
  'admin:repo_hook', 'write:repo_hook', 'read:repo_hook', 'admin:org', 'write:org', 'read:org', 'admin:public_key',
  'write:public_key', 'read:public_key', 'admin:org_hook', 'gist', 'notifications', 'user', 'read:user', 'user:email',
  'user:follow', 'project', 'read:project', 'delete_repo', 'write:packages', 'read:packages', 'delete:packages',
  'admin:gpg_key', 'write:gpg_key', 'read:gpg_key', 'codespace', 'codespace:secrets', 'workflow', 'admin:enterprise',
  'manage_runners:enterprise', 'manage_billing:enterprise', 'read:enterprise', 'audit_log', 'read:audit_log', 'copilot',
  'manage_billing:copilot', 'admin:ssh_signing_key', 'write:ssh_signing_key', 'read:ssh_signing_key',
] as const;

const CHANGES = (access: readonly Access[]): Access[] => access.filter((a) => a === 'write' || a === 'delete' || a === 'admin');

describe('GitHub coverage', () => {
  it('answers every scope on the page from the catalog', () => {
    const guessed = PUBLISHED.filter((s) => classifyScope('github', s).source !== 'catalog');
    console.info(`GitHub: ${PUBLISHED.length} published, ${PUBLISHED.length - guessed.length} catalog, ${guessed.length} guess`);
    expect(guessed).toEqual([]);
  });
});

describe('GitHub invariants over every published scope', () => {
  it.each(PUBLISHED.filter((s) => s.startsWith('read:')))('%s grants no write, delete or admin', (scope) => {
    expect(CHANGES(classifyScope('github', scope).access)).toEqual([]);
  });

  it.each(PUBLISHED.filter((s) => s.startsWith('write:')))('%s writes but does not delete', (scope) => {
    const { access } = classifyScope('github', scope);
    expect(access).toContain('write');
    expect(access).not.toContain('delete');
  });

  it.each(PUBLISHED.filter((s) => s.startsWith('admin:')))('%s writes and deletes', (scope) => {
    expect(classifyScope('github', scope).access).toEqual(expect.arrayContaining(['write', 'delete']));
  });

  it.each(PUBLISHED.filter((s) => s.startsWith('delete')))('%s deletes', (scope) => {
    expect(classifyScope('github', scope).access).toContain('delete');
  });

  it.each(PUBLISHED.filter((s) => /enterprise|org|audit_log|site_admin|copilot/.test(s)))('%s reaches the whole organisation', (scope) => {
    expect(classifyScope('github', scope).breadth).toBe('organization');
  });
});

interface AuditedRow {
  scope: (typeof PUBLISHED)[number];
  access: Access[];
  breadth: Breadth;
}

// Checked by hand against the page's description of each scope.
const AUDITED: AuditedRow[] = [
  { scope: 'site_admin', access: ['read', 'write', 'delete', 'admin'], breadth: 'organization' },
  { scope: 'repo', access: ['read', 'write', 'delete', 'admin'], breadth: 'organization' },
  { scope: 'repo:status', access: ['read', 'write'], breadth: 'shared' },
  { scope: 'public_repo', access: ['read', 'write', 'delete'], breadth: 'shared' },
  { scope: 'read:org', access: ['read'], breadth: 'organization' },
  { scope: 'write:org', access: ['read', 'write', 'admin'], breadth: 'organization' },
  { scope: 'admin:org', access: ['read', 'write', 'delete', 'admin'], breadth: 'organization' },
  { scope: 'read:user', access: ['identity'], breadth: 'own' },
  { scope: 'user:email', access: ['identity'], breadth: 'own' },
  { scope: 'user', access: ['read', 'write'], breadth: 'own' },
  { scope: 'gist', access: ['read', 'write', 'delete'], breadth: 'own' },
  { scope: 'delete_repo', access: ['delete', 'admin'], breadth: 'shared' },
  { scope: 'read:packages', access: ['read'], breadth: 'shared' },
  { scope: 'delete:packages', access: ['delete'], breadth: 'shared' },
  { scope: 'codespace:secrets', access: ['read', 'write', 'delete'], breadth: 'own' },
  { scope: 'workflow', access: ['read', 'write'], breadth: 'shared' },
  { scope: 'read:audit_log', access: ['read'], breadth: 'organization' },
  { scope: 'admin:enterprise', access: ['read', 'write', 'delete', 'admin'], breadth: 'organization' },
  { scope: 'read:enterprise', access: ['read'], breadth: 'organization' },
  { scope: 'read:ssh_signing_key', access: ['read'], breadth: 'own' },
];

describe('GitHub audited table', () => {
  it.each(AUDITED)(`$scope matches ${PAGE}`, (row) => {
    const info = classifyScope('github', row.scope);
    expect(info.source).toBe('catalog');
    expect(info.access).toEqual(row.access);
    expect(info.breadth).toBe(row.breadth);
  });

  it('has at least 20 rows', () => {
    expect(AUDITED.length).toBeGreaterThanOrEqual(20);
  });
});
