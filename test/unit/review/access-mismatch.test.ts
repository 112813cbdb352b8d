import { describe, expect, it } from 'vitest';
import { describeAccessMismatch, findAccessMismatch } from '../../../lib/review/access-mismatch';
import type { ReviewPrefill } from '../../../lib/storage/records';

const scope = (name: string, access: string[]): ReviewPrefill['scopes'][number] => ({ scope: name, description: name, access, dataClasses: [] });
const readOnly = [scope('openid', ['identity']), scope('contacts.readonly', ['read'])];
const writes = [scope('openid', ['identity']), scope('contacts', ['read', 'write'])];
const deletes = [scope('mail.full', ['read', 'delete'])];
const admin = [scope('directory', ['admin'])];

describe('findAccessMismatch', () => {
  it.each([
    ['read answer, read-only scopes', 'read', readOnly, undefined],
    ['read answer, write scope', 'read', writes, { kind: 'answer-read-scopes-write', scopes: ['contacts'] }],
    ['read answer, delete scope', 'read', deletes, { kind: 'answer-read-scopes-write', scopes: ['mail.full'] }],
    ['read answer, admin scope', 'read', admin, { kind: 'answer-read-scopes-write', scopes: ['directory'] }],
    ['both answer, read-only scopes', 'read-write', readOnly, { kind: 'answer-write-scopes-read' }],
    ['write answer, read-only scopes', 'write', readOnly, { kind: 'answer-write-scopes-read' }],
    ['both answer, write scope', 'read-write', writes, undefined],
    ['write answer, sign-in only', 'write', [scope('openid', ['identity'])], { kind: 'answer-write-scopes-read' }],
    ['no answer yet', undefined, writes, undefined],
    ['a review started by hand has no scopes', 'read', [], undefined],
  ] as const)('%s', (_name, answer, scopes, expected) => {
    expect(findAccessMismatch(answer, scopes as unknown as ReviewPrefill['scopes'])).toEqual(expected);
  });

  it('names the scopes that can change data', () => {
    const mismatch = findAccessMismatch('read', [...writes, ...deletes]);
    expect(mismatch && describeAccessMismatch(mismatch, 'google')).toContain('contacts, mail.full');
  });

  it.each([
    ['google', 'https://www.googleapis.com/auth/gmail.modify', 'gmail.modify'],
    ['microsoft', 'https://graph.microsoft.com/Mail.ReadWrite', 'Mail.ReadWrite'],
    ['slack', 'chat:write', 'chat:write'],
  ] as const)('names %s scopes by their short names: %s', (provider, requested, shown) => {
    const mismatch = findAccessMismatch('read', [scope(requested, ['write'])]);
    expect(mismatch).toEqual({ kind: 'answer-read-scopes-write', scopes: [requested] });
    const text = describeAccessMismatch(mismatch!, provider);
    expect(text).toContain(`data: ${shown}.`);
    if (shown !== requested) expect(text).not.toContain(requested);
  });
});
