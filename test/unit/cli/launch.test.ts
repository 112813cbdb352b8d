import { readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPOSITORY, runProcess } from './cli-harness';

// `npm run cli` starts a bundle of the CLI that the launcher rebuilds whenever a source changed: an admin who edits
// the policy code and runs the CLI must never be judged by the old code.
const INPUTS = join(REPOSITORY, 'node_modules/.cache/consent-gate-cli/inputs.json');
const SOURCE = 'lib/evaluation.ts';

function recordedInputs(): Record<string, string> {
  return JSON.parse(readFileSync(INPUTS, 'utf8')) as Record<string, string>;
}

async function checkOnce(): Promise<void> {
  const outcome = await runProcess(['check', 'https://example.com/']);
  expect(outcome.stderr).toBe('');
  expect(outcome.code).toBe(0);
  expect(JSON.parse(outcome.stdout)).toMatchObject({ input: 'https://example.com/', isAuthorizationRequest: false });
}

describe('the CLI launcher', () => {
  it('records every source of the bundle, the engine in lib/ included', async () => {
    await checkOnce();
    const inputs = recordedInputs();
    for (const file of ['scripts/cli/main.ts', 'scripts/cli/launch.mjs', 'lib/parse-authorization-url.ts', 'lib/engine/evaluate-request.ts', SOURCE, 'package-lock.json']) {
      expect(Object.keys(inputs)).toContain(file);
    }
  }, 60_000);

  it('rebuilds when a source changed since the bundle was built', async () => {
    await checkOnce();
    const file = join(REPOSITORY, SOURCE);
    const { atime, mtime } = statSync(file);
    const later = new Date(Math.max(Date.now(), mtime.getTime()) + 5_000);
    try {
      utimesSync(file, atime, later);
      await checkOnce();
      expect(recordedInputs()[SOURCE]).toBe(`${statSync(file).size}:${statSync(file).mtimeMs}`);
    } finally {
      utimesSync(file, atime, mtime);
    }
  }, 60_000);

  it('rebuilds a bundle that an older launcher built (its build options may differ)', async () => {
    await checkOnce();
    const { ['scripts/cli/launch.mjs']: _launcher, ...older } = recordedInputs();
    writeFileSync(INPUTS, JSON.stringify(older));
    await checkOnce();
    expect(Object.keys(recordedInputs())).toContain('scripts/cli/launch.mjs');
  }, 60_000);

  it('rebuilds when its record of the inputs is unreadable', async () => {
    await checkOnce();
    writeFileSync(INPUTS, '{ not json');
    await checkOnce();
    expect(Object.keys(recordedInputs()).length).toBeGreaterThan(50);
  }, 60_000);
});
