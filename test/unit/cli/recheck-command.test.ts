import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildEventPayload, toReportedEvent } from '../../../lib/reporting/event-payload';
import type { ConsentEvent } from '../../../lib/storage/records';
import { runInProcess } from './cli-harness';

const dir = mkdtempSync(join(tmpdir(), 'consent-gate-recheck-'));
const path = (name: string) => join(dir, name);

const POLICY = `// approvals under review
{
  "approvedIntegrations": [
    { "name": "Mail | Helper", "provider": "google", "clientId": "mail-app", "scopes": ["https://mail.google.com/"], "owner": "ana@example.com", "backupOwner": "bo@example.com", "reviewBy": "2026-06-01" },
    { "name": "Pilot", "provider": "google", "clientId": "pilot-app", "kind": "pilot", "scopes": ["openid"], "owner": "chen@example.com" },
    { "name": "Calendar", "provider": "google", "clientId": "cal-app", "scopes": ["https://www.googleapis.com/auth/calendar.readonly"], "reviewBy": "2026-12-01", "expiresOn": "2027-06-01" }
  ]
}
`;

function line(event: Partial<ConsentEvent>): string {
  const full: ConsentEvent = { id: 1, at: '2026-06-10T10:00:00.000Z', provider: 'google', clientId: 'cal-app', host: 'accounts.google.com', scopes: ['openid'], verdict: 'approved', risk: 'low', enforcement: 'warn', action: 'continued', rules: [], ...event };
  return JSON.stringify(buildEventPayload([toReportedEvent(full, 'inst-1', ['scopes', 'host'])], { installationId: 'inst-1', extensionVersion: '0.1.0', now: new Date(full.at) }));
}

beforeAll(() => {
  writeFileSync(path('policy.jsonc'), POLICY);
  writeFileSync(path('events.jsonl'), `${line({})}\n${line({ clientId: 'mail-app', at: '2026-01-10T10:00:00.000Z' })}\n`);
});

describe('recheck', () => {
  it('writes Markdown for a ticket: what needs action first, riskiest first, with owners and what to do', async () => {
    const outcome = await runInProcess(['recheck', '--policy', path('policy.jsonc'), '--today', '2026-06-15']);
    expect(outcome.stderr).toBe('');
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toBe(
      [
        '# Recheck of approved integrations, 2026-06-15',
        '',
        '3 approvals, 2 need action: 1 review date passed, 1 without an expiry (pilot).',
        '',
        '## Needs action (2)',
        '',
        '| Risk | App | Kind | Owner | Dates | Due | Approved scopes |',
        '| --- | --- | --- | --- | --- | --- | --- |',
        '| high | Mail \\| Helper<br>google `mail-app` | production | ana@example\\.com (backup bo@example\\.com) | review 2026-06-01 | review date 2026-06-01 passed 14 days ago: recheck now | `https://mail.google.com/` high |',
        '| low | Pilot<br>google `pilot-app` | pilot | chen@example\\.com | - | pilot without an expiry: set expiresOn (7 or 14 days) | `openid` low |',
        '',
        '## Nothing due (1)',
        '',
        '| Risk | App | Kind | Owner | Dates | Due | Approved scopes |',
        '| --- | --- | --- | --- | --- | --- | --- |',
        '| medium | Calendar<br>google `cal-app` | production | - | review 2026-12-01<br>expires 2027-06-01 | - | `https://www.googleapis.com/auth/calendar.readonly` medium |',
        '',
      ].join('\n'),
    );
  });

  it('with events, adds when each app was last used and names the unused ones', async () => {
    const outcome = await runInProcess(['recheck', '--policy', path('policy.jsonc'), '--events', path('events.jsonl'), '--today', '2026-06-15', '--format', 'json']);
    expect(outcome.code).toBe(0);
    const report = JSON.parse(outcome.stdout) as { events: unknown; items: { clientId: string; due: { reason: string }[]; usage: unknown }[] };
    expect(report.events).toEqual({ count: 2, from: '2026-01-10T10:00:00.000Z', to: '2026-06-10T10:00:00.000Z', unusedDays: 90 });
    expect(report.items.map((item) => [item.clientId, item.due.map((due) => due.reason)])).toEqual([
      ['mail-app', ['review-passed', 'unused']],
      ['cal-app', []],
      ['pilot-app', ['pilot-without-expiry', 'never-used']],
    ]);
  });

  it('writes CSV with the due reasons and dates', async () => {
    const outcome = await runInProcess(['recheck', '--policy', path('policy.jsonc'), '--today', '2026-06-15', '--format', 'csv']);
    const lines = outcome.stdout.split('\r\n');
    expect(lines[0]).toBe('\uFEFFrisk,due,name,provider,clientId,host,kind,owner,backupOwner,approvedOn,reviewBy,expiresOn,lastSeen,people,events,scopes');
    expect(lines[1]).toBe('high,review-passed,Mail | Helper,google,mail-app,,production,ana@example.com,bo@example.com,,2026-06-01,,,,,https://mail.google.com/');
  });

  it.each<[string, string[], string]>([
    ['no policy', ['recheck'], '--policy FILE is required'],
    ['an unknown format', ['recheck', '--policy', 'p', '--format', 'table'], '--format must be one of md, csv, json'],
    ['an impossible --today', ['recheck', '--policy', 'p', '--today', '2026-02-30'], '--today needs a real date'],
    ['a zero --unused-days', ['recheck', '--policy', 'p', '--unused-days', '0'], '--unused-days needs a whole number'],
  ])('refuses %s', async (_name, argv, message) => {
    const outcome = await runInProcess(argv);
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toContain(message);
  });

  it('stops at a malformed event with its file and line, printing nothing', async () => {
    writeFileSync(path('bad.jsonl'), `${line({})}\n{oops\n`);
    const outcome = await runInProcess(['recheck', '--policy', path('policy.jsonc'), path('bad.jsonl')]);
    expect(outcome.code).toBe(2);
    expect(outcome.stdout).toBe('');
    expect(outcome.stderr).toContain(`${path('bad.jsonl')}:2: not JSON`);
  });
});
