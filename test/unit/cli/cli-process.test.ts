// @vitest-environment node
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CLI_ENTRY, REPOSITORY, jsonLines, runProcess } from './cli-harness';

const URL = 'https://login.microsoftonline.com/common/oauth2/v2.0/authorize?client_id=00000000-0000-0000-0000-000000000001&response_type=code&scope=User.Read%20Mail.Read';

describe('consent-gate as a process', { timeout: 60_000 }, () => {
  it('streams stdin to JSON Lines: every line, in order, CRLF and empty lines included', async () => {
    const lines = Array.from({ length: 5_000 }, (_, index) => (index % 1000 === 999 ? '' : `${URL}&state=${index}`));
    const outcome = await runProcess(['check'], `${lines.join('\r\n')}\r\n`);
    expect(outcome.stderr).toBe('');
    expect(outcome.code).toBe(0);
    const records = jsonLines(outcome.stdout);
    expect(records.map((record) => record.input)).toEqual(lines);
    expect(records[0]).toMatchObject({ isAuthorizationRequest: true, provider: 'microsoft', tenant: 'common', scopes: ['User.Read', 'Mail.Read'] });
    expect(records[999]).toMatchObject({ input: '', isAuthorizationRequest: false });
  });

  it('answers URL arguments', async () => {
    const outcome = await runProcess(['check', URL, 'https://example.com/']);
    expect(outcome.code).toBe(0);
    expect(jsonLines(outcome.stdout).map((record) => record.isAuthorizationRequest)).toEqual([true, false]);
  });

  it('exits 2 with a clear message on an unknown command or option', async () => {
    const command = await runProcess(['inspect', URL]);
    expect(command.code).toBe(2);
    expect(command.stderr).toContain('unknown command "inspect"');
    const option = await runProcess(['validate', '--strict', 'policy.json']);
    expect(option.code).toBe(2);
    expect(option.stderr).toContain('unknown option --strict');
  });

  it('explains a URL without colour in a pipe, even with FORCE_COLOR', async () => {
    const outcome = await runProcess(['explain', URL], '', { FORCE_COLOR: '1' });
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toContain('Mail.Read');
    expect(outcome.stdout).not.toContain('\u001b[');
  });

  it('stops quietly when the reader closes the pipe early (like `| head -1`)', async () => {
    const child = spawn(process.execPath, [CLI_ENTRY, 'check'], { cwd: REPOSITORY, stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // Our own end of stdin breaks too once the CLI is gone; that is expected here.
    child.stdin.on('error', () => undefined);
    const firstLine = new Promise<string>((resolve) => {
      let text = '';
      child.stdout.on('data', (chunk: Buffer) => {
        text += chunk.toString();
        const newline = text.indexOf('\n');
        if (newline !== -1) {
          child.stdout.destroy();
          resolve(text.slice(0, newline));
        }
      });
    });
    const lines = `${URL}\n`.repeat(200_000);
    child.stdin.end(lines);
    expect(JSON.parse(await firstLine)).toMatchObject({ input: URL });
    const code = await new Promise<number | null>((resolve) => child.on('close', (exitCode) => resolve(exitCode)));
    expect(code).toBe(0);
    expect(stderr).toBe('');
  });
});
