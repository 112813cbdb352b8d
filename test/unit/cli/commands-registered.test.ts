import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../scripts/cli/run-cli';
import { runInProcess } from './cli-harness';

const COMMAND_FILES = readdirSync(join(import.meta.dirname, '../../../scripts/cli/commands'))
  .filter((name) => name.endsWith('.ts'))
  .map((name) => name.slice(0, -'.ts'.length));

describe('CLI commands', () => {
  it('registers every file in scripts/cli/commands/ exactly once', () => {
    expect(COMMANDS.map((command) => command.name).sort()).toEqual([...COMMAND_FILES].sort());
  });

  it.each(COMMANDS.map((command) => [command.name, command] as const))('%s is described and has --help', async (name, command) => {
    expect(command.summary.length).toBeGreaterThan(10);
    expect(command.usage.startsWith(`npm run --silent cli -- ${name}`)).toBe(true);
    expect(command.options.some((option) => option.name === 'help')).toBe(true);
    const outcome = await runInProcess([name, '-h']);
    expect(outcome.code).toBe(0);
    for (const option of command.options) expect(outcome.stdout).toContain(`--${option.name}`);
  });
});
