import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildEventPayload, toReportedEvent } from '../../../lib/reporting/event-payload';
import { exportEventsCsv, exportEventsJson } from '../../../lib/reporting/events-export';
import type { ConsentEvent } from '../../../lib/storage/records';
import { runInProcess } from './cli-harness';

const dir = mkdtempSync(join(tmpdir(), 'consent-gate-inventory-'));
const path = (name: string) => join(dir, name);

const EVENT: ConsentEvent = {
  id: 1,
  at: '2026-06-01T10:00:00.000Z',
  provider: 'google',
  clientId: 'crm.apps.googleusercontent.com',
  appName: 'Acme CRM',
  host: 'accounts.google.com',
  scopes: ['openid', 'https://www.googleapis.com/auth/gmail.readonly'],
  verdict: 'needs-review',
  risk: 'high',
  enforcement: 'warn',
  action: 'continued',
  rules: ['sensitive-data'],
};

/** Webhook bodies, one per line, built by the extension's own payload code. */
function webhookLines(events: readonly ConsentEvent[], installationId: string): string {
  return events
    .map((event) => {
      const reported = toReportedEvent(event, installationId, ['scopes', 'appName', 'host']);
      return JSON.stringify(buildEventPayload([reported], { installationId, extensionVersion: '0.1.0', now: new Date(event.at) }));
    })
    .join('\n');
}

interface InventoryJson {
  totals: { events: number; apps: number; people: number; beforeSince: number };
  malformedSkipped: number;
  apps: { clientId: string; appName: string | null; people: number; events: number; approval: string; firstSeen: string }[];
}
const parse = (text: string) => JSON.parse(text) as InventoryJson;

beforeAll(() => {
  writeFileSync(
    path('fleet.jsonl'),
    `${webhookLines([EVENT, { ...EVENT, id: 2, at: '2026-06-03T10:00:00.000Z', action: 'cancelled' }], 'inst-1')}\n${webhookLines([{ ...EVENT, at: '2026-06-02T10:00:00.000Z' }], 'inst-2')}\n`,
  );
  // The CSV export with every quoting case: a comma, quotes, a line break and a formula in the app name.
  writeFileSync(
    path('laptop.csv'),
    exportEventsCsv([
      { ...EVENT, clientId: 'notes-app', appName: 'Notes, "pro"\nedition', scopes: ['openid'], risk: 'low', verdict: 'allowed' },
      { ...EVENT, clientId: 'sheet-app', appName: '=cmd()', scopes: ['openid'], risk: 'low', verdict: 'allowed', at: '2026-05-01T10:00:00.000Z' },
    ]),
  );
  writeFileSync(path('desktop.json'), exportEventsJson([{ ...EVENT, at: '2026-06-04T10:00:00.000Z' }], new Date('2026-06-05T00:00:00Z')));
  writeFileSync(path('empty.jsonl'), '');
  writeFileSync(
    path('policy.jsonc'),
    `// approvals\n{ "approvedIntegrations": [ { "provider": "google", "clientId": "notes-app", "scopes": ["openid"] } ] }\n`,
  );
});

describe('inventory', () => {
  it('reads webhook lines, the CSV export and the JSON export in one run, each detected by its content', async () => {
    const outcome = await runInProcess(['inventory', path('fleet.jsonl'), path('laptop.csv'), path('desktop.json'), '--format', 'json', '--policy', path('policy.jsonc')]);
    expect(outcome.stderr).toBe('');
    expect(outcome.code).toBe(0);
    const report = parse(outcome.stdout);
    // inst-1 and inst-2 from the webhook, plus each export file as one person.
    expect(report.totals).toEqual({ events: 6, beforeSince: 0, apps: 3, people: 4 });
    expect(report.apps.map((app) => [app.clientId, app.people, app.events, app.approval])).toEqual([
      ['crm.apps.googleusercontent.com', 3, 4, 'not-approved'],
      ['notes-app', 1, 1, 'approved'],
      ['sheet-app', 1, 1, 'not-approved'],
    ]);
    expect(report.apps[1]?.appName).toBe('Notes, "pro"\nedition');
    expect(report.apps[2]?.appName).toBe('=cmd()');
  });

  it('reads stdin for -', async () => {
    const outcome = await runInProcess(['inventory', '-', '--format', 'json'], { stdin: readFileSync(path('fleet.jsonl'), 'utf8') });
    expect(outcome.code).toBe(0);
    expect(parse(outcome.stdout).totals).toMatchObject({ events: 3, people: 2 });
  });

  it('counts only events from --since on', async () => {
    const outcome = await runInProcess(['inventory', path('fleet.jsonl'), path('laptop.csv'), '--since', '2026-06-02', '--format', 'json']);
    const report = parse(outcome.stdout);
    expect(report.totals).toEqual({ events: 2, beforeSince: 3, apps: 1, people: 2 });
    expect(report.apps[0]?.firstSeen).toBe('2026-06-02T10:00:00.000Z');
  });

  it('takes a --since time to the second, written without seconds too', async () => {
    for (const [since, events] of [['2026-06-02T10:00Z', 2], ['2026-06-02T10:00:01Z', 1]] as const) {
      const outcome = await runInProcess(['inventory', path('fleet.jsonl'), '--since', since, '--format', 'json']);
      expect(parse(outcome.stdout).totals.events).toBe(events);
    }
  });

  it('reports an empty input as no events, not as an error', async () => {
    const outcome = await runInProcess(['inventory', path('empty.jsonl'), '--format', 'md']);
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toBe('# Apps in use\n\n0 events, 0 apps, 0 people\n\nNo consent events.\n');
  });

  it.each<[string, string, string]>([
    ['a line that is not JSON', 'bad.jsonl', 'bad.jsonl:2: not JSON'],
    ['a payload missing its installation id', 'no-installation.jsonl', 'no-installation.jsonl:2: installationId'],
    ['a CSV row with an unknown verdict', 'bad.csv', 'bad.csv:3: verdict: unknown value "fine"'],
    ['a CSV field whose quote never closes', 'open-quote.csv', 'open-quote.csv:3: a quoted field is never closed'],
    ['a JSON export that is cut off', 'cut.json', 'cut.json:'],
  ])('stops at %s, naming the file and line, and prints nothing', async (_name, file, message) => {
    const good = webhookLines([EVENT], 'inst-1');
    const csv = exportEventsCsv([EVENT, EVENT]);
    const texts: Record<string, string> = {
      'bad.jsonl': `${good}\n{"format": "consent-gate/events", \n${good}\n`,
      'no-installation.jsonl': `${good}\n${good.replace('"installationId":"inst-1",', '')}\n`,
      'bad.csv': csv.replace(/needs-review(?![\s\S]*needs-review)/, 'fine'),
      'open-quote.csv': csv.replace(/\r\n(?=[^\r\n]*\r\n$)/, '\r\n"'),
      'cut.json': exportEventsJson([EVENT], new Date()).slice(0, 120),
    };
    writeFileSync(path(file), texts[file] as string);
    const outcome = await runInProcess(['inventory', path(file), '--format', 'json']);
    expect(outcome.code).toBe(2);
    expect(outcome.stdout).toBe('');
    expect(outcome.stderr).toContain(`${path(message.split(':')[0] as string)}:${message.split(':').slice(1).join(':')}`);
    expect(outcome.stderr).toContain('--skip-malformed');
  });

  it('with --skip-malformed skips each malformed event, reports it with its line and counts it', async () => {
    const good = webhookLines([EVENT], 'inst-1');
    writeFileSync(path('mixed.jsonl'), `${good}\nnot json\n${good}\n{"format":"other"}\n`);
    const outcome = await runInProcess(['inventory', path('mixed.jsonl'), '--format', 'json', '--skip-malformed']);
    expect(outcome.code).toBe(0);
    expect(outcome.stderr.split('\n').filter((line) => line !== '')).toEqual([
      expect.stringContaining(`${path('mixed.jsonl')}:2: not JSON`),
      expect.stringContaining(`${path('mixed.jsonl')}:4: not a consent-event payload`),
    ]);
    const report = parse(outcome.stdout);
    expect(report.malformedSkipped).toBe(2);
    expect(report.totals.events).toBe(2);
  });

  it('writes CSV with the export\'s quoting and formula guard', async () => {
    const outcome = await runInProcess(['inventory', path('laptop.csv'), '--format', 'csv']);
    expect(outcome.code).toBe(0);
    const lines = outcome.stdout.split('\r\n');
    expect(lines[0]).toBe('\uFEFFrisk,approval,provider,clientId,host,appName,people,events,firstSeen,lastSeen,approved,allowed,needsReview,blocked,continued,cancelled,reviewStarted,scopes,unapprovedScopes');
    expect(outcome.stdout).toContain(',"Notes, ""pro""\nedition",');
    expect(outcome.stdout).toContain(",'=cmd(),");
  });

  it('writes a Markdown table whose cells cannot break out of the table', async () => {
    writeFileSync(path('pipes.jsonl'), webhookLines([{ ...EVENT, appName: 'A | B <img>' }], 'inst-1'));
    const outcome = await runInProcess(['inventory', path('pipes.jsonl'), '--format', 'md']);
    const row = outcome.stdout.split('\n').find((line) => line.startsWith('| high'));
    expect(row).toBe(
      '| high | - | A \\| B \\<img\\> | google | `crm.apps.googleusercontent.com` on `accounts.google.com` | 1 | 1 | 2026-06-01 | 2026-06-01 | 1 | 0 | 0 | `https://www.googleapis.com/auth/gmail.readonly` high, `openid` low |',
    );
  });

  it('prints a table at a terminal, riskiest first', async () => {
    const outcome = await runInProcess(['inventory', path('fleet.jsonl'), path('laptop.csv')], { stdoutIsTty: true, columns: 140, env: { NO_COLOR: '1' } });
    const lines = outcome.stdout.split('\n');
    expect(lines[0]).toBe('5 events, 3 apps, 3 people');
    expect(lines[2]).toMatch(/^Risk\s+Approval\s+App\s+Provider\s+People\s+Events\s+Last seen\s+Cont\/Canc\/Rev\s+Riskiest scopes$/);
    expect(lines[3]).toMatch(/^high\s+-\s+Acme CRM\s+google\s+2\s+3\s+2026-06-03\s+2\/1\/0\s+https:\/\/www\.googleapis\.com\/auth\/gmail\.readon/);
  });

  it('--draft writes the unapproved apps to a new file and never overwrites one', async () => {
    const draft = path('drafts.jsonc');
    const first = await runInProcess(['inventory', path('fleet.jsonl'), path('laptop.csv'), '--policy', path('policy.jsonc'), '--draft', draft, '--format', 'json']);
    expect(first.code).toBe(0);
    expect(first.stderr).toContain('Wrote 2 draft approvals');
    const text = readFileSync(draft, 'utf8');
    expect(text).toContain('"clientId": "crm.apps.googleusercontent.com"');
    expect(text).not.toContain('"clientId": "notes-app"');

    const second = await runInProcess(['inventory', path('fleet.jsonl'), '--draft', draft]);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain('it exists');
    expect(readFileSync(draft, 'utf8')).toBe(text);
  });

  it.each<[string, string[], number, string]>([
    ['no events file', ['inventory'], 2, 'name at least one events file'],
    ['an unknown format', ['inventory', '-', '--format', 'xml'], 2, '--format must be one of table, json, csv, md'],
    ['a --since that is no date', ['inventory', '-', '--since', 'last week'], 2, '--since needs a date'],
    ['a file that does not exist', ['inventory', join(dir, 'missing.jsonl')], 1, 'cannot be read'],
  ])('refuses %s', async (_name, argv, code, message) => {
    const outcome = await runInProcess(argv);
    expect(outcome.code).toBe(code);
    expect(outcome.stderr).toContain(message);
    expect(outcome.stdout).toBe('');
  });

  it('refuses an invalid policy rather than calling every app unapproved', async () => {
    writeFileSync(path('broken.jsonc'), '{ "approvedIntegrations": [ { "provider": "google" } ] }');
    const outcome = await runInProcess(['inventory', path('fleet.jsonl'), '--policy', path('broken.jsonc')]);
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toContain('the policy is not valid');
    expect(outcome.stdout).toBe('');
  });
});
