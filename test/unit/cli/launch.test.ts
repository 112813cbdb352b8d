import { readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPOSITORY, runProcess } from './cli-harness';

// `npm run cli` starts a bundle of the CLI that the launcher rebuilds whenever a source changed: an admin who edits
// the policy code and runs the CLI must never be judged by the old code.
const INPUTS = join(REPOSITORY, 'node_modules/.cache/consent-gate-cli/inputs.json');
const SOURCE = 'lib/evaluation.ts';

/** The launcher's fingerprint of a file: size, modification time, change time and inode (scripts/cli/launch.mjs). */
function fingerprintOf(file: string): string {
  const stat = statSync(file);
  return `${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}:${stat.ino}`;
}

/** When the launcher last wrote its record: it writes it only after a rebuild. */
function recordWrittenAt(): number {
  return statSync(INPUTS).mtimeMs;
}

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
    const recorded = recordedInputs()[SOURCE];
    const before = recordWrittenAt();
    try {
      utimesSync(file, atime, later);
      await checkOnce();
      expect(recordWrittenAt()).toBeGreaterThan(before);
      // Changed just before this build: recorded as it is now, or as unknown so that the next run builds again.
      expect([fingerprintOf(file), 'changed-during-build']).toContain(recordedInputs()[SOURCE]);
      expect(recordedInputs()[SOURCE]).not.toBe(recorded);
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

  // What decides how the bundle is built is as much an input as the sources: the launcher's own build options,
  // the TypeScript settings esbuild reads, the package's module type.
  it('records the files that shape the build besides the sources', async () => {
    await checkOnce();
    for (const file of ['scripts/cli/launch.mjs', 'tsconfig.json', 'package.json']) expect(Object.keys(recordedInputs())).toContain(file);
  }, 60_000);

  // cp -p, tar and rsync -t put back the old modification time; an edit of the same length then looks unchanged by
  // size and mtime alone. The change time cannot be set back.
  it('rebuilds when a source changed but kept its size and modification time', async () => {
    await checkOnce();
    const file = join(REPOSITORY, SOURCE);
    const original = readFileSync(file, 'utf8');
    const { atime, mtime } = statSync(file);
    const before = recordWrittenAt();
    try {
      writeFileSync(file, original.replace('/**', '/*-'));
      utimesSync(file, atime, mtime);
      expect(statSync(file).size).toBe(Buffer.byteLength(original));
      await checkOnce();
      expect(recordWrittenAt()).toBeGreaterThan(before);
    } finally {
      writeFileSync(file, original);
      utimesSync(file, atime, mtime);
    }
  }, 60_000);

  // A new file can change what an import resolves to (`./x` finds `x.tsx` before `x.ts`, `x/index.ts` beside `x.ts`)
  // without any recorded input changing; the folders the sources live in do change.
  it('rebuilds when a file appears beside a source', async () => {
    await checkOnce();
    const added = join(REPOSITORY, 'lib/launch-test-added-file.ts');
    const before = recordWrittenAt();
    try {
      writeFileSync(added, 'export {};\n');
      await checkOnce();
      expect(recordWrittenAt()).toBeGreaterThan(before);
    } finally {
      rmSync(added, { force: true });
    }
    await checkOnce();
  }, 60_000);

  it('rebuilds when its record of the inputs is unreadable', async () => {
    await checkOnce();
    writeFileSync(INPUTS, '{ not json');
    await checkOnce();
    expect(Object.keys(recordedInputs()).length).toBeGreaterThan(50);
  }, 60_000);
});
