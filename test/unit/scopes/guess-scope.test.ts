import { describe, expect, it } from 'vitest';
import type { ProviderId } from '../../../lib/authorization-request';
import { classifyScope } from '../../../lib/scopes/classify-scope';
import { guessScope } from '../../../lib/scopes/guess-scope';
import type { Access, Breadth } from '../../../lib/scopes/scope-info';

describe('guessScope: each keyword', () => {
  it.each<[string, Access[], Breadth]>([
    ['widgets.read', ['read'], 'unknown'],
    ['widgets.readonly', ['read'], 'unknown'],
    ['widgets.read_only', ['read'], 'unknown'],
    ['read-only:widgets', ['read'], 'unknown'],
    ['widgets:write', ['read', 'write'], 'unknown'],
    ['Widgets.ReadWrite', ['read', 'write'], 'unknown'],
    ['widgets.manage', ['read', 'write', 'delete'], 'unknown'],
    ['widgets:admin', ['read', 'write', 'admin'], 'organization'],
    ['widgets.full', ['read', 'write', 'delete'], 'unknown'],
    ['full_access', ['read', 'write', 'delete'], 'unknown'],
    ['Widgets.Read.All', ['read'], 'organization'],
    ['Widgets.ReadWrite.All', ['read', 'write'], 'organization'],
    ['delete:widgets', ['read', 'delete'], 'unknown'],
    ['widgets.read.shared', ['read'], 'shared'],
    ['widgets:read:admin', ['read', 'admin'], 'organization'],
    ['widgets.me.read', ['read'], 'own'],
  ])('%s -> %j, %s', (scope, access, breadth) => {
    const info = guessScope('generic', scope);
    expect(info.source).toBe('guess');
    expect(info.access).toEqual(access);
    expect(info.breadth).toBe(breadth);
    expect(info.guessReason).toMatch(/guessed because its name contains/);
  });

  it.each<[string, string]>([
    ['mailbox.read', 'communications'],
    ['files:write', 'files'],
    ['calendar.events', 'calendar'],
    ['contacts.read', 'contacts'],
    ['repository:read', 'source-code'],
    ['billing.read', 'payment'],
    ['patients.read', 'health'],
    ['customers:write', 'customer'],
    ['users.read', 'employee'],
    ['secrets:read', 'credentials'],
  ])('%s reaches %s', (scope, dataClass) => {
    expect(guessScope('generic', scope).dataClasses).toContain(dataClass);
  });

  it('calls identity-only words sign-in', () => {
    const info = guessScope('generic', 'identity.basic');
    expect(info.access).toEqual(['identity']);
    expect(info.source).toBe('guess');
  });

  it('reads an offline word as persistent access', () => {
    expect(guessScope('generic', 'offline').grantsOfflineAccess).toBe(true);
  });

  it('treats Okta management scopes it does not know as organisation-wide admin', () => {
    const info = classifyScope('okta', 'okta.devices.manage');
    expect(info.source).toBe('guess');
    expect(info.access).toContain('admin');
    expect(info.breadth).toBe('organization');
  });
});

describe('guessScope: no recognisable word is still cautious and says so', () => {
  it.each<[ProviderId, string]>([
    ['generic', 'frobnicate'],
    ['generic', ''],
    ['generic', ' '],
    ['generic', '日本語のスコープ'],
    ['generic', '🔥🔥🔥'],
    ['generic', '\u0000\r\n'],
    ['generic', 'x'.repeat(10_240)],
    ['slack', 'zzz:qqq'],
    ['microsoft', 'Widgets'],
  ])('%s %j', (provider, scope) => {
    const info = classifyScope(provider, scope);
    expect(info.source).toBe('guess');
    expect(info.access).toEqual(['read', 'write']);
    expect(info.breadth).toBe('unknown');
    expect(info.dataClasses).toEqual(['internal']);
    expect(info.guessReason).toMatch(/treated as read and write/);
    expect(info.guessReason).toMatch(/unknown/);
    expect(info.description.length).toBeLessThan(250);
    expect(info.description).not.toMatch(/\p{Cc}/u);
    expect(info.scope).toBe(scope);
  });

  it('reads only the start of a huge scope, and says so', () => {
    const huge = `${'a.'.repeat(100_000)}write`;
    const info = classifyScope('generic', huge);
    expect(info.guessReason).toMatch(/only the first 256 characters/);
    expect(info.access).toEqual(['read', 'write']);
  });

  it('never throws on a value that is not a string', () => {
    expect(classifyScope('generic', undefined as unknown as string).source).toBe('guess');
    expect(classifyScope('generic', 42 as unknown as string).source).toBe('guess');
  });

  it('falls back to the generic catalog for a provider id it does not know', () => {
    expect(classifyScope('nope' as ProviderId, 'openid').access).toEqual(['identity']);
    expect(classifyScope('nope' as ProviderId, 'widgets.read').catalog).toBe('generic');
  });
});
