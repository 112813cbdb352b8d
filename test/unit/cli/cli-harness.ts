/** Runs the CLI in this process with in-memory streams, or as a real process, and collects what it printed. */
import { expect } from 'vitest';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import type { CliIo } from '../../../scripts/cli/command';
import { runCli } from '../../../scripts/cli/run-cli';

export interface CliOutcome {
  code: number;
  stdout: string;
  stderr: string;
}

export const REPOSITORY = join(import.meta.dirname, '../../..');
/** What `npm run cli` runs: the launcher that starts the (re)built bundle of scripts/cli/main.ts. */
export const CLI_ENTRY = join(REPOSITORY, 'scripts/cli/launch.mjs');

export async function runInProcess(
  argv: readonly string[],
  options: { stdin?: string; stdoutIsTty?: boolean; env?: NodeJS.ProcessEnv; columns?: number } = {},
): Promise<CliOutcome> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: string[] = [];
  const err: string[] = [];
  stdout.on('data', (chunk: Buffer) => out.push(chunk.toString()));
  stderr.on('data', (chunk: Buffer) => err.push(chunk.toString()));
  const io: CliIo = {
    stdin: Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)]),
    stdout,
    stderr,
    env: options.env ?? {},
    stdoutIsTty: options.stdoutIsTty ?? false,
    stdinIsTty: false,
    columns: options.columns,
  };
  const code = await runCli(argv, io);
  return { code, stdout: out.join(''), stderr: err.join('') };
}

/** The CLI as admins run it: a Node process started the way `npm run cli` starts it, fed through a pipe. */
export function runProcess(argv: readonly string[], stdin = '', env: NodeJS.ProcessEnv = {}): Promise<CliOutcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI_ENTRY, ...argv], {
      cwd: REPOSITORY,
      env: { ...process.env, NO_COLOR: undefined, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() }));
    child.stdin.end(stdin);
  });
}

export function jsonLines(text: string): Record<string, unknown>[] {
  expect(text === '' || text.endsWith('\n')).toBe(true);
  return text
    .split('\n')
    .slice(0, -1)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}
