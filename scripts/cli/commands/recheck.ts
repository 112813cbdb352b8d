/**
 * `recheck --policy FILE [--events FILE] [EVENTS...] [--today DATE] [--format md|csv|json]`: the periodic review
 * of the approved integrations, riskiest first, with what is due and, given events, what nobody used lately.
 */
import { AppInventory } from '../../../lib/inventory/app-inventory';
import { DEFAULT_UNUSED_DAYS, RECHECK_WINDOW_DAYS, recheckApprovals } from '../../../lib/inventory/recheck';
import { toIsoDate } from '../../../lib/policy/iso-date';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, PROGRAM, readArguments, usageError, type Command } from '../command';
import { loadPolicyFile, renderPolicyProblems } from '../load-policy';
import { OutputWriter } from '../output-writer';
import { optionValue } from '../parse-arguments';
import { parseToday } from '../parse-today';
import { formatProblem, readEventFiles } from '../read-event-files';
import { RECHECK_FORMATS, renderRecheckCsv, renderRecheckJson, renderRecheckMarkdown, type RecheckFormat, type RecheckReport } from '../render-recheck';
import { createTerminalStyle } from '../terminal-style';
import { escapeForTerminal } from '../terminal-text';

const OPTIONS = [
  { name: 'policy', valueName: 'FILE', description: 'The policy whose approved integrations to recheck (required).' },
  { name: 'events', valueName: 'FILE', description: 'Consent events to find approved apps nobody used lately (more files may follow as arguments).' },
  { name: 'today', valueName: 'YYYY-MM-DD', description: 'Judge dates as of this day (default: today).' },
  { name: 'unused-days', valueName: 'DAYS', description: `An approved app with no event in this many days is a candidate to remove (default ${DEFAULT_UNUSED_DAYS}).` },
  { name: 'format', valueName: 'FORMAT', description: 'md (default, ready to paste into a ticket), csv or json.' },
  { name: 'skip-malformed', description: 'Skip malformed events, report and count them, instead of stopping.' },
  { name: 'help', short: 'h', description: 'Show this help.' },
] as const;

const DETAILS = `Lists every approved integration, riskiest approved scopes first, then by the
soonest review date or expiry, with its owners and what is due: expired, expiring
within ${RECHECK_WINDOW_DAYS} days, review date passed or within ${RECHECK_WINDOW_DAYS} days, pilots and
exceptions without an expiry, approvals with no date at all. Given events (the
same files as \`inventory\` reads), it also names approved apps nobody used in the
last --unused-days days, or at all in the events given: candidates to remove.

Exit status: 0 done (whether or not something is due), 1 a file could not be read,
2 bad usage, an invalid policy or a malformed event.`;

export const recheckCommand: Command = {
  name: 'recheck',
  summary: 'Recheck approved integrations: risk, expiries, review dates, owners and apps nobody uses.',
  usage: `${PROGRAM} recheck --policy FILE [--events FILE] [EVENTS...] [--today YYYY-MM-DD] [--format md|csv|json]`,
  options: OPTIONS,
  async run(argv, io) {
    const args = readArguments(recheckCommand, argv, io, DETAILS);
    if (typeof args === 'number') return args;
    const policyFile = optionValue(args, 'policy');
    if (policyFile === undefined) return usageError(io, 'recheck', '--policy FILE is required');
    const format = optionValue(args, 'format') ?? 'md';
    if (!(RECHECK_FORMATS as readonly string[]).includes(format)) return usageError(io, 'recheck', `--format must be one of ${RECHECK_FORMATS.join(', ')}, not "${format}"`);
    const todayText = optionValue(args, 'today');
    const now = todayText === undefined ? new Date() : parseToday(todayText);
    if (now === undefined) return usageError(io, 'recheck', `--today needs a real date as YYYY-MM-DD, not "${todayText}"`);
    const unusedText = optionValue(args, 'unused-days') ?? String(DEFAULT_UNUSED_DAYS);
    if (!/^\d{1,4}$/.test(unusedText) || Number(unusedText) < 1) return usageError(io, 'recheck', `--unused-days needs a whole number of days from 1, not "${unusedText}"`);

    const loaded = await loadPolicyFile(policyFile);
    if (!loaded.ok) {
      io.stderr.write(renderPolicyProblems(policyFile, loaded.problems, createTerminalStyle(false)));
      return EXIT_USAGE;
    }

    const eventsOption = optionValue(args, 'events');
    const eventFiles = [...(eventsOption === undefined ? [] : [eventsOption]), ...args.positionals];
    let apps;
    let events: RecheckReport['events'] = null;
    if (eventFiles.length > 0) {
      const inventory = new AppInventory();
      let from: string | null = null;
      let to: string | null = null;
      const outcome = await readEventFiles(eventFiles, { stdin: io.stdin, skipMalformed: args.options.has('skip-malformed') }, (event) => {
        inventory.add(event);
        if (from === null || event.at < from) from = event.at;
        if (to === null || event.at > to) to = event.at;
      });
      if (outcome.readError !== undefined) {
        io.stderr.write(`consent-gate recheck: ${escapeForTerminal(outcome.readError)}\n`);
        return EXIT_FAILURE;
      }
      for (const problem of outcome.problems) io.stderr.write(`consent-gate recheck: ${escapeForTerminal(formatProblem(problem))}\n`);
      if (!outcome.ok) {
        io.stderr.write('Nothing was printed. Fix or remove the event, or run again with --skip-malformed to skip and count such events.\n');
        return EXIT_USAGE;
      }
      apps = inventory.summarize(loaded.compiled);
      events = { count: inventory.totals().events, from, to, unusedDays: Number(unusedText) };
    }

    const today = toIsoDate(now);
    const report: RecheckReport = {
      today,
      windowDays: RECHECK_WINDOW_DAYS,
      events,
      items: recheckApprovals(loaded.policy, { today, apps, unusedDays: Number(unusedText) }),
    };
    const writer = new OutputWriter(io.stdout);
    const chosen = format as RecheckFormat;
    await writer.write(chosen === 'json' ? renderRecheckJson(report) : chosen === 'csv' ? renderRecheckCsv(report) : renderRecheckMarkdown(report));
    await writer.flush();
    return EXIT_OK;
  },
};
