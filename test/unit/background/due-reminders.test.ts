import { describe, expect, it } from 'vitest';
import { dueReminders, rememberShown, type ShownReminders } from '../../../lib/background/due-reminders';
import type { Policy } from '../../../lib/policy/schema';
import type { ReviewRecord, ReviewStatus } from '../../../lib/storage/records';
import { samplePrefill } from '../storage/sample-records';

const TODAY = '2026-03-10';
const CLIENT = 'notes-client';

function review(id: string, status: ReviewStatus, updatedAt = '2026-03-09T12:00:00', overrides: Partial<ReviewRecord> = {}): ReviewRecord {
  return {
    id,
    status,
    createdAt: '2026-03-01T09:00:00.000Z',
    updatedAt: new Date(updatedAt).toISOString(),
    prefill: samplePrefill({ clientId: CLIENT, appName: 'Acme Notes', requestUrl: `https://accounts.google.com/o/oauth2/v2/auth?client_id=${CLIENT}&scope=openid` }),
    answers: {},
    ...overrides,
  };
}

function approving(fields: Partial<NonNullable<Policy['approvedIntegrations']>[number]>, reminders?: Policy['reminders']): Policy {
  return {
    approvedIntegrations: [{ provider: 'google', clientId: CLIENT, scopes: ['openid'], ...fields }],
    ...(reminders === undefined ? {} : { reminders }),
  };
}

describe('dueReminders', () => {
  it.each<[string, Policy, ReviewRecord[], ShownReminders, { kind: string; key: string; days: number; pilot?: boolean }[]]>([
    ['nothing without reviews', approving({ expiresOn: '2026-03-12' }), [], {}, []],
    [
      'an approval of a reviewed app expiring within 7 days',
      approving({ expiresOn: '2026-03-17' }),
      [review('r1', 'approved')],
      {},
      [{ kind: 'approval-expiring', key: `expiring:google:${CLIENT}:2026-03-17`, days: 7, pilot: false }],
    ],
    ['an approval expiring in 8 days is not due yet', approving({ expiresOn: '2026-03-18' }), [review('r1', 'approved')], {}, []],
    [
      'the last day counts',
      approving({ expiresOn: TODAY, kind: 'pilot' }),
      [review('r1', 'submitted')],
      {},
      [{ kind: 'approval-expiring', key: `expiring:google:${CLIENT}:${TODAY}`, days: 0, pilot: true }],
    ],
    ['an approval already expired is left to the verdict', approving({ expiresOn: '2026-03-09' }), [review('r1', 'approved')], {}, []],
    [
      'the warning window follows the policy',
      approving({ expiresOn: '2026-03-25' }, { expiryWarningDays: 30 }),
      [review('r1', 'approved')],
      {},
      [{ kind: 'approval-expiring', key: `expiring:google:${CLIENT}:2026-03-25`, days: 15, pilot: false }],
    ],
    [
      'a review date that passed',
      approving({ reviewBy: '2026-03-01' }),
      [review('r1', 'approved')],
      {},
      [{ kind: 'review-date-passed', key: `review-date:google:${CLIENT}:2026-03-01`, days: 9 }],
    ],
    ['a review date today has not passed', approving({ reviewBy: TODAY }), [review('r1', 'approved')], {}, []],
    ['declined reviews get nothing', approving({ expiresOn: '2026-03-12', reviewBy: '2026-03-01' }), [review('r1', 'declined')], {}, []],
    ['another app gets nothing', approving({ clientId: 'other', expiresOn: '2026-03-12' }), [review('r1', 'approved')], {}, []],
    ['an approval limited to another host gets nothing', approving({ host: 'login.example.com', expiresOn: '2026-03-12' }), [review('r1', 'approved')], {}, []],
    [
      'two reviews of the same app remind once',
      approving({ expiresOn: '2026-03-12' }),
      [review('old', 'approved', '2026-03-02T10:00:00'), review('new', 'submitted', '2026-03-08T10:00:00')],
      {},
      [{ kind: 'approval-expiring', key: `expiring:google:${CLIENT}:2026-03-12`, days: 2, pilot: false }],
    ],
    [
      'a draft untouched for 2 days',
      {},
      [review('d1', 'draft', '2026-03-08T18:00:00')],
      {},
      [{ kind: 'draft-unfinished', key: 'draft:d1', days: 2 }],
    ],
    ['a draft edited yesterday is not due', {}, [review('d1', 'draft', '2026-03-09T08:00:00')], {}, []],
    ['the draft delay follows the policy', { reminders: { draftReminderDays: 5 } }, [review('d1', 'draft', '2026-03-06T08:00:00')], {}, []],
    ['a reminder shown today is not shown again', {}, [review('d1', 'draft', '2026-03-01T08:00:00')], { 'draft:d1': TODAY }, []],
    [
      'a reminder shown yesterday is shown again today',
      {},
      [review('d1', 'draft', '2026-03-01T08:00:00')],
      { 'draft:d1': '2026-03-09' },
      [{ kind: 'draft-unfinished', key: 'draft:d1', days: 9 }],
    ],
  ])('%s', (_name, policy, reviews, shown, expected) => {
    const due = dueReminders(policy, reviews, TODAY, shown);
    expect(due).toEqual(expected.map((reminder) => expect.objectContaining(reminder)));
  });

  it('names the app as the requester typed it, and points at the newest review', () => {
    const typed = review('new', 'submitted', '2026-03-08T10:00:00', { answers: { toolName: 'Notes for Sales' } });
    const [reminder] = dueReminders(approving({ expiresOn: '2026-03-12' }), [review('old', 'approved', '2026-03-02T10:00:00'), typed], TODAY, {});
    expect(reminder).toMatchObject({ reviewId: 'new', app: 'Notes for Sales', date: '2026-03-12' });
  });
});

describe('rememberShown', () => {
  it.each([
    [{}, ['a'], { a: TODAY }],
    [{ old: '2026-03-09', kept: TODAY }, ['a'], { kept: TODAY, a: TODAY }],
    [{ old: '2026-03-09' }, [], {}],
  ])('%o + %o -> %o', (previous, keys, expected) => {
    const shown = keys.map((key) => ({ key, kind: 'draft-unfinished' as const, reviewId: key, app: 'x', date: TODAY, days: 2, pilot: false }));
    expect(rememberShown(previous, shown, TODAY)).toEqual(expected);
  });
});
