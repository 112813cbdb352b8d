import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseDecisionLog, type DecisionRecord } from '../../../lib/decisions/decision-record';
import { parsePolicyText } from '../../../lib/policy/parse-policy';
import { importPublicKey, verifySignedConfig } from '../../../lib/remote-config/signed-config';
import { exportedJson, submittedRecord, webhookBody } from '../decisions/decision-fixtures';
import { runInProcess } from './cli-harness';

const CLIENT = '1234-abc.apps.googleusercontent.com';
const CONTACTS = 'https://www.googleapis.com/auth/contacts';

/** An admin's policy: comments everywhere, a blank line, one-line entries, and the app already approved read-only. */
const POLICY = `// Acme policy. Edit in a branch; "validate" before merging.
{
  "$schema": "./policy.schema.json",

  /* Who employees ask. */
  "organization": { "name": "Acme Corp" },

  "approvedIntegrations": [
    // Calendar sync, renewed yearly.
    { "provider": "microsoft", "clientId": "0b8d6c3e-1f2a-4b5c-9d7e-6f5a4b3c2d1e", "scopes": ["Calendars.Read"] }, // one line on purpose
    {
      "name": "Acme Webinars", // as shown on the consent screen
      "provider": "google",
      "clientId": "${CLIENT}",
      "scopes": ["openid", "${CONTACTS}.readonly"],
      "owner": "Old Owner",
      "approvedOn": "2026-01-10",
      "reviewBy": "2026-04-10",
      "notes": "Read-only." // the vendor promised
    }
  ],

  // Nobody connects these.
  "blockedIntegrations": [
    { "provider": "dropbox", "clientId": "*", "reason": "We use Drive." }
  ]
}
`;

const EMPTY_POLICY = `// No approvals yet.\n{\n  "enforcement": "warn" // start gently\n}\n`;

let dir: string;
let policyFile: string;
let logFile: string;
let reviewFile: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'consent-gate-decide-'));
  policyFile = join(dir, 'policy.jsonc');
  logFile = join(dir, 'decisions.jsonl');
  reviewFile = join(dir, 'review.json');
  await writeFile(policyFile, POLICY);
  await writeFile(reviewFile, webhookBody(submittedRecord()));
});

function decide(...args: string[]) {
  return runInProcess(['decide', reviewFile, '--policy', policyFile, '--today', '2026-12-08', ...args]);
}

async function logRecords(): Promise<DecisionRecord[]> {
  const parsed = parseDecisionLog(await readFile(logFile, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.records;
}

/** The offset and length of the value at `path` in JSONC text. */
function span(text: string, path: (string | number)[]): { start: number; end: number } {
  const node = findNodeAtLocation(parseTree(text)!, path);
  if (node === undefined) throw new Error(`nothing at ${path.join('.')}`);
  return { start: node.offset, end: node.offset + node.length };
}

async function expectNothingWritten(): Promise<void> {
  expect(await readFile(policyFile, 'utf8')).toBe(POLICY);
  expect(existsSync(logFile)).toBe(false);
}

describe('decide: a malformed review gives a clear error and nothing is written', () => {
  const good = webhookBody(submittedRecord());
  it.each([
    ['a file that is not JSON', '{"format": "consent-gate/review", "version": 1,', /is not a submitted review:\n {2}- The file is not JSON/],
    ['a consent-events payload', JSON.stringify({ format: 'consent-gate/events', version: 1, installationId: 'x', events: [] }), /format is "consent-gate\/events"/],
    ['a review from a newer extension', good.replace('"version":1', '"version":2'), /version 2 of consent-gate\/review/],
    ['a draft', webhookBody(submittedRecord({ status: 'draft' })), /only a submitted review can be decided/],
    ['a review without its client id', good.replace(`"clientId":"${CLIENT}",`, ''), /review\.prefill\.clientId/],
    ['answers that would not pass the questionnaire', webhookBody(submittedRecord({}, { backupOwner: 'Dana Ops', dataDeletion: 'Delete the account.' })), /review\.answers\.dataDeletion: Deleting the account is not[\s\S]*review\.answers\.backupOwner: The backup owner/],
  ])('%s', async (_name, text, message) => {
    await writeFile(reviewFile, text);
    const out = await decide('--decision', 'approve');
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(message);
    expect(out.stderr).toMatch(/Nothing was written\.\n$/);
    expect(out.stdout).toBe('');
    await expectNothingWritten();
  });

  it('a review file that does not exist', async () => {
    const out = await runInProcess(['decide', join(dir, 'missing.json'), '--policy', policyFile, '--decision', 'approve']);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/cannot read the review \(ENOENT/);
    await expectNothingWritten();
  });
});

describe('decide: each decision', () => {
  it.each([
    { decision: 'approve', args: [], change: 'approved', entry: { scopes: ['openid', CONTACTS], reviewBy: '2027-03-08' } },
    { decision: 'pilot', args: [], change: 'approved', entry: { kind: 'pilot', expiresOn: '2026-12-22', reviewBy: '2026-12-22' } },
    { decision: 'narrow', args: ['--scopes', `openid, ${CONTACTS}.readonly`], change: 'approved', entry: { scopes: ['openid', `${CONTACTS}.readonly`] } },
    { decision: 'decline', args: ['--block', '--reason', 'Keeps a copy of every contact.'], change: 'blocked', entry: { reason: 'Keeps a copy of every contact.' } },
  ])('$decision writes the policy, validates it and logs one record', async ({ decision, args, change, entry }) => {
    await writeFile(policyFile, EMPTY_POLICY);
    const out = await decide('--decision', decision, ...args);
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(new RegExp(`^Decided: ${decision} of Acme Webinars`));
    expect(out.stdout).toContain('--serial next');
    const text = await readFile(policyFile, 'utf8');
    // The new key follows the comment that belongs to the value before it; only a comma is added there.
    expect(text.startsWith('// No approvals yet.\n{\n  "enforcement": "warn", // start gently\n  "')).toBe(true);
    const parsed = parsePolicyText(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const list = change === 'approved' ? parsed.policy.approvedIntegrations : parsed.policy.blockedIntegrations;
    expect(list).toHaveLength(1);
    expect(list?.[0]).toMatchObject({ provider: 'google', clientId: CLIENT, ...entry });
    const [record] = await logRecords();
    expect(record).toMatchObject({ decision, review: { id: 'rev-42', requestedScopes: ['openid', CONTACTS] }, decidedBy: 'Sam CTO' });
  });

  it('reads the exported JSON as well as the webhook body', async () => {
    await writeFile(reviewFile, exportedJson(submittedRecord()));
    const out = await decide('--decision', 'pilot', '--log', join(dir, 'log', '..', 'decisions.jsonl'));
    expect(out.code).toBe(0);
    expect((await logRecords())[0]?.decision).toBe('pilot');
  });
});

describe('decide: updating an approval keeps everything outside it, byte for byte', () => {
  it('a scope change rewrites only the changed values of the entry and logs the difference', async () => {
    const out = await decide('--decision', 'approve', '--approved-by', 'Priya Raman', '--reason', 'Needs to write back signup status.');
    expect(out.code).toBe(0);
    expect(out.stdout).toContain(`Scopes added     ${CONTACTS}`);
    expect(out.stdout).toContain(`Scopes removed   ${CONTACTS}.readonly`);
    const text = await readFile(policyFile, 'utf8');
    const before = span(POLICY, ['approvedIntegrations', 1]);
    const after = span(text, ['approvedIntegrations', 1]);
    expect(text.slice(0, after.start)).toBe(POLICY.slice(0, before.start));
    expect(text.slice(after.end)).toBe(POLICY.slice(before.end));
    // Inside the entry, what the decision did not change keeps its comments too.
    const entry = text.slice(after.start, after.end);
    expect(entry).toContain('"name": "Acme Webinars", // as shown on the consent screen');
    expect(entry).toContain('"notes": "Read-only.", // the vendor promised\n');

    const [record] = await logRecords();
    expect(record).toMatchObject({ decidedBy: 'Priya Raman', reason: 'Needs to write back signup status.', approvalChange: 'updated', scopesAdded: [CONTACTS], scopesRemoved: [`${CONTACTS}.readonly`] });
    expect(record?.changes).toContainEqual({ field: 'owner', before: 'Old Owner', after: 'Dana Ops' });
  });

  it('a renewal of a narrowed approval moves the dates and logs only them', async () => {
    expect((await decide('--decision', 'narrow', '--scopes', `openid ${CONTACTS}.readonly`)).code).toBe(0);
    const first = await readFile(policyFile, 'utf8');
    await writeFile(reviewFile, webhookBody(submittedRecord({ id: 'rev-43' })));
    const renewal = await runInProcess(['decide', reviewFile, '--policy', policyFile, '--today', '2027-03-01', '--decision', 'narrow', '--scopes', `openid ${CONTACTS}.readonly`]);
    expect(renewal.code).toBe(0);
    const records = await logRecords();
    expect(records).toHaveLength(2);
    expect(records[1]?.changes).toEqual([
      { field: 'approvedOn', before: '2026-12-08', after: '2027-03-01' },
      { field: 'reviewBy', before: '2027-03-08', after: '2027-05-30' },
    ]);
    expect(records[1]?.scopesAdded).toBeUndefined();
    const second = await readFile(policyFile, 'utf8');
    expect(second).toBe(first.replace('"approvedOn": "2026-12-08"', '"approvedOn": "2027-03-01"').replace('"reviewBy": "2027-03-08"', '"reviewBy": "2027-05-30"'));
  });

  it('a new approval is one inserted span: every byte of the file is kept around it', async () => {
    await writeFile(reviewFile, webhookBody(submittedRecord({ prefill: { ...submittedRecord().prefill, clientId: '999-new.apps.googleusercontent.com', requestUrl: 'https://accounts.google.com/o/oauth2/v2/auth?client_id=999-new.apps.googleusercontent.com&scope=openid' } })));
    expect((await decide('--decision', 'approve')).code).toBe(0);
    const text = await readFile(policyFile, 'utf8');
    let prefix = 0;
    while (POLICY[prefix] === text[prefix]) prefix++;
    const suffix = POLICY.length - prefix;
    expect(text.slice(text.length - suffix)).toBe(POLICY.slice(prefix));
    expect(text.slice(prefix, text.length - suffix)).toMatch(/^,\n {4}\{\n {6}"name": "Acme Webinars",\n {6}"provider": "google",\n {6}"clientId": "999-new/);
  });

  it('a decline removes the approval; the entry before keeps its comment, the rest of the file its bytes', async () => {
    const out = await decide('--decision', 'decline', '--reason', 'The vendor keeps every contact forever.');
    expect(out.code).toBe(0);
    const text = await readFile(policyFile, 'utf8');
    const removed = span(POLICY, ['approvedIntegrations', 1]);
    const kept = span(POLICY, ['approvedIntegrations', 0]);
    expect(text).toBe(`${POLICY.slice(0, kept.end)} // one line on purpose\n  ${POLICY.slice(removed.end).trimStart()}`);
    const [record] = await logRecords();
    expect(record).toMatchObject({ decision: 'decline', approvalChange: 'removed', scopesRemoved: ['openid', `${CONTACTS}.readonly`], blockChange: 'none' });
  });

  it('keeps tabs and CRLF line endings in what it adds', async () => {
    await writeFile(policyFile, '{\r\n\t"approvedIntegrations": [\r\n\t\t{ "provider": "github", "clientId": "Iv1.a", "scopes": [] }\r\n\t]\r\n}\r\n');
    expect((await decide('--decision', 'approve')).code).toBe(0);
    const text = await readFile(policyFile, 'utf8');
    expect(text).toContain('\t\t{ "provider": "github", "clientId": "Iv1.a", "scopes": [] },\r\n\t\t{\r\n\t\t\t"name": "Acme Webinars",\r\n');
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
  });
});

describe('decide: refusals leave the files as they were', () => {
  it.each([
    ['a review date before the approval', ['--decision', 'approve', '--review-on', '2020-01-01'], /reviewBy[\s\S]*before the approval/],
    ['a decision link that is not http(s)', ['--decision', 'approve', '--decision-url', 'javascript:alert(1)'], /decisionUrl/],
    ['an expiry that is no calendar day', ['--decision', 'pilot', '--expires', '2026-02-30'], /expiresOn[\s\S]*not a real calendar day/],
  ])('a decision that would make the policy invalid: %s', async (_name, args, message) => {
    const out = await decide(...args);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(message);
    expect(out.stderr).toMatch(/would make the policy invalid/);
    await expectNothingWritten();
  });

  it('narrower scopes that were never requested', async () => {
    const out = await decide('--decision', 'narrow', '--scopes', 'openid https://mail.google.com/');
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/not requested: https:\/\/mail\.google\.com\//);
    await expectNothingWritten();
  });

  it('a policy that is already invalid', async () => {
    const broken = POLICY.replace('"Acme Corp"', '"Acme Corp", "colour": "red"');
    await writeFile(policyFile, broken);
    const out = await decide('--decision', 'approve');
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/Unknown key "colour"[\s\S]*fix it first/);
    expect(await readFile(policyFile, 'utf8')).toBe(broken);
    expect(existsSync(logFile)).toBe(false);
  });

  it('a damaged decision log, with the line to repair', async () => {
    await writeFile(logFile, '\n{"format":"consent-gate/decision"\n');
    const out = await decide('--decision', 'approve');
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/is damaged; repair these lines first:\n {2}- line 2: not JSON/);
    expect(await readFile(policyFile, 'utf8')).toBe(POLICY);
    expect(await readFile(logFile, 'utf8')).toBe('\n{"format":"consent-gate/decision"\n');
  });

  it.each([
    [['--decision', 'maybe'], /--decision approve\|pilot\|narrow\|decline/],
    [['--decision', 'narrow'], /narrow needs --scopes/],
    [['--decision', 'approve', '--scopes', 'openid'], /--scopes goes with narrow or pilot/],
    [['--decision', 'approve', '--block'], /--block goes with decline/],
    [['--decision', 'approve', '--today', '2026-13-01'], /--today/],
  ])('bad arguments %j', async (args, message) => {
    const out = await decide(...args);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(message);
    await expectNothingWritten();
  });
});

describe('decide: the same decision twice', () => {
  it('is reported and logged once; another outcome on the same review is a new decision', async () => {
    expect((await decide('--decision', 'pilot')).code).toBe(0);
    const policy = await readFile(policyFile, 'utf8');
    const log = await readFile(logFile, 'utf8');
    const again = await decide('--decision', 'pilot');
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^Already decided: pilot of Acme Webinars .* on 2026-12-08 by Sam CTO .*Nothing was written\.\n$/);
    expect(await readFile(policyFile, 'utf8')).toBe(policy);
    expect(await readFile(logFile, 'utf8')).toBe(log);

    expect((await decide('--decision', 'approve')).code).toBe(0);
    expect((await logRecords()).map((record) => record.decision)).toEqual(['pilot', 'approve']);
  });
});

describe('decide and sign: the next serial', () => {
  it('decide prints the serial after the signed config; sign --serial next uses it', async () => {
    const keys = join(dir, 'keys');
    await runInProcess(['keygen', '--out', keys]);
    const key = join(keys, 'consent-gate-signing.key');
    const signed = join(dir, 'signed.json');

    const first = await runInProcess(['sign', '--key', key, '--serial', 'next', '--out', signed, policyFile]);
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/as serial 1 \(the first config in that file\)/);

    const decided = await decide('--decision', 'pilot', '--signed', signed);
    expect(decided.stdout).toContain(`sign --key SIGNING_KEY --serial 2 --out ${signed} ${policyFile}`);
    expect(decided.stdout).toContain(`deploy --policy ${policyFile} --out DEPLOY_DIR`);

    const second = await runInProcess(['sign', '--key', key, '--serial', 'next', '--out', signed, policyFile]);
    expect(second.stderr).toMatch(/as serial 2 \(after serial 1\)/);
    const publicKey = await importPublicKey((await readFile(join(keys, 'consent-gate-signing.pub'), 'utf8')).trim());
    const verified = await verifySignedConfig(await readFile(signed, 'utf8'), publicKey, { now: new Date(), minSerial: 2 });
    expect(verified).toMatchObject({ ok: true, serial: 2 });
    if (verified.ok) expect(JSON.parse(verified.policyText).approvedIntegrations[1]).toMatchObject({ kind: 'pilot', clientId: CLIENT });
  });

  it('sign --serial next refuses without --out, and when the file there is not a signed config', async () => {
    const keys = join(dir, 'keys');
    await runInProcess(['keygen', '--out', keys]);
    const key = join(keys, 'consent-gate-signing.key');
    const noOut = await runInProcess(['sign', '--key', key, '--serial', 'next', policyFile]);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toMatch(/--serial next needs --out FILE/);
    const other = join(dir, 'other.json');
    await writeFile(other, '{"format":"something else"}');
    const damaged = await runInProcess(['sign', '--key', key, '--serial', 'next', '--out', other, policyFile]);
    expect(damaged.code).toBe(2);
    expect(damaged.stderr).toMatch(/is not a consent-gate\/signed-policy v1 envelope, so its serial is unknown/);
    expect(await readFile(other, 'utf8')).toBe('{"format":"something else"}');
  });
});

describe('decisions', () => {
  it('renders the log as Markdown and as JSON', async () => {
    await decide('--decision', 'pilot', '--reason', 'Five people, two weeks.');
    const markdown = await runInProcess(['decisions', logFile]);
    expect(markdown.code).toBe(0);
    expect(markdown.stdout).toMatch(/^# Integration decisions\n\n1 decision, newest first\.\n\n## 2026-12-08: Pilot approved: Acme Webinars\n/);
    expect(markdown.stdout).toContain('- **Reason:** Five people, two weeks\\.');
    const json = await runInProcess(['decisions', logFile, '--format', 'json']);
    expect(JSON.parse(json.stdout)).toEqual(await logRecords());
  });

  it('names the damaged line and prints nothing else', async () => {
    await decide('--decision', 'pilot');
    await writeFile(logFile, `${await readFile(logFile, 'utf8')}not a record\n`);
    const out = await runInProcess(['decisions', logFile, '--format', 'md']);
    expect(out.code).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(/line 2: not JSON/);
  });

  it('refuses an unknown format', async () => {
    expect((await runInProcess(['decisions', logFile, '--format', 'pdf'])).code).toBe(2);
  });
});
