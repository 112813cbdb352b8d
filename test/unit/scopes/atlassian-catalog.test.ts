/**
 * The Atlassian catalog checked against Atlassian's own list: every scope `@forge/manifest` ships
 * (scripts/generators/catalog/inputs/atlassian-forge-scopes.json, see SOURCES.md there) and the classic OAuth 2.0
 * (3LO) scopes of Atlassian's scope pages, judged here from the names alone.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyScope } from '../../../lib/scopes/classify-scope';
import type { Access, Breadth } from '../../../lib/scopes/scope-info';
import { scopeRisk } from '../../../lib/scopes/scope-risk';

const INPUTS = join(__dirname, '../../../scripts/generators/catalog/inputs');
const FORGE = JSON.parse(readFileSync(join(INPUTS, 'atlassian-forge-scopes.json'), 'utf8')) as string[];

const JIRA_PAGE = 'https://developer.atlassian.com/cloud/jira/platform/scopes-for-oauth-2-3LO-and-forge-apps/';
const CONFLUENCE_PAGE = 'https://developer.atlassian.com/cloud/confluence/scopes-for-oauth-2-3LO-and-forge-apps/';

// The classic scopes the two pages name (every one is also in the Forge list), and `offline_access`.
const CLASSIC = [
  'read:jira-work', 'write:jira-work', 'read:jira-user', 'manage:jira-project', 'manage:jira-configuration',
  'manage:jira-webhook', 'manage:jira-data-provider', 'read:servicedesk-request', 'write:servicedesk-request',
  'manage:servicedesk-customer', 'read:servicemanagement-insight-objects', 'read:me', 'read:account',
  'report:personal-data', 'offline_access', 'read:confluence-content.all', 'read:confluence-content.summary',
  'read:confluence-content.permission', 'read:confluence-props', 'write:confluence-props', 'read:confluence-space.summary',
  'write:confluence-content', 'write:confluence-file', 'write:confluence-space', 'read:confluence-groups',
  'write:confluence-groups', 'read:confluence-user', 'search:confluence', 'manage:confluence-configuration',
  'readonly:content.attachment:confluence',
] as const;
const SCOPES = [...new Set([...FORGE, ...CLASSIC])];

const verb = (scope: string): string => scope.split(':')[0] ?? '';
const READ_ONLY = SCOPES.filter((s) => ['read', 'view', 'readonly', 'search'].includes(verb(s)));
const CHANGES = (access: readonly Access[]): Access[] => access.filter((a) => a === 'write' || a === 'delete' || a === 'admin');

describe('Atlassian coverage', () => {
  it('answers every published scope from the catalog', () => {
    const guessed = SCOPES.filter((s) => classifyScope('atlassian', s).source !== 'catalog');
    console.info(`Atlassian: ${SCOPES.length} published, ${SCOPES.length - guessed.length} catalog, ${guessed.length} guess`);
    expect(FORGE.length).toBeGreaterThan(600);
    expect(guessed).toEqual([]);
  });
});

describe('Atlassian invariants over every published scope', () => {
  it('grants no write, delete or admin when the action only reads', () => {
    const violations = READ_ONLY.filter((s) => CHANGES(classifyScope('atlassian', s).access).length > 0);
    expect(READ_ONLY.length).toBeGreaterThan(300);
    expect(violations).toEqual([]);
  });

  it('never rates a read-only scope critical', () => {
    expect(READ_ONLY.filter((s) => scopeRisk(classifyScope('atlassian', s)) === 'critical')).toEqual([]);
  });

  // Creating or removing accounts and groups administers the site; any other write or delete does not.
  it('writes for every write action and deletes for every delete action, administering only people and groups', () => {
    const problems: string[] = [];
    for (const scope of SCOPES) {
      const { access } = classifyScope('atlassian', scope);
      if (verb(scope) === 'write' && !access.includes('write')) problems.push(`${scope}: no write`);
      if (verb(scope) === 'delete' && !access.includes('delete')) problems.push(`${scope}: no delete`);
      if (['write', 'delete'].includes(verb(scope)) && access.includes('admin') && !/user|group/.test(scope)) problems.push(`${scope}: admin`);
    }
    expect(problems).toEqual([]);
  });

  it('rates site administration, and acting as anyone, critical', () => {
    const admin = SCOPES.filter((s) => /^(?:manage|admin|project-admin|space-admin|act-as-user)$/.test(verb(s)));
    expect(admin.length).toBeGreaterThanOrEqual(15);
    expect(admin.filter((s) => scopeRisk(classifyScope('atlassian', s)) !== 'critical')).toEqual([]);
  });

  it('says something of its own about every scope', () => {
    expect(SCOPES.filter((s) => !/^[A-Z].{10,}\.$/.test(classifyScope('atlassian', s).description))).toEqual([]);
  });
});

interface AuditedRow {
  scope: string;
  access: Access[];
  breadth: Breadth;
  page: string;
}

// The expected classification of each scope, from the named page's description of it. The page cannot be fetched
// by the tests: when it changes, a person updates the row.
const AUDITED: AuditedRow[] = [
  { scope: 'read:jira-work', access: ['read'], breadth: 'shared', page: JIRA_PAGE },
  { scope: 'write:jira-work', access: ['read', 'write'], breadth: 'shared', page: JIRA_PAGE },
  { scope: 'manage:jira-configuration', access: ['read', 'write', 'delete', 'admin'], breadth: 'organization', page: JIRA_PAGE },
  { scope: 'read:jira-user', access: ['read'], breadth: 'organization', page: JIRA_PAGE },
  { scope: 'read:issue:jira', access: ['read'], breadth: 'shared', page: JIRA_PAGE },
  { scope: 'delete:issue:jira', access: ['delete'], breadth: 'shared', page: JIRA_PAGE },
  { scope: 'write:comment:jira', access: ['read', 'write'], breadth: 'shared', page: JIRA_PAGE },
  { scope: 'read:audit-log:jira', access: ['read'], breadth: 'organization', page: JIRA_PAGE },
  { scope: 'read:group:jira', access: ['read'], breadth: 'organization', page: JIRA_PAGE },
  { scope: 'validate:jql:jira', access: ['read'], breadth: 'shared', page: JIRA_PAGE },
  { scope: 'read:confluence-content.all', access: ['read'], breadth: 'shared', page: CONFLUENCE_PAGE },
  { scope: 'write:page:confluence', access: ['read', 'write'], breadth: 'shared', page: CONFLUENCE_PAGE },
  { scope: 'delete:attachment:confluence', access: ['delete'], breadth: 'shared', page: CONFLUENCE_PAGE },
  { scope: 'readonly:content.attachment:confluence', access: ['read'], breadth: 'shared', page: CONFLUENCE_PAGE },
  { scope: 'manage:confluence-configuration', access: ['read', 'write', 'delete', 'admin'], breadth: 'organization', page: CONFLUENCE_PAGE },
];

describe('Atlassian audited table', () => {
  it.each(AUDITED)('$scope matches $page', (row) => {
    expect(SCOPES).toContain(row.scope);
    const info = classifyScope('atlassian', row.scope);
    expect(info.source).toBe('catalog');
    expect(info.access).toEqual(row.access);
    expect(info.breadth).toBe(row.breadth);
  });
});
