import { describe, expect, it } from 'vitest';
import { readCsvRow, readJsonDocument, readWebhookPayload } from '../../../lib/inventory/inventory-event';
import { CSV_COLUMNS, exportEventsJson } from '../../../lib/reporting/events-export';
import type { ConsentEvent } from '../../../lib/storage/records';

const ROW: Record<(typeof CSV_COLUMNS)[number], string> = {
  id: '3',
  at: '2026-06-01T09:30:00.000Z',
  provider: 'slack',
  clientId: '123.456',
  appName: "'=HYPERLINK(1)",
  host: 'slack.com',
  scopes: 'chat:write  channels:read',
  verdict: 'needs-review',
  risk: 'high',
  enforcement: 'warn',
  action: 'cancelled',
  reason: '',
  rules: 'not-approved',
};
const cells = (change: Partial<typeof ROW> = {}): string[] => CSV_COLUMNS.map((column) => ({ ...ROW, ...change })[column]);

describe('readCsvRow', () => {
  it('reads a row of the export, undoing the formula guard and splitting scopes on spaces', () => {
    expect(readCsvRow(cells(), 'export.csv')).toEqual({
      ok: true,
      value: {
        installationId: 'export.csv',
        at: ROW.at,
        provider: 'slack',
        clientId: '123.456',
        host: 'slack.com',
        appName: '=HYPERLINK(1)',
        scopes: ['chat:write', 'channels:read'],
        verdict: 'needs-review',
        risk: 'high',
        action: 'cancelled',
      },
    });
  });

  it.each<[string, string[], string]>([
    ['a missing column', cells().slice(1), 'expected 13 columns, found 12'],
    ['an unknown provider', cells({ provider: 'myspace' }), 'provider: unknown value "myspace"'],
    ['an unknown verdict', cells({ verdict: 'ok' }), 'verdict: unknown value "ok"'],
    ['an unknown risk', cells({ risk: 'extreme' }), 'risk: unknown value "extreme"'],
    ['an unknown action', cells({ action: 'clicked' }), 'action: unknown value "clicked"'],
    ['a time that is not ISO', cells({ at: '1 June' }), 'at: not an ISO 8601 time: "1 June"'],
    ['an empty client id', cells({ clientId: '' }), 'clientId: empty'],
  ])('refuses %s', (_name, row, reason) => {
    expect(readCsvRow(row, 'export.csv')).toEqual({ ok: false, reason });
  });
});

describe('readWebhookPayload', () => {
  const payload = {
    format: 'consent-gate/events',
    version: 1,
    sentAt: '2026-06-01T09:30:01.000Z',
    installationId: 'inst-9',
    extensionVersion: '0.1.0',
    events: [{ id: 'inst-9:1', at: '2026-06-01T09:30:00.000Z', provider: 'zoom', clientId: 'zc', verdict: 'allowed', risk: 'low', enforcement: 'monitor', action: 'logged', rules: [], later: 'ignored' }],
  };

  it('reads every event with the installation id of its delivery; unknown later fields are ignored', () => {
    expect(readWebhookPayload(payload)).toEqual({
      ok: true,
      value: [{ installationId: 'inst-9', at: '2026-06-01T09:30:00.000Z', provider: 'zoom', clientId: 'zc', verdict: 'allowed', risk: 'low', action: 'logged' }],
    });
  });

  it.each<[string, unknown, string]>([
    ['another format', { ...payload, format: 'consent-gate/review' }, 'not a consent-event payload (format is "consent-gate/review", expected "consent-gate/events")'],
    ['a missing installation id', { ...payload, installationId: undefined }, 'installationId: Invalid input: expected string, received undefined'],
    ['a bad event', { ...payload, events: [{ ...payload.events[0], risk: 'huge' }] }, 'events.0.risk'],
  ])('refuses %s', (_name, value, reason) => {
    const read = readWebhookPayload(value);
    expect(read.ok).toBe(false);
    expect(read.ok ? '' : read.reason).toContain(reason);
  });
});

describe('readJsonDocument', () => {
  const event: ConsentEvent = {
    id: 1,
    at: '2026-06-01T09:30:00.000Z',
    provider: 'box',
    clientId: 'bx',
    host: 'account.box.com',
    scopes: ['root_readwrite'],
    verdict: 'needs-review',
    risk: 'high',
    enforcement: 'warn',
    action: 'continued',
    rules: [],
  };

  it('reads the JSON export; each export is one installation, named by its file', () => {
    const document = JSON.parse(exportEventsJson([event], new Date('2026-06-02T00:00:00Z'))) as unknown;
    const read = readJsonDocument(document, 'laptop.json');
    expect(read).toEqual({
      ok: true,
      value: {
        events: [{ installationId: 'laptop.json', at: event.at, provider: 'box', clientId: 'bx', host: 'account.box.com', scopes: ['root_readwrite'], verdict: 'needs-review', risk: 'high', action: 'continued' }],
        errors: [],
      },
    });
  });

  it('names the events it cannot read by index and reads the rest', () => {
    const document = JSON.parse(exportEventsJson([event, { ...event, provider: 'nope' as 'box' }], new Date())) as unknown;
    const read = readJsonDocument(document, 'x.json');
    expect(read.ok && read.value.events.length).toBe(1);
    expect(read.ok && read.value.errors.map((error) => error.index)).toEqual([1]);
  });

  it('refuses a document of another kind', () => {
    expect(readJsonDocument({ approvedIntegrations: [] }, 'policy.json')).toEqual({
      ok: false,
      reason: 'not a Consent Gate event file (format is null, expected "consent-gate/event-log" or "consent-gate/events")',
    });
  });
});
