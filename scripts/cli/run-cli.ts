/** Picks the command named first on the command line; commands live in scripts/cli/commands/, one per file. */
import { EXIT_OK, EXIT_USAGE, PROGRAM, type CliIo, type Command } from './command';
import { checkCommand } from './commands/check';
import { decideCommand } from './commands/decide';
import { decisionsCommand } from './commands/decisions';
import { deployCommand } from './commands/deploy';
import { explainCommand } from './commands/explain';
import { inventoryCommand } from './commands/inventory';
import { keygenCommand } from './commands/keygen';
import { recheckCommand } from './commands/recheck';
import { scopesCommand } from './commands/scopes';
import { signCommand } from './commands/sign';
import { validateCommand } from './commands/validate';

export const COMMANDS: readonly Command[] = [
  checkCommand,
  explainCommand,
  scopesCommand,
  validateCommand,
  decideCommand,
  decisionsCommand,
  inventoryCommand,
  recheckCommand,
  keygenCommand,
  signCommand,
  deployCommand,
];

export function generalHelp(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length));
  return [
    `Usage: ${PROGRAM} <command> [options]`,
    '',
    'Consent Gate judges OAuth authorization requests against your policy, signs remote configs and writes deployment files.',
    '',
    'Commands:',
    ...COMMANDS.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
    '',
    `Run "${PROGRAM} <command> --help" for the options of a command.`,
    '',
  ].join('\n');
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.stderr.write(generalHelp());
    return EXIT_USAGE;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(generalHelp());
    return EXIT_OK;
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (command === undefined) {
    const known = COMMANDS.map((candidate) => candidate.name).join(', ');
    io.stderr.write(`consent-gate: unknown ${name.startsWith('-') ? 'option' : 'command'} "${name}" (commands: ${known}).\nRun "${PROGRAM} --help" for usage.\n`);
    return EXIT_USAGE;
  }
  return command.run(rest, io);
}

