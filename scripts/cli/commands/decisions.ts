/** `decisions FILE [--format md|json]`: the decision log that `decide` appends to, for people or for tools. */
import { readFile } from 'node:fs/promises';
import { parseDecisionLog } from '../../../lib/decisions/decision-record';
import { renderDecisionLogMarkdown } from '../../../lib/decisions/render-decision-log';
import { EXIT_OK, EXIT_USAGE, PROGRAM, type Command, readArguments, usageError } from '../command';
import { optionValue } from '../parse-arguments';
import { escapeForTerminal } from '../terminal-text';

const FORMATS = ['md', 'json'] as const;

const OPTIONS = [
  { name: 'format', valueName: 'FORMAT', description: 'md (Markdown, newest first; the default) or json (an array of the records).' },
  { name: 'help', short: 'h', description: 'Show this help.' },
] as const;

const DETAILS = `FILE is a decision log written by "decide" (decisions.jsonl, one record per line).
A line that is not a record is reported with its number, and nothing is printed.`;

export const decisionsCommand: Command = {
  name: 'decisions',
  summary: 'Show the decision log as Markdown or JSON.',
  usage: `${PROGRAM} decisions FILE [--format md|json]`,
  options: OPTIONS,
  async run(argv, io) {
    const parsed = readArguments(decisionsCommand, argv, io, DETAILS);
    if (typeof parsed === 'number') return parsed;
    if (parsed.positionals.length !== 1) return usageError(io, 'decisions', `expects exactly one log file, got ${parsed.positionals.length}`);
    const format = optionValue(parsed, 'format') ?? 'md';
    if (!(FORMATS as readonly string[]).includes(format)) return usageError(io, 'decisions', `--format takes ${FORMATS.join(' or ')}`);
    const file = parsed.positionals[0] as string;
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      io.stderr.write(`consent-gate decisions: cannot read ${escapeForTerminal(file)} (${(error as Error).message}).\n`);
      return EXIT_USAGE;
    }
    const log = parseDecisionLog(text);
    if (!log.ok) {
      io.stderr.write(`consent-gate decisions: ${escapeForTerminal(file)} is damaged:\n${log.errors.map((error) => `  - ${escapeForTerminal(error)}`).join('\n')}\n`);
      return EXIT_USAGE;
    }
    io.stdout.write(format === 'json' ? `${JSON.stringify(log.records, null, 2)}\n` : renderDecisionLogMarkdown(log.records));
    return EXIT_OK;
  },
};
