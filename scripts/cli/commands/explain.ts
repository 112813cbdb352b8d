/** `explain [--policy FILE] URL`: one request explained for people: scopes and their meaning, verdict, findings. */
import type { CompiledPolicy } from '../../../lib/policy/compiled-policy';
import { judgeInput } from '../check-input';
import { PROGRAM, EXIT_OK, EXIT_USAGE, type CliIo, type Command, readArguments, usageError } from '../command';
import { JUDGING_OPTIONS, resolveJudgingContext } from '../judging-context';
import { renderExplanation } from '../render-explanation';
import { createTerminalStyle, shouldUseColour } from '../terminal-style';

const OPTIONS = [
  ...JUDGING_OPTIONS,
  { name: 'help', short: 'h', description: 'Show this help.' },
] as const;

const DETAILS = `Shows the verdict and risk, what the request asks for, a table of the requested scopes
(access, data, breadth, the provider's label, meaning) and the findings. Scopes appear by
their short names (gmail.readonly, Mail.ReadWrite); \`check\` prints the exact strings as JSON. Colour only when
stdout is a terminal and NO_COLOR is not set. Quote the URL: shells treat & as a command end.`;

/** Text wider than this is hard to read even on a wide terminal; pipes and files get it too. */
const MAX_WIDTH = 120;

export const explainCommand: Command = {
  name: 'explain',
  summary: 'Explain one authorization URL for people: scopes and their meaning, verdict, risk, findings.',
  usage: `${PROGRAM} explain [--policy FILE] [--today YYYY-MM-DD] 'URL'`,
  options: OPTIONS,
  async run(argv, io) {
    const args = readArguments(explainCommand, argv, io, DETAILS);
    if (typeof args === 'number') return args;
    if (args.positionals.length !== 1) return usageError(io, 'explain', `expects exactly one URL, got ${args.positionals.length}`);

    const resolved = await resolveJudgingContext(args, io);
    if (!resolved.ok) return resolved.usage === undefined ? EXIT_USAGE : usageError(io, 'explain', resolved.usage);
    const { policy, now } = resolved.context;
    return runExplain(args.positionals[0] as string, policy, now, io);
  },
};

export async function runExplain(input: string, policy: CompiledPolicy, now: Date, io: CliIo): Promise<number> {
  const { parsed, evaluation } = judgeInput(input, policy, now);
  const style = createTerminalStyle(shouldUseColour(io.stdoutIsTty, io.env));
  const width = Math.min(MAX_WIDTH, io.columns ?? MAX_WIDTH);
  io.stdout.write(renderExplanation(input, parsed, evaluation, { style, width }));
  return EXIT_OK;
}

