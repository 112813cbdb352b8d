/**
 * The Dropbox catalog checked against Dropbox's own facts: the `scope` of every route in Dropbox's API spec and the
 * scopes the OAuth guide names besides (scripts/generators/catalog/inputs/dropbox-scopes.json, see SOURCES.md there),
 * judged here from the names alone.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DROPBOX_GENERATED } from '../../../lib/scopes/generated/dropbox';
import { classifyScope } from '../../../lib/scopes/classify-scope';
import type { Access, Breadth } from '../../../lib/scopes/scope-info';
import { scopeRisk } from '../../../lib/scopes/scope-risk';

const INPUTS = join(__dirname, '../../../scripts/generators/catalog/inputs');
const PUBLISHED = JSON.parse(readFileSync(join(INPUTS, 'dropbox-scopes.json'), 'utf8')) as Record<string, string[]>;
const SCOPES = Object.keys(PUBLISHED);

const READ_ONLY = SCOPES.filter((s) => /\.(?:read|list)$/.test(s));
const CHANGES = (access: readonly Access[]): Access[] => access.filter((a) => a === 'write' || a === 'delete' || a === 'admin');
// Dropbox's team scopes: granted by a team admin, they reach every member of the team.
const TEAM = SCOPES.filter((s) => /^(?:team_|members\.|groups\.|sessions\.|events\.|files\.team_)/.test(s));

describe('Dropbox coverage', () => {
  it('answers every published scope from the catalog', () => {
    const guessed = SCOPES.filter((s) => classifyScope('dropbox', s).source !== 'catalog');
    console.info(`Dropbox: ${SCOPES.length} published, ${SCOPES.length - guessed.length} catalog, ${guessed.length} guess`);
    expect(SCOPES.length).toBeGreaterThanOrEqual(33);
    expect(guessed).toEqual([]);
  });
});

describe('Dropbox invariants over every published scope', () => {
  it.each(READ_ONLY)('%s grants no write, delete or admin', (scope) => {
    expect(CHANGES(classifyScope('dropbox', scope).access)).toEqual([]);
  });

  it.each(TEAM)('%s reaches the whole team and is rated high or critical', (scope) => {
    const info = classifyScope('dropbox', scope);
    expect(info.breadth).toBe('organization');
    expect(['high', 'critical']).toContain(scopeRisk(info));
  });

  it.each(TEAM.filter((s) => !READ_ONLY.includes(s)))('%s changes team data and is rated critical', (scope) => {
    expect(scopeRisk(classifyScope('dropbox', scope))).toBe('critical');
  });

  it.each(SCOPES.filter((s) => !TEAM.includes(s) && READ_ONLY.includes(s)))('%s reads one person\'s data and is not critical', (scope) => {
    const info = classifyScope('dropbox', scope);
    expect(info.breadth).toBe('own');
    expect(scopeRisk(info)).not.toBe('critical');
  });

  it.each(SCOPES)('%s has a sentence of its own, not the one generated from its name', (scope) => {
    const generated = DROPBOX_GENERATED.find(([name]) => name === scope)?.[2];
    expect(classifyScope('dropbox', scope).description).not.toBe(generated);
  });

  it('has names of each kind to check', () => {
    expect(READ_ONLY.length).toBeGreaterThanOrEqual(13);
    expect(TEAM.length).toBeGreaterThanOrEqual(16);
  });
});

const GUIDE = 'https://developers.dropbox.com/oauth-guide';

interface AuditedRow {
  scope: string;
  access: Access[];
  breadth: Breadth;
}

// The expected classification of each scope, from the OAuth guide's description of it. The page cannot be fetched
// by the tests: when it changes, a person updates the row.
const AUDITED: AuditedRow[] = [
  { scope: 'account_info.read', access: ['identity'], breadth: 'own' },
  { scope: 'files.metadata.read', access: ['read'], breadth: 'own' },
  { scope: 'files.content.read', access: ['read'], breadth: 'own' },
  { scope: 'files.content.write', access: ['read', 'write', 'delete'], breadth: 'own' },
  { scope: 'files.permanent_delete', access: ['delete'], breadth: 'own' },
  { scope: 'sharing.write', access: ['read', 'write'], breadth: 'own' },
  { scope: 'team_data.member', access: ['read', 'write', 'delete', 'admin'], breadth: 'organization' },
  { scope: 'team_data.content.read', access: ['read'], breadth: 'organization' },
  { scope: 'members.delete', access: ['delete', 'admin'], breadth: 'organization' },
  { scope: 'members.read', access: ['read'], breadth: 'organization' },
  { scope: 'sessions.modify', access: ['read', 'write', 'delete', 'admin'], breadth: 'organization' },
  { scope: 'events.read', access: ['read'], breadth: 'organization' },
];

describe('Dropbox audited table', () => {
  it.each(AUDITED)(`$scope matches ${GUIDE}`, (row) => {
    expect(row.scope in PUBLISHED).toBe(true);
    const info = classifyScope('dropbox', row.scope);
    expect(info.source).toBe('catalog');
    expect(info.access).toEqual(row.access);
    expect(info.breadth).toBe(row.breadth);
  });
});
