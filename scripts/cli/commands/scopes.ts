/**
 * `scopes --provider PROVIDER [SCOPE ...]`: what each scope allows, as the extension judges it, one JSON object
 * per scope (JSON Lines) or a table with `--human`. Answers the admin's question "what does this scope allow?"
 * before anyone meets it on a consent screen. With no scope arguments it reads stdin, one scope per line,
 * streamed like `check`.
 */
import { PROVIDER_IDS, type ProviderId } from '../../../lib/authorization-request';
import { reportScope, type ScopeReport } from '../../../lib/scopes/scope-report';
import { PROGRAM, EXIT_FAILURE, EXIT_OK, type CliIo, type Command, readArguments, usageError } from '../command';
import { LineSplitter, type SplitLine } from '../line-splitter';
import { OutputWriter } from '../output-writer';
import { optionValue } from '../parse-arguments';
import { renderScopeTable } from '../render-scope-table';
import { createTerminalStyle, shouldUseColour } from '../terminal-style';

const OPTIONS = [
  { name: 'provider', short: 'p', valueName: 'PROVIDER', description: `Whose scopes these are: ${PROVIDER_IDS.join(', ')}.` },
  { name: 'human', description: 'Print a table for people instead of JSON.' },
  { name: 'help', short: 'h', description: 'Show this help.' },
] as const;

const DETAILS = `Prints one JSON object per scope (JSON Lines) with the fields provider, scope,
source (catalog: a known scope; guess: inferred from its name), access, dataClasses,
breadth, labels (the provider's own: google-sensitive, google-restricted,
microsoft-admin-consent), risk (of the scope on its own), description,
grantsOfflineAccess and guessReason (why a guess came out as it did; null for catalog).

With scope arguments, answers each. Without, reads stdin, one scope per line, in order;
surrounding spaces are ignored and empty lines skipped. --human reads all scopes first,
then prints one table. Microsoft scopes may carry their resource
(https://graph.microsoft.com/Mail.Read); Google scopes may be short (gmail.readonly).

Exit status: 0 done, 1 an input line too long to be a scope, 2 bad usage.`;

/** Text wider than this is hard to read even on a wide terminal; pipes and files get it too. */
const MAX_WIDTH = 120;

export const scopesCommand: Command = {
  name: 'scopes',
  summary: 'Show what scopes allow: access, data, breadth, provider label, risk, one JSON line per scope.',
  usage: `${PROGRAM} scopes --provider PROVIDER [--human] [SCOPE ...]`,
  options: OPTIONS,
  async run(argv, io) {
    const args = readArguments(scopesCommand, argv, io, DETAILS);
    if (typeof args === 'number') return args;

    const given = optionValue(args, 'provider');
    if (given === undefined) return usageError(io, 'scopes', `--provider is required (one of: ${PROVIDER_IDS.join(', ')})`);
    const provider = PROVIDER_IDS.find((id) => id === given.trim().toLowerCase());
    if (provider === undefined) return usageError(io, 'scopes', `unknown provider "${given}" (providers: ${PROVIDER_IDS.join(', ')})`);

    if (args.options.has('human')) return printTable(provider, args.positionals, io);
    return printJsonLines(provider, args.positionals, io);
  },
};

/** Receives the input lines in order, a batch at a time; resolves false when one could not be answered. */
type Sink = (lines: readonly SplitLine[]) => Promise<boolean>;

/** Feeds the arguments, or else stdin line by line, to the sink; resolves false when any batch failed. */
async function feedInputs(positionals: readonly string[], io: CliIo, sink: Sink): Promise<boolean> {
  if (positionals.length > 0) return sink(positionals);
  if (io.stdinIsTty) io.stderr.write('Reading scopes from the terminal, one per line; end with Ctrl-D.\n');
  io.stdin.setEncoding('utf8');
  const splitter = new LineSplitter();
  let allAnswered = true;
  for await (const chunk of io.stdin) allAnswered = (await sink(splitter.push(chunk as string))) && allAnswered;
  return (await sink(splitter.end())) && allAnswered;
}

/**
 * Turns input lines into reports: spaces around a line are dropped (a scope token has none, RFC 6749 section 3.3)
 * and empty lines skipped. A line too long to keep is not classified from its beginning, which would describe a
 * different scope; it is reported on stderr and the run ends with exit 1.
 */
function createReader(provider: ProviderId, io: CliIo): (lines: readonly SplitLine[]) => { reports: ScopeReport[]; ok: boolean } {
  let lineNumber = 0;
  return (lines) => {
    const reports: ScopeReport[] = [];
    let ok = true;
    for (const line of lines) {
      lineNumber++;
      if (typeof line !== 'string') {
        io.stderr.write(`consent-gate scopes: input ${lineNumber} is ${line.length} characters long, more than any browser accepts in a URL; not classified.\n`);
        ok = false;
        continue;
      }
      const scope = line.trim();
      if (scope !== '') reports.push(reportScope(provider, scope));
    }
    return { reports, ok };
  };
}

async function printJsonLines(provider: ProviderId, positionals: readonly string[], io: CliIo): Promise<number> {
  const writer = new OutputWriter(io.stdout);
  const read = createReader(provider, io);
  const answered = await feedInputs(positionals, io, async (lines) => {
    const { reports, ok } = read(lines);
    for (const report of reports) {
      const waiting = writer.write(`${JSON.stringify(report)}\n`);
      if (waiting !== undefined) await waiting;
    }
    return ok;
  });
  await writer.flush();
  return answered ? EXIT_OK : EXIT_FAILURE;
}

async function printTable(provider: ProviderId, positionals: readonly string[], io: CliIo): Promise<number> {
  const read = createReader(provider, io);
  const all: ScopeReport[] = [];
  const answered = await feedInputs(positionals, io, (lines) => {
    const { reports, ok } = read(lines);
    for (const report of reports) all.push(report);
    return Promise.resolve(ok);
  });
  const style = createTerminalStyle(shouldUseColour(io.stdoutIsTty, io.env));
  const width = Math.min(MAX_WIDTH, io.columns ?? MAX_WIDTH);
  io.stdout.write(renderScopeTable(provider, all, { style, width }));
  return answered ? EXIT_OK : EXIT_FAILURE;
}
