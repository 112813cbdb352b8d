import { PassThrough, Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { PROVIDER_IDS, type ProviderId } from '../../../lib/authorization-request';
import { reportScope } from '../../../lib/scopes/scope-report';
import type { CliIo } from '../../../scripts/cli/command';
import { runCli } from '../../../scripts/cli/run-cli';
import { jsonLines, runInProcess, runProcess } from './cli-harness';

const FIELDS = ['provider', 'scope', 'source', 'access', 'dataClasses', 'breadth', 'labels', 'risk', 'description', 'grantsOfflineAccess', 'guessReason'];

type Row = { provider: ProviderId; scope: string; source: 'catalog' | 'guess'; expect: Record<string, unknown> };

const ROWS: Row[] = [
  { provider: 'google', scope: 'https://www.googleapis.com/auth/gmail.readonly', source: 'catalog', expect: { access: ['read'], dataClasses: ['communications'], labels: ['google-restricted'] } },
  { provider: 'google', scope: 'gmail.readonly', source: 'catalog', expect: { access: ['read'], labels: ['google-restricted'] } },
  { provider: 'google', scope: 'openid', source: 'catalog', expect: { access: ['identity'], risk: 'low' } },
  { provider: 'google', scope: 'https://www.googleapis.com/auth/frobnicate.write', source: 'guess', expect: { labels: [] } },
  { provider: 'microsoft', scope: 'https://graph.microsoft.com/Mail.ReadWrite', source: 'catalog', expect: { dataClasses: ['communications'], breadth: 'own' } },
  { provider: 'microsoft', scope: 'Directory.ReadWrite.All', source: 'catalog', expect: { breadth: 'organization', labels: ['microsoft-admin-consent'], risk: 'critical' } },
  { provider: 'microsoft', scope: 'offline_access', source: 'catalog', expect: { grantsOfflineAccess: true } },
  { provider: 'microsoft', scope: 'Widget.ReadWrite.All', source: 'guess', expect: { breadth: 'organization' } },
  { provider: 'github', scope: 'admin:org', source: 'catalog', expect: { risk: 'critical' } },
  { provider: 'github', scope: 'frob:write', source: 'guess', expect: { breadth: 'unknown' } },
  { provider: 'slack', scope: 'channels:read', source: 'catalog', expect: { access: ['read'] } },
  { provider: 'slack', scope: 'admin.frobs:write', source: 'guess', expect: { breadth: 'organization' } },
  { provider: 'salesforce', scope: 'refresh_token', source: 'catalog', expect: { grantsOfflineAccess: true, risk: 'low' } },
  { provider: 'okta', scope: 'okta.users.manage', source: 'catalog', expect: { breadth: 'organization' } },
  { provider: 'generic', scope: 'frobnicate', source: 'guess', expect: { breadth: 'unknown' } },
];

describe('scopes (JSON Lines)', () => {
  it.each(ROWS)('$provider $scope: $source', async ({ provider, scope, source, expect: fields }) => {
    const outcome = await runInProcess(['scopes', '--provider', provider, scope]);
    expect(outcome.code).toBe(0);
    expect(outcome.stderr).toBe('');
    const [record, ...rest] = jsonLines(outcome.stdout);
    expect(rest).toEqual([]);
    expect(Object.keys(record ?? {})).toEqual(FIELDS);
    expect(record).toMatchObject({ provider, scope, source, ...fields });
    // The command adds nothing of its own: it prints what the library concludes.
    expect(record).toEqual(JSON.parse(JSON.stringify(reportScope(provider, scope))));
    if (source === 'guess') expect(record?.description).toContain('Unknown permission');
  });

  it('answers several arguments in order, for one provider', async () => {
    const scopes = ['repo', 'read:user', 'frob:write', 'delete_repo'];
    const outcome = await runInProcess(['scopes', '-p', 'github', ...scopes]);
    expect(outcome.code).toBe(0);
    const records = jsonLines(outcome.stdout);
    expect(records.map((record) => record.scope)).toEqual(scopes);
    expect(records.map((record) => record.source)).toEqual(['catalog', 'catalog', 'guess', 'catalog']);
    expect(new Set(records.map((record) => record.provider))).toEqual(new Set(['github']));
  });

  it.each([
    { name: 'LF', stdin: 'Mail.Read\nUser.Read\n', scopes: ['Mail.Read', 'User.Read'] },
    { name: 'CRLF', stdin: 'Mail.Read\r\nUser.Read\r\n', scopes: ['Mail.Read', 'User.Read'] },
    { name: 'empty lines skipped', stdin: '\nMail.Read\n\n\r\n   \nUser.Read\n\n', scopes: ['Mail.Read', 'User.Read'] },
    { name: 'spaces around a scope', stdin: '  Mail.Read\t\n https://graph.microsoft.com/User.Read \n', scopes: ['Mail.Read', 'https://graph.microsoft.com/User.Read'] },
    { name: 'no final newline', stdin: 'Mail.Read\nUser.Read', scopes: ['Mail.Read', 'User.Read'] },
    { name: 'only newlines', stdin: '\n\n', scopes: [] },
    { name: 'nothing', stdin: '', scopes: [] },
  ])('reads stdin one scope per line ($name)', async ({ stdin, scopes }) => {
    const outcome = await runInProcess(['scopes', '--provider', 'microsoft'], { stdin });
    expect(outcome.code).toBe(0);
    expect(outcome.stderr).toBe('');
    const records = jsonLines(outcome.stdout);
    expect(records.map((record) => record.scope)).toEqual(scopes);
    expect(records.every((record) => record.source === 'catalog')).toBe(true);
  });

  it('skips empty arguments as it skips empty lines', async () => {
    const outcome = await runInProcess(['scopes', '--provider', 'slack', '', 'chat:write', ' ']);
    expect(jsonLines(outcome.stdout).map((record) => record.scope)).toEqual(['chat:write']);
  });

  it('takes the provider id in any case', async () => {
    const outcome = await runInProcess(['scopes', '--provider=Google', 'openid']);
    expect(outcome.code).toBe(0);
    expect(jsonLines(outcome.stdout)[0]).toMatchObject({ provider: 'google', source: 'catalog' });
  });

  it('does not classify a line too long to be a scope from its beginning: exit 1, the rest still answered', async () => {
    const stdin = `Mail.Read\n${'Mail.Read'.repeat(500_000)}\nUser.Read\n`;
    const outcome = await runInProcess(['scopes', '--provider', 'microsoft'], { stdin });
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toContain('input 2 is 4500000 characters long');
    expect(jsonLines(outcome.stdout).map((record) => record.scope)).toEqual(['Mail.Read', 'User.Read']);
  });

  it('keeps terminal escapes in a scope as JSON escapes, never raw', async () => {
    const outcome = await runInProcess(['scopes', '--provider', 'generic', 'evil\u001b[2Jscope']);
    expect(outcome.stdout).not.toContain('\u001b');
    expect(jsonLines(outcome.stdout)[0]?.scope).toBe('evil\u001b[2Jscope');
  });

  it('stops reading stdin while stdout is full', async () => {
    let chunksPulled = 0;
    const stdin = Readable.from(
      (function* () {
        for (; chunksPulled < 10_000; chunksPulled++) yield Buffer.from('https://www.googleapis.com/auth/gmail.readonly\n'.repeat(50));
      })(),
    );
    // A reader that never reads: every write stays pending, so the stream reports it is full.
    const stdout = new Writable({ highWaterMark: 16 * 1024, write: () => undefined });
    const io: CliIo = { stdin, stdout, stderr: new PassThrough(), env: {}, stdoutIsTty: false, stdinIsTty: false, columns: undefined };
    void runCli(['scopes', '--provider', 'google'], io);
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Without backpressure all 10,000 chunks (500,000 scopes) would be read and classified into memory.
    expect(chunksPulled).toBeLessThan(200);
    stdin.destroy();
  });
});

describe('scopes --human', () => {
  const SCOPES = ['https://www.googleapis.com/auth/gmail.readonly', 'openid', 'offline_access', 'https://www.googleapis.com/auth/frobnicate.write'];

  it('prints a table: every scope with its source, risk, breadth, access, data and meaning', async () => {
    const outcome = await runInProcess(['scopes', '--provider', 'google', '--human', ...SCOPES]);
    expect(outcome.code).toBe(0);
    const lines = outcome.stdout.split('\n');
    expect(lines[0]).toBe('Scopes of google: 4 scopes, 1 not in the catalog (guessed)');
    expect(lines[1]).toMatch(/^ {2}SCOPE +SOURCE +RISK +BREADTH +ACCESS +OFFLINE +DATA$/);
    expect(outcome.stdout).toMatch(/gmail\.readonly +catalog +high +own +read +no +communications/);
    expect(outcome.stdout).toContain('Read all your email and your Gmail settings. Provider label: Google restricted.');
    expect(outcome.stdout).toMatch(/openid +catalog +low +own +identity +no +-/);
    expect(outcome.stdout).toMatch(/offline_access +catalog +low +own +identity +yes +-/);
    expect(outcome.stdout).toMatch(/frobnicate\.write +guess +high +unknown +read, write +no +internal/);
    expect(outcome.stdout).toContain('Guess: Unknown permission');
    expect(outcome.stdout).toContain('(Not in the google scope catalog; guessed because');
  });

  it('reads stdin, then prints one table', async () => {
    const outcome = await runInProcess(['scopes', '--provider', 'slack', '--human'], { stdin: 'chat:write\n\nadmin.frobs:write\n' });
    expect(outcome.code).toBe(0);
    expect(outcome.stdout.split('\n')[0]).toBe('Scopes of slack: 2 scopes, 1 not in the catalog (guessed)');
    expect(outcome.stdout).toMatch(/chat:write +catalog +high/);
    expect(outcome.stdout).toMatch(/admin\.frobs:write +guess +critical +organization/);
  });

  it('says so when no scope was given', async () => {
    const outcome = await runInProcess(['scopes', '--provider', 'box', '--human'], { stdin: '\n' });
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toBe('Scopes of box: 0 scopes\n  None given.\n');
  });

  it('colours only a terminal without NO_COLOR, and fits the terminal', async () => {
    const argv = ['scopes', '--provider', 'microsoft', '--human', 'Mail.Read', 'https://graph.microsoft.com/DeviceManagementManagedDevices.PrivilegedOperations.All'];
    const plain = await runInProcess(argv);
    const terminal = await runInProcess(argv, { stdoutIsTty: true, columns: 100 });
    const noColour = await runInProcess(argv, { stdoutIsTty: true, columns: 100, env: { NO_COLOR: '1' } });
    expect(plain.stdout).not.toContain('\u001b[');
    expect(noColour.stdout).not.toContain('\u001b[');
    expect(terminal.stdout).toContain('\u001b[');
    for (const line of noColour.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(100);
    for (const line of plain.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(120);
  });

  it('shows control and bidi characters of a scope as visible escapes', async () => {
    const outcome = await runInProcess(['scopes', '--provider', 'generic', '--human', 'evil\u001b[2J\u202escope']);
    expect(outcome.stdout).not.toContain('\u001b');
    expect(outcome.stdout).not.toContain('\u202e');
    expect(outcome.stdout).toContain('\\u001b[2J\\u202escope');
  });
});

describe('scopes usage errors', () => {
  it.each([
    { argv: ['scopes', 'repo'], error: '--provider is required (one of: google, microsoft, github' },
    { argv: ['scopes', '--provider'], error: '--provider needs a value (PROVIDER)' },
    { argv: ['scopes', '--provider', 'googel', 'openid'], error: 'unknown provider "googel" (providers: google, microsoft, github' },
    { argv: ['scopes', '--provider', '', 'openid'], error: 'unknown provider ""' },
    { argv: ['scopes', '--provider', 'github', '--verbose', 'repo'], error: 'unknown option --verbose' },
    { argv: ['scopes', '--human=yes', '--provider', 'github'], error: '--human takes no value' },
  ])('refuses $argv with exit 2 and prints nothing on stdout', async ({ argv, error }) => {
    const outcome = await runInProcess(argv, { stdin: 'repo\n' });
    expect(outcome.code).toBe(2);
    expect(outcome.stdout).toBe('');
    expect(outcome.stderr).toContain(error);
    expect(outcome.stderr).toContain('Run "npm run --silent cli -- scopes --help" for usage.');
  });

  it('lists every provider id in the unknown-provider error and in --help', async () => {
    const error = await runInProcess(['scopes', '--provider', 'nope', 'x']);
    const help = await runInProcess(['scopes', '--help']);
    expect(help.code).toBe(0);
    for (const id of PROVIDER_IDS) {
      expect(error.stderr).toContain(id);
      expect(help.stdout).toContain(id);
    }
    for (const field of FIELDS) expect(help.stdout).toContain(field);
  });
});

describe('scopes as a process', { timeout: 60_000 }, () => {
  it('streams stdin to JSON Lines', async () => {
    const outcome = await runProcess(['scopes', '--provider', 'microsoft'], 'Mail.Read\r\n\r\nWidget.ReadWrite.All\r\n');
    expect(outcome.stderr).toBe('');
    expect(outcome.code).toBe(0);
    expect(jsonLines(outcome.stdout).map((record) => [record.scope, record.source])).toEqual([
      ['Mail.Read', 'catalog'],
      ['Widget.ReadWrite.All', 'guess'],
    ]);
  });
});
