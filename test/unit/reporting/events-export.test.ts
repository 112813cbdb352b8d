import { describe, expect, it } from 'vitest';
import {
  CSV_COLUMNS,
  csvField,
  EVENT_EXPORT_FORMAT,
  EVENT_EXPORT_VERSION,
  eventsFileName,
  exportEventsCsv,
  exportEventsJson,
} from '../../../lib/reporting/events-export';
import type { ConsentEvent } from '../../../lib/storage/records';
import { consentEvent } from '../options/options-fixtures';

/** A strict RFC 4180 reader, written independently of the exporter, to prove the file reads back as written. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (char === '"') quoted = false;
      else field += char;
      i += 1;
      continue;
    }
    if (char === '"' && field === '') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else if (char === '"' || char === '\n' || char === '\r') throw new Error(`Bare ${JSON.stringify(char)} at ${i}`);
    else field += char;
    i += 1;
  }
  if (quoted) throw new Error('Unterminated quote');
  if (field !== '' || row.length > 0) throw new Error('Last record is not terminated by CRLF');
  return rows;
}

describe('csvField', () => {
  it.each([
    ['plain', 'plain'],
    ['', ''],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['two\r\nlines', '"two\r\nlines"'],
    // Spreadsheet formula injection (OWASP "CSV Injection"): neutralised with a leading single quote.
    ['=HYPERLINK("https://evil.example","Click")', '"\'=HYPERLINK(""https://evil.example"",""Click"")"'],
    ['+1+2', "'+1+2"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\t=1', "'\t=1"],
    ['\r=1', '"\'\r=1"'],
    // Only the first character matters.
    ['a=1', 'a=1'],
    ['Mail Helper', 'Mail Helper'],
    ["it's", "it's"],
  ])('%j becomes %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });
});

describe('exportEventsCsv', () => {
  const hostile: ConsentEvent = consentEvent({
    id: 2,
    appName: '=cmd|\' /C calc\'!A0',
    clientId: '-client,"x"',
    reason: 'Needed it\r\nfor the "Q3" report',
    host: '@evil.example',
  });
  const plain = consentEvent({ id: 1, appName: undefined, reason: undefined, scopes: [], rules: [] });
  const csv = exportEventsCsv([hostile, plain]);

  it('starts with a byte-order mark, ends every record with CRLF, and reads back as RFC 4180', () => {
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = readCsv(csv.slice(1));
    expect(rows).toHaveLength(3);
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    for (const row of rows) expect(row).toHaveLength(CSV_COLUMNS.length);
  });

  it('writes every column of an event; lists are space-separated', () => {
    const rows = readCsv(csv.slice(1));
    const record = Object.fromEntries(CSV_COLUMNS.map((column, index) => [column, rows[1]![index]]));
    expect(record).toEqual({
      id: '2',
      at: '2026-03-10T09:00:00.000Z',
      provider: 'google',
      clientId: '\'-client,"x"',
      appName: "'=cmd|' /C calc'!A0",
      host: "'@evil.example",
      scopes: 'openid https://mail.google.com/',
      verdict: 'needs-review',
      risk: 'high',
      enforcement: 'warn',
      action: 'continued',
      reason: 'Needed it\r\nfor the "Q3" report',
      rules: 'sensitive-data offline-access',
    });
  });

  it('leaves missing values empty', () => {
    const rows = readCsv(csv.slice(1));
    const record = Object.fromEntries(CSV_COLUMNS.map((column, index) => [column, rows[2]![index]]));
    expect(record).toMatchObject({ id: '1', appName: '', reason: '', scopes: '', rules: '' });
  });

  it('no cell of any row starts with a formula character', () => {
    for (const row of readCsv(csv.slice(1))) {
      for (const value of row) expect(value).not.toMatch(/^[=+\-@\t\r]/);
    }
  });

  it('writes only the header for an empty log', () => {
    expect(exportEventsCsv([])).toBe(`\uFEFF${CSV_COLUMNS.join(',')}\r\n`);
  });

  it('writes 5,000 events (the log bound), every row complete', () => {
    const many = Array.from({ length: 5000 }, (_, index) => consentEvent({ id: index, reason: `reason, ${index}` }));
    const rows = readCsv(exportEventsCsv(many).slice(1));
    expect(rows).toHaveLength(5001);
    expect(rows.at(-1)).toContain('reason, 4999');
  });
});

describe('exportEventsJson', () => {
  it('keeps every event exactly, in order, inside a versioned envelope', () => {
    const events = [consentEvent({ id: 2, appName: '=1+1' }), consentEvent({ id: 1, reason: 'line\nbreak' })];
    const text = exportEventsJson(events, new Date('2026-03-10T12:00:00.000Z'));
    expect(JSON.parse(text)).toEqual({
      format: EVENT_EXPORT_FORMAT,
      version: EVENT_EXPORT_VERSION,
      exportedAt: '2026-03-10T12:00:00.000Z',
      count: 2,
      events,
    });
    expect(text.endsWith('\n')).toBe(true);
  });
});

describe('eventsFileName', () => {
  it.each([
    ['csv', new Date(2026, 2, 1, 23, 59), 'consent-gate-events-2026-03-01.csv'],
    ['json', new Date(2026, 11, 31, 0, 0), 'consent-gate-events-2026-12-31.json'],
  ] as const)('%s on %s', (format, at, name) => {
    expect(eventsFileName(format, at)).toBe(name);
  });
});
