import { describe, expect, it } from 'vitest';
import {
  buildBlockedRows,
  buildIntegrationRows,
  filterIntegrationRows,
  NO_FILTER,
  sortIntegrationRows,
  type IntegrationFilter,
  type SortOrder,
} from '../../../lib/options/integration-rows';
import { POLICY } from './options-fixtures';

const TODAY = '2026-03-10';
const rows = buildIntegrationRows(POLICY, TODAY);
const names = (list: readonly { name: string }[]) => list.map((row) => row.name);

describe('buildIntegrationRows', () => {
  it.each([
    // name, risk, riskiest scopes
    ['Calendar Sync', 'medium', ['https://www.googleapis.com/auth/calendar.readonly']],
    ['Dir Admin', 'critical', ['https://www.googleapis.com/auth/admin.directory.user']],
    ['Code Bot', 'high', ['public_repo']],
    ['Sign In', 'low', []],
    ['gh-2', 'high', ['public_repo']],
  ] as const)('%s: risk of the approved scopes is %s', (name, risk, riskiest) => {
    const row = rows.find((candidate) => candidate.name === name);
    expect(row?.risk).toBe(risk);
    expect(row?.riskiestScopes).toEqual(riskiest);
  });

  it.each([
    // name, review state, expiry state, urgency, next date
    ['Calendar Sync', 'ok', 'none', 'ok', '2026-09-01'],
    ['Dir Admin', 'overdue', 'none', 'overdue', '2026-03-01'],
    // 10 days away, inside the policy's 14-day reminder window.
    ['Code Bot', 'none', 'due-soon', 'due-soon', '2026-03-20'],
    ['Sign In', 'none', 'none', 'none', undefined],
    ['gh-2', 'none', 'overdue', 'overdue', '2026-02-01'],
  ] as const)('%s: review %s, expiry %s, overall %s', (name, review, expiry, urgency, nextDate) => {
    const row = rows.find((candidate) => candidate.name === name);
    expect(row?.review.state).toBe(review);
    expect(row?.expiry.state).toBe(expiry);
    expect(row?.urgency).toBe(urgency);
    expect(row?.nextDate).toBe(nextDate);
  });

  it('keeps what the admin wrote and names an unnamed app by its client id', () => {
    const row = rows[4]!;
    expect(row).toMatchObject({ index: 4, name: 'gh-2', clientId: 'gh-2', provider: 'github', kind: 'production', owner: 'Dee', backupOwner: 'Zed', host: 'github.com' });
    expect(rows[2]?.kind).toBe('pilot');
  });

  it('uses the default 7-day window without reminders, and gives no rows for no approvals', () => {
    const withoutReminders = buildIntegrationRows({ approvedIntegrations: POLICY.approvedIntegrations }, TODAY);
    expect(withoutReminders.find((row) => row.name === 'Code Bot')?.expiry.state).toBe('ok');
    expect(buildIntegrationRows({}, TODAY)).toEqual([]);
  });

  it('rates an approval of no scopes low', () => {
    const [row] = buildIntegrationRows({ approvedIntegrations: [{ provider: 'slack', clientId: 's', scopes: [] }] }, TODAY);
    expect(row?.risk).toBe('low');
  });
});

describe('sortIntegrationRows', () => {
  it.each<[SortOrder | undefined, string[]]>([
    // Default: widest access first, then the soonest due (gh-2 expired before Code Bot's expiry), undated last.
    [undefined, ['Dir Admin', 'gh-2', 'Code Bot', 'Calendar Sync', 'Sign In']],
    [{ key: 'risk', direction: 'ascending' }, ['Sign In', 'Calendar Sync', 'gh-2', 'Code Bot', 'Dir Admin']],
    [{ key: 'name', direction: 'ascending' }, ['Calendar Sync', 'Code Bot', 'Dir Admin', 'gh-2', 'Sign In']],
    [{ key: 'name', direction: 'descending' }, ['Sign In', 'gh-2', 'Dir Admin', 'Code Bot', 'Calendar Sync']],
    // Equal providers fall back to the default order.
    [{ key: 'provider', direction: 'ascending' }, ['gh-2', 'Code Bot', 'Dir Admin', 'Calendar Sync', 'Sign In']],
    // Missing values go last in both directions.
    [{ key: 'owner', direction: 'ascending' }, ['Dir Admin', 'Calendar Sync', 'Code Bot', 'gh-2', 'Sign In']],
    [{ key: 'owner', direction: 'descending' }, ['gh-2', 'Code Bot', 'Calendar Sync', 'Dir Admin', 'Sign In']],
    [{ key: 'reviewBy', direction: 'ascending' }, ['Dir Admin', 'Calendar Sync', 'gh-2', 'Code Bot', 'Sign In']],
    [{ key: 'expiresOn', direction: 'ascending' }, ['gh-2', 'Code Bot', 'Dir Admin', 'Calendar Sync', 'Sign In']],
    [{ key: 'expiresOn', direction: 'descending' }, ['Code Bot', 'gh-2', 'Dir Admin', 'Calendar Sync', 'Sign In']],
  ])('%j', (order, expected) => {
    expect(names(sortIntegrationRows(rows, order))).toEqual(expected);
  });

  it('does not change the rows it was given', () => {
    const before = names(rows);
    sortIntegrationRows(rows, { key: 'name', direction: 'descending' });
    expect(names(rows)).toEqual(before);
  });
});

describe('filterIntegrationRows', () => {
  it.each<[Partial<IntegrationFilter>, string[]]>([
    [{}, ['Calendar Sync', 'Dir Admin', 'Code Bot', 'Sign In', 'gh-2']],
    [{ text: 'code' }, ['Code Bot']],
    [{ text: '  CAL-1 ' }, ['Calendar Sync']],
    [{ text: 'bea' }, ['Calendar Sync']],
    [{ text: 'zed' }, ['gh-2']],
    [{ text: 'github.com' }, ['gh-2']],
    [{ text: 'GitHub' }, ['Code Bot', 'gh-2']],
    [{ text: 'microsoft' }, ['Sign In']],
    [{ text: 'nothing like it' }, []],
    [{ provider: 'google' }, ['Calendar Sync', 'Dir Admin']],
    [{ dueOnly: true }, ['Dir Admin', 'Code Bot', 'gh-2']],
    [{ dueOnly: true, provider: 'github', text: 'bot' }, ['Code Bot']],
  ])('%j', (filter, expected) => {
    expect(names(filterIntegrationRows(rows, { ...NO_FILTER, ...filter }))).toEqual(expected);
  });
});

describe('buildBlockedRows', () => {
  it('lists each blocked integration and marks the whole-provider block', () => {
    expect(buildBlockedRows(POLICY)).toEqual([
      { index: 0, provider: 'google', clientId: 'evil-1', anyClient: false, name: 'Evil Exporter', reason: 'Copies mail to its own servers.' },
      { index: 1, provider: 'dropbox', clientId: '*', anyClient: true, name: undefined, reason: undefined },
    ]);
    expect(buildBlockedRows({})).toEqual([]);
  });
});
