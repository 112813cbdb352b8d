/** What every CLI command receives and returns, so commands run the same in the process and in tests. */
import type { Readable, Writable } from 'node:stream';
import { parseArguments, type OptionSpec, type ParsedArguments } from './parse-arguments';

export interface CliIo {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
  env: NodeJS.ProcessEnv;
  /** Whether stdout and stdin are terminals (colour, prompts). */
  stdoutIsTty: boolean;
  stdinIsTty: boolean;
  /** Terminal width, when stdout is one. */
  columns: number | undefined;
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  options: readonly OptionSpec[];
  /** Resolves to the exit code: 0 done, 1 failed while running, 2 bad usage or bad input files. */
  run(argv: readonly string[], io: CliIo): Promise<number>;
}

/** How the CLI is started from a checkout (package.json "cli" script); shown in usage lines. */
export const PROGRAM = 'npm run --silent cli --';

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** `--help` text of a command: usage, summary, options. */
export function helpText(command: Command, details = ''): string {
  return [
    `Usage: ${command.usage}`,
    '',
    command.summary,
    ...(details === '' ? [] : ['', details]),
    ...(command.options.length === 0 ? [] : ['', 'Options:', describeOptionLines(command)]),
    '',
  ].join('\n');
}

function describeOptionLines(command: Command): string {
  const labels = command.options.map((spec) => {
    const short = spec.short === undefined ? '    ' : `-${spec.short}, `;
    return `${short}--${spec.name}${spec.valueName === undefined ? '' : ` ${spec.valueName}`}`;
  });
  const width = Math.max(...labels.map((label) => label.length));
  return command.options.map((spec, index) => `  ${(labels[index] as string).padEnd(width)}  ${spec.description}`).join('\n');
}

/** Prints a usage problem the same way for every command and returns the usage exit code. */
export function usageError(io: CliIo, commandName: string, message: string): number {
  io.stderr.write(`consent-gate ${commandName}: ${message}\nRun "${PROGRAM} ${commandName} --help" for usage.\n`);
  return EXIT_USAGE;
}

/**
 * The command's arguments, or the exit code when there is nothing more to do: `--help` was printed (0) or the
 * arguments were wrong (2, with the reason on stderr).
 */
export function readArguments(command: Command, argv: readonly string[], io: CliIo, details = ''): ParsedArguments | number {
  const parsed = parseArguments(argv, command.options);
  if (!parsed.ok) return usageError(io, command.name, parsed.message);
  if (parsed.value.options.has('help')) {
    io.stdout.write(helpText(command, details));
    return EXIT_OK;
  }
  return parsed.value;
}
