/**
 * `inventory EVENTS... [--policy FILE] [--since DATE] [--format table|json|csv|md] [--draft FILE]`: what the fleet
 * actually connects to. Streams consent-event files in any of the extension's shapes into one row per app, judges
 * each against the policy and ranks them by risk, then reach.
 */
import { writeFile } from 'node:fs/promises';
import { AppInventory } from '../../../lib/inventory/app-inventory';
import { renderDraftApprovals } from '../../../lib/inventory/draft-approvals';
import type { CompiledPolicy } from '../../../lib/policy/compiled-policy';
import { toIsoDate } from '../../../lib/policy/iso-date';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, PROGRAM, readArguments, usageError, type Command } from '../command';
import { loadPolicyFile, renderPolicyProblems } from '../load-policy';
import { OutputWriter } from '../output-writer';
import { optionValue } from '../parse-arguments';
import { formatProblem, readEventFiles } from '../read-event-files';
import {
  INVENTORY_FORMATS,
  renderInventoryCsv,
  renderInventoryJson,
  renderInventoryMarkdown,
  renderInventoryTable,
  type InventoryFormat,
  type InventoryReport,
} from '../render-inventory';
import { createTerminalStyle, shouldUseColour } from '../terminal-style';
import { escapeForTerminal } from '../terminal-text';
import { errorMessage } from '../../../lib/error-message';

const OPTIONS = [
  { name: 'policy', valueName: 'FILE', description: 'Mark each app approved or not against this policy.' },
  { name: 'since', valueName: 'DATE', description: 'Count only events from this day (YYYY-MM-DD, UTC) or time (ISO 8601) on.' },
  { name: 'format', valueName: 'FORMAT', description: 'table (default at a terminal), json, csv or md (Markdown for a ticket).' },
  { name: 'draft', valueName: 'FILE', description: 'Also write draft approvals for the unapproved apps to this new JSONC file.' },
  { name: 'skip-malformed', description: 'Skip malformed events, report each with file and line, and count them, instead of stopping.' },
  { name: 'help', short: 'h', description: 'Show this help.' },
] as const;

const DETAILS = `EVENTS are files of consent events as the extension delivers them, in any mix:
webhook bodies one per line (JSON Lines, as a receiver appends them), the options
page's CSV export, or its JSON export. The shape is detected per file. "-" reads stdin.
Files are streamed; memory grows with the number of apps and people, not events.

One row per app (provider + client id + host): distinct people (installations),
first and last seen, verdicts, actions, the union of its scopes with their risk,
and whether the policy approves it. Riskiest first, then by people and events.
Exports carry no installation id: each export file counts as one person.

A malformed event stops the run with its file and line, and nothing is printed or
written: a partial inventory would understate what people connect to. With
--skip-malformed each one is reported on stderr and counted in the summary instead.

--draft never overwrites: it refuses a file that exists.

Exit status: 0 done, 1 a file could not be read or written, 2 bad usage, an invalid
policy or a malformed event.`;

const DATE_OR_TIME = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z)?$/;

export const inventoryCommand: Command = {
  name: 'inventory',
  summary: 'Turn the fleet\'s consent events into a list of apps in use, ranked by risk and reach.',
  usage: `${PROGRAM} inventory EVENTS... [--policy FILE] [--since DATE] [--format table|json|csv|md] [--draft FILE]`,
  options: OPTIONS,
  async run(argv, io) {
    const args = readArguments(inventoryCommand, argv, io, DETAILS);
    if (typeof args === 'number') return args;
    if (args.positionals.length === 0) return usageError(io, 'inventory', 'name at least one events file (or - for stdin)');

    const formatText = optionValue(args, 'format') ?? (io.stdoutIsTty ? 'table' : 'json');
    if (!(INVENTORY_FORMATS as readonly string[]).includes(formatText)) {
      return usageError(io, 'inventory', `--format must be one of ${INVENTORY_FORMATS.join(', ')}, not "${formatText}"`);
    }
    const format = formatText as InventoryFormat;
    const since = optionValue(args, 'since');
    if (since !== undefined && (!DATE_OR_TIME.test(since) || Number.isNaN(Date.parse(since)))) {
      return usageError(io, 'inventory', `--since needs a date (YYYY-MM-DD) or a UTC time (YYYY-MM-DDTHH:MM:SSZ), not "${since}"`);
    }

    let policy: CompiledPolicy | undefined;
    const policyFile = optionValue(args, 'policy');
    if (policyFile !== undefined) {
      const loaded = await loadPolicyFile(policyFile);
      if (!loaded.ok) {
        // Fail closed: no inventory against a policy that cannot be read, rather than marking everything unapproved.
        io.stderr.write(renderPolicyProblems(policyFile, loaded.problems, createTerminalStyle(false)));
        return EXIT_USAGE;
      }
      policy = loaded.compiled;
    }

    // Events carry times as toISOString writes them; a --since time in the same form compares correctly as text.
    const inventory = new AppInventory(since?.includes('T') === true ? new Date(since).toISOString() : since);
    const skipMalformed = args.options.has('skip-malformed');
    const outcome = await readEventFiles(args.positionals, { stdin: io.stdin, skipMalformed }, (event) => inventory.add(event));
    if (outcome.readError !== undefined) {
      io.stderr.write(`consent-gate inventory: ${escapeForTerminal(outcome.readError)}\n`);
      return EXIT_FAILURE;
    }
    for (const problem of outcome.problems) io.stderr.write(`consent-gate inventory: ${escapeForTerminal(formatProblem(problem))}\n`);
    if (!outcome.ok) {
      io.stderr.write('Nothing was printed or written. Fix or remove the event, or run again with --skip-malformed to skip and count such events.\n');
      return EXIT_USAGE;
    }
    if (outcome.skipped > outcome.problems.length) io.stderr.write(`consent-gate inventory: ... and ${outcome.skipped - outcome.problems.length} more malformed events.\n`);

    const report: InventoryReport = { since: since ?? null, totals: inventory.totals(), malformedSkipped: outcome.skipped, apps: inventory.summarize(policy) };

    const draftFile = optionValue(args, 'draft');
    if (draftFile !== undefined) {
      const text = renderDraftApprovals(report.apps, { today: toIsoDate(new Date()), sources: args.positionals });
      try {
        // `wx`: an existing file may hold an admin's edits; never replace it.
        await writeFile(draftFile, text, { flag: 'wx' });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        const reason = code === 'EEXIST' ? 'it exists; choose a new name or remove it first' : errorMessage(error);
        io.stderr.write(`consent-gate inventory: cannot write the drafts to ${escapeForTerminal(draftFile)}: ${reason}\n`);
        return EXIT_FAILURE;
      }
      const drafted = report.apps.filter((app) => app.approval === 'not-approved' || app.approval === 'no-policy').length;
      io.stderr.write(`Wrote ${drafted} draft approval${drafted === 1 ? '' : 's'} to ${escapeForTerminal(draftFile)}; nothing in it is approved until it is moved into the policy.\n`);
    }

    const writer = new OutputWriter(io.stdout);
    const rendered =
      format === 'json'
        ? renderInventoryJson(report)
        : format === 'csv'
          ? renderInventoryCsv(report)
          : format === 'md'
            ? renderInventoryMarkdown(report)
            : renderInventoryTable(report, { width: io.columns ?? 120, style: createTerminalStyle(shouldUseColour(io.stdoutIsTty, io.env)) });
    await writer.write(rendered);
    await writer.flush();
    return EXIT_OK;
  },
};
