import { describe, expect, it } from 'vitest';
import { addDays, findDuplicateDecision, planDecision, type DecisionOptions } from '../../../lib/decisions/plan-decision';
import { parseSubmittedReview, type SubmittedReview } from '../../../lib/decisions/submitted-review';
import type { ApprovedIntegration, Policy } from '../../../lib/policy/schema';
import type { ReviewRecord } from '../../../lib/storage/records';
import { prefillFor, submittedRecord, webhookBody } from './decision-fixtures';

const TODAY = '2026-12-08';
const NOW = new Date('2026-12-08T09:30:00.000Z');
const CLIENT = '1234-abc.apps.googleusercontent.com';
const CONTACTS = 'https://www.googleapis.com/auth/contacts';

function review(overrides: Partial<ReviewRecord> = {}, answers: Record<string, unknown> = {}): SubmittedReview {
  const parsed = parseSubmittedReview(webhookBody(submittedRecord(overrides, answers)));
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.review;
}

function options(decision: DecisionOptions['decision'], more: Partial<DecisionOptions> = {}): DecisionOptions {
  return { decision, today: TODAY, now: NOW, ...more };
}

function plan(policy: Policy, decisionOptions: DecisionOptions, subject = review()) {
  const result = planDecision(subject, policy, decisionOptions);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result;
}

const EXISTING: ApprovedIntegration = {
  name: 'Acme Webinars',
  provider: 'google',
  clientId: CLIENT,
  scopes: ['openid', `${CONTACTS}.readonly`],
  owner: 'Old Owner',
  approvedOn: '2026-01-10',
  reviewBy: '2026-04-10',
  decisionUrl: 'https://wiki.example/decisions/7',
  notes: 'Read-only.',
};

describe('addDays', () => {
  it.each([
    ['2026-12-08', 14, '2026-12-22'],
    ['2026-12-20', 14, '2027-01-03'],
    ['2028-02-20', 9, '2028-02-29'],
    ['2026-03-25', 90, '2026-06-23'],
  ])('%s + %i days is %s', (from, days, to) => {
    expect(addDays(from, days)).toBe(to);
  });
});

describe('planDecision: each kind of decision on an app the policy does not know', () => {
  it.each([
    {
      decision: 'approve' as const,
      more: {},
      entry: { scopes: ['openid', CONTACTS], approvedOn: TODAY, reviewBy: '2027-03-08' },
      absent: ['kind', 'expiresOn', 'notes'],
    },
    {
      decision: 'pilot' as const,
      more: {},
      entry: { kind: 'pilot', scopes: ['openid', CONTACTS], expiresOn: '2026-12-22', reviewBy: '2026-12-22', notes: 'Pilot: 3 marketers, 500 test contacts' },
      absent: [],
    },
    {
      decision: 'pilot' as const,
      more: { expires: '2026-12-12', notes: 'Two people only.' },
      entry: { kind: 'pilot', expiresOn: '2026-12-12', reviewBy: '2026-12-12', notes: 'Two people only.' },
      absent: [],
    },
    {
      decision: 'narrow' as const,
      more: { scopes: ['openid', `${CONTACTS}.readonly`] },
      entry: { scopes: ['openid', `${CONTACTS}.readonly`], reviewBy: '2027-03-08' },
      absent: ['kind', 'expiresOn'],
    },
    {
      decision: 'approve' as const,
      more: { owner: 'Reviewer Pick', backupOwner: 'Second Pick', approvedBy: 'Security Lead', reviewOn: '2027-01-31', decisionUrl: 'https://tickets.example/SEC-1' },
      entry: { owner: 'Reviewer Pick', backupOwner: 'Second Pick', approvedBy: 'Security Lead', reviewBy: '2027-01-31', decisionUrl: 'https://tickets.example/SEC-1' },
      absent: [],
    },
  ])('$decision $more writes a new approval from the review', ({ decision, more, entry, absent }) => {
    const result = plan({ approvedIntegrations: [] }, options(decision, more));
    expect(result.edits).toHaveLength(1);
    expect(result.edits[0]).toMatchObject({ path: ['approvedIntegrations', -1], insert: true });
    const written = result.edits[0]?.value as Record<string, unknown>;
    expect(written).toMatchObject({
      name: 'Acme Webinars',
      provider: 'google',
      clientId: CLIENT,
      owner: 'Dana Ops',
      backupOwner: 'Lee Sales',
      approvedBy: 'Sam CTO',
      approvedOn: TODAY,
      dataClasses: ['contacts', 'customer'],
      shutdown: 'Cut off: Revoke the app in Google Admin > Security > API controls. Data deletion: Email privacy@acme.example asking to erase our data under the DPA.',
      ...entry,
    });
    for (const key of absent) expect(written).not.toHaveProperty(key);
    // Google needs no host: its client ids are Google's own.
    expect(written).not.toHaveProperty('host');
    expect(result.record).toMatchObject({ decision, approvalChange: 'added', blockChange: 'none', decidedOn: TODAY, decidedAt: NOW.toISOString() });
    expect(result.record.changes).toBeUndefined();
  });

  it('a pilot asked for 7 days ends after 7', () => {
    const result = plan({}, options('pilot'), review({}, { testAccessDays: 7 }));
    expect(result.edits[0]).toMatchObject({ path: ['approvedIntegrations'], value: [{ kind: 'pilot', expiresOn: '2026-12-15' }] });
  });

  it('a decline of an unknown app changes nothing but is logged', () => {
    const result = plan({ approvedIntegrations: [EXISTING].map((entry) => ({ ...entry, clientId: 'other' })) }, options('decline', { reason: 'Copies mailboxes.' }));
    expect(result.edits).toEqual([]);
    expect(result.record).toMatchObject({ decision: 'decline', reason: 'Copies mailboxes.', approvalChange: 'none', blockChange: 'none' });
    expect(result.record.approval).toBeUndefined();
  });

  it('a decline with --block adds the block entry with the reason', () => {
    const result = plan({}, options('decline', { block: true, reason: 'Copies mailboxes.' }));
    expect(result.edits).toEqual([{ path: ['blockedIntegrations'], value: [{ provider: 'google', clientId: CLIENT, name: 'Acme Webinars', reason: 'Copies mailboxes.' }] }]);
    expect(result.record).toMatchObject({ blockChange: 'added', blockReason: 'Copies mailboxes.' });
  });
});

describe('planDecision: an app that already has an approval or a block', () => {
  it('a scope change updates only what changed and logs the difference', () => {
    const result = plan({ approvedIntegrations: [{ ...EXISTING, clientId: 'someone-else' }, EXISTING] }, options('approve'));
    const changed = Object.fromEntries(result.edits.map((edit) => [edit.path.join('.'), edit.value]));
    expect(changed).toEqual({
      'approvedIntegrations.1.scopes': ['openid', CONTACTS],
      'approvedIntegrations.1.owner': 'Dana Ops',
      'approvedIntegrations.1.backupOwner': 'Lee Sales',
      'approvedIntegrations.1.approvedBy': 'Sam CTO',
      'approvedIntegrations.1.approvedOn': TODAY,
      'approvedIntegrations.1.reviewBy': '2027-03-08',
      'approvedIntegrations.1.dataClasses': ['contacts', 'customer'],
      'approvedIntegrations.1.shutdown': expect.stringMatching(/^Cut off: /),
    });
    // The reviewer's earlier link and notes stay: this decision gave none.
    expect(result.approval).toMatchObject({ decisionUrl: 'https://wiki.example/decisions/7', notes: 'Read-only.', name: 'Acme Webinars' });
    expect(result.record).toMatchObject({ approvalChange: 'updated', scopesAdded: [CONTACTS], scopesRemoved: [`${CONTACTS}.readonly`] });
    expect(result.record.changes).toEqual(
      expect.arrayContaining([
        { field: 'scopes', before: ['openid', `${CONTACTS}.readonly`], after: ['openid', CONTACTS] },
        { field: 'owner', before: 'Old Owner', after: 'Dana Ops' },
        { field: 'backupOwner', after: 'Lee Sales' },
      ]),
    );
  });

  it('a renewal of the same scopes moves only the dates', () => {
    const renewed = { ...EXISTING, scopes: ['openid', CONTACTS], owner: 'Dana Ops', backupOwner: 'Lee Sales', approvedBy: 'Sam CTO', dataClasses: ['contacts', 'customer'] as ApprovedIntegration['dataClasses'], shutdown: 'Cut off: Revoke the app in Google Admin > Security > API controls. Data deletion: Email privacy@acme.example asking to erase our data under the DPA.' };
    const result = plan({ approvedIntegrations: [renewed] }, options('approve'));
    expect(result.edits.map((edit) => edit.path.join('.'))).toEqual(['approvedIntegrations.0.approvedOn', 'approvedIntegrations.0.reviewBy']);
    expect(result.record.changes).toEqual([
      { field: 'approvedOn', before: '2026-01-10', after: TODAY },
      { field: 'reviewBy', before: '2026-04-10', after: '2027-03-08' },
    ]);
    expect(result.record.scopesAdded).toBeUndefined();
    expect(result.record.scopesRemoved).toBeUndefined();
  });

  it('approving a pilot for production drops its kind and expiry', () => {
    const pilot = { ...EXISTING, kind: 'pilot' as const, expiresOn: '2026-12-20' };
    const result = plan({ approvedIntegrations: [pilot] }, options('approve'));
    expect(result.edits).toEqual(expect.arrayContaining([{ path: ['approvedIntegrations', 0, 'kind'], value: undefined }, { path: ['approvedIntegrations', 0, 'expiresOn'], value: undefined }]));
    expect(result.record.changes).toEqual(expect.arrayContaining([{ field: 'kind', before: 'pilot' }, { field: 'expiresOn', before: '2026-12-20' }]));
  });

  it('a decline removes the approval and logs what it held', () => {
    const result = plan({ approvedIntegrations: [EXISTING] }, options('decline'));
    expect(result.edits).toEqual([{ path: ['approvedIntegrations', 0], value: undefined }]);
    expect(result.record).toMatchObject({ approvalChange: 'removed', scopesRemoved: ['openid', `${CONTACTS}.readonly`] });
    expect(result.record.changes).toContainEqual({ field: 'scopes', before: EXISTING.scopes });
  });

  it('a decline with --block of an app already blocked updates the reason only', () => {
    const result = plan({ blockedIntegrations: [{ provider: 'google', clientId: '*' }, { provider: 'google', clientId: CLIENT, reason: 'old' }] }, options('decline', { block: true, reason: 'new' }));
    expect(result.edits).toEqual([{ path: ['blockedIntegrations', 1, 'reason'], value: 'new' }]);
    expect(result.record.blockChange).toBe('updated');
  });

  it('an approval lifts the block of the same app (not the provider-wide "*")', () => {
    const result = plan({ blockedIntegrations: [{ provider: 'google', clientId: '*' }, { provider: 'google', clientId: CLIENT, reason: 'old' }] }, options('approve'));
    expect(result.edits).toContainEqual({ path: ['blockedIntegrations', 1], value: undefined });
    expect(result.record.blockChange).toBe('removed');
  });
});

describe('planDecision: narrowing', () => {
  it.each([
    ['a scope nobody asked for', ['openid', 'https://mail.google.com/'], /not requested: https:\/\/mail\.google\.com\//],
    ['no scope at all', [], /names no scope/],
  ])('refuses %s', (_name, scopes, message) => {
    const result = planDecision(review(), {}, options('narrow', { scopes }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join('\n')).toMatch(message);
  });

  it('allows a narrower form of a requested scope (contacts.readonly within contacts)', () => {
    expect(planDecision(review(), {}, options('narrow', { scopes: [`${CONTACTS}.readonly`] })).ok).toBe(true);
  });
});

describe('planDecision: what the approval must name to match', () => {
  it.each([
    {
      name: 'an Okta app is bound to its tenant host',
      prefill: prefillFor('okta', '0oa1b2c3', 'https://acme.okta.com/oauth2/v1/authorize?client_id=0oa1b2c3&response_type=code&scope=openid+profile&redirect_uri=https%3A%2F%2Fapp.example%2Fcb', ['openid', 'profile']),
      entry: { provider: 'okta', clientId: '0oa1b2c3', host: 'acme.okta.com', scopes: ['openid', 'profile'] },
    },
    {
      name: 'a github.com app needs no host',
      prefill: prefillFor('github', 'Iv1.abc', 'https://github.com/login/oauth/authorize?client_id=Iv1.abc&scope=repo', ['repo']),
      entry: { provider: 'github', clientId: 'Iv1.abc', scopes: ['repo'] },
    },
    {
      name: 'Slack user scopes are kept apart from bot scopes',
      prefill: prefillFor('slack', '123.456', 'https://slack.com/oauth/v2/authorize?client_id=123.456&scope=chat%3Awrite%2Cchannels%3Aread&user_scope=users%3Aread', ['chat:write', 'channels:read', 'users:read']),
      entry: { provider: 'slack', clientId: '123.456', scopes: ['chat:write', 'channels:read'], userScopes: ['users:read'] },
    },
  ])('$name', ({ prefill, entry }) => {
    const result = plan({}, options('approve'), review({ prefill }));
    const [written] = result.edits[0]?.value as Record<string, unknown>[];
    expect(written).toMatchObject(entry);
    if (!('host' in entry)) expect(written).not.toHaveProperty('host');
  });

  it('refuses a review whose request URL names another app than its prefill (edited after the fact)', () => {
    const tampered = review({ prefill: prefillFor('google', CLIENT, 'https://accounts.google.com/o/oauth2/v2/auth?client_id=evil.apps.googleusercontent.com&scope=openid', ['openid']) });
    const result = planDecision(tampered, {}, options('approve'));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatch(/names google client "1234-abc/);
  });
});

describe('findDuplicateDecision', () => {
  const first = plan({}, options('pilot')).record;
  it.each([
    ['the same decision on the same review', plan({}, options('pilot', { now: new Date('2026-12-09T00:00:00Z') })).record, true],
    ['another decision on the same review', plan({}, options('approve')).record, false],
    ['the same kind with other scopes', plan({}, options('pilot', { scopes: ['openid'] })).record, false],
    ['the same decision on another review', plan({}, options('pilot'), review({ id: 'rev-43' })).record, false],
  ])('%s: duplicate %s', (_name, record, duplicate) => {
    expect(findDuplicateDecision([first], record) !== undefined).toBe(duplicate);
  });
});
