/**
 * `check [--policy FILE] [URL ...]`: judges URLs and prints one JSON object per input (JSON Lines). With no URL
 * arguments it reads stdin line by line and answers every line in order, streaming: input is read one chunk at a
 * time and output waits whenever stdout is full, so memory stays flat for any number of lines.
 */
import type { CompiledPolicy } from '../../../lib/policy/compiled-policy';
import { CheckLineSerializer } from '../check-line-serializer';
import { PROGRAM, EXIT_FAILURE, EXIT_OK, EXIT_USAGE, type CliIo, type Command, readArguments, usageError } from '../command';
import { LineSplitter, type SplitLine } from '../line-splitter';
import { OutputWriter } from '../output-writer';
import { JUDGING_OPTIONS, resolveJudgingContext } from '../judging-context';
import { runExplain } from './explain';

const OPTIONS = [
  ...JUDGING_OPTIONS,
  { name: 'human', description: 'Explain one URL for people (same as `explain`) instead of printing JSON.' },
  { name: 'help', short: 'h', description: 'Show this help.' },
] as const;

const DETAILS = `Prints one JSON object per input (JSON Lines) with the fields input, isAuthorizationRequest,
provider, clientId, scopes, offlineAccess, redirectUri, responseType, prompt, tenant, pkce,
verdict, risk and findings. For an input that is not an authorization request,
isAuthorizationRequest is false, reason says why, the other single-value fields are null
and scopes and findings are empty lists.

With URL arguments, answers each. Without, reads stdin and answers every line in order,
empty lines included (CRLF line ends are fine). A line longer than 4 Mi characters, more
than any browser opens, is answered from its first 256 characters with a reason.

Exit status: 0 done, 1 the engine failed on an input, 2 bad usage or an invalid policy.`;

export const checkCommand: Command = {
  name: 'check',
  summary: 'Judge authorization URLs against a policy and print one JSON line per input.',
  usage: `${PROGRAM} check [--policy FILE] [--today YYYY-MM-DD] [--human] [URL ...]`,
  options: OPTIONS,
  async run(argv, io) {
    const args = readArguments(checkCommand, argv, io, DETAILS);
    if (typeof args === 'number') return args;

    const resolved = await resolveJudgingContext(args, io);
    if (!resolved.ok) return resolved.usage === undefined ? EXIT_USAGE : usageError(io, 'check', resolved.usage);
    const { policy, now } = resolved.context;

    if (args.options.has('human')) {
      if (args.positionals.length !== 1) return usageError(io, 'check', '--human explains exactly one URL');
      return runExplain(args.positionals[0] as string, policy, now, io);
    }
    if (args.positionals.length > 0) return answer(args.positionals, policy, now, io);
    return streamStdin(policy, now, io);
  },
};


/** Judges lines in order and writes their records; resolves false when the engine failed on one. */
type Judge = (lines: readonly SplitLine[]) => Promise<boolean>;

function createJudge(policy: CompiledPolicy, now: Date, io: CliIo, writer: OutputWriter): Judge {
  let lineNumber = 0;
  const serializer = new CheckLineSerializer(policy, now);
  return async (lines) => {
    for (const line of lines) {
      lineNumber++;
      let record: string;
      try {
        record = serializer.serialize(line);
      } catch (error) {
        // Fail closed: an input the engine cannot judge stops the run rather than being skipped or guessed at.
        await writer.flush();
        const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
        io.stderr.write(`consent-gate check: the engine failed on input ${lineNumber}: ${detail}\n`);
        return false;
      }
      const waiting = writer.write(`${record}\n`);
      if (waiting !== undefined) await waiting;
    }
    return true;
  };
}

async function answer(inputs: readonly string[], policy: CompiledPolicy, now: Date, io: CliIo): Promise<number> {
  const writer = new OutputWriter(io.stdout);
  const judged = await createJudge(policy, now, io, writer)(inputs);
  await writer.flush();
  return judged ? EXIT_OK : EXIT_FAILURE;
}

async function streamStdin(policy: CompiledPolicy, now: Date, io: CliIo): Promise<number> {
  if (io.stdinIsTty) io.stderr.write('Reading URLs from the terminal, one per line; end with Ctrl-D.\n');
  io.stdin.setEncoding('utf8');
  const splitter = new LineSplitter();
  const writer = new OutputWriter(io.stdout);
  const judge = createJudge(policy, now, io, writer);
  for await (const chunk of io.stdin) {
    if (!(await judge(splitter.push(chunk as string)))) return EXIT_FAILURE;
  }
  const judged = await judge(splitter.end());
  await writer.flush();
  return judged ? EXIT_OK : EXIT_FAILURE;
}
