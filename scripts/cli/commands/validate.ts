/** `validate FILE`: checks a policy file and lists every problem with its JSON path and a fix. */
import type { Policy } from '../../../lib/policy/schema';
import { toIsoDate } from '../../../lib/policy/iso-date';
import { PROGRAM, EXIT_OK, EXIT_USAGE, type Command, readArguments, usageError } from '../command';
import { loadPolicyFile, renderPolicyProblems } from '../load-policy';
import { createTerminalStyle, shouldUseColour, type TerminalStyle } from '../terminal-style';
import { escapeForTerminal, wrapText } from '../terminal-text';
import { policyWarnings, type PolicyWarning } from '../../../lib/policy/policy-warnings';

const OPTIONS = [{ name: 'help', short: 'h', description: 'Show this help.' }] as const;

const DETAILS = `Prints every problem with its place in the file (JSON path, and line and column when
the text is not valid JSON) and how to fix it. Comments and trailing commas are allowed.

Also warns about approvals that match more widely than they may mean to (okta and auth0
without "host", gitlab without "host" matching gitlab.com only).

Exit status: 0 the policy is valid (a short summary follows), 2 it is not, the file
cannot be read, or an approval can never match (keycloak or generic without "host").`;

export const validateCommand: Command = {
  name: 'validate',
  summary: 'Check a policy file and explain every problem.',
  usage: `${PROGRAM} validate FILE`,
  options: OPTIONS,
  async run(argv, io) {
    const args = readArguments(validateCommand, argv, io, DETAILS);
    if (typeof args === 'number') return args;
    if (args.positionals.length !== 1) return usageError(io, 'validate', `expects exactly one policy file, got ${args.positionals.length}`);

    const file = args.positionals[0] as string;
    const style = createTerminalStyle(shouldUseColour(io.stdoutIsTty, io.env));
    const loaded = await loadPolicyFile(file);
    if (!loaded.ok) {
      io.stdout.write(renderPolicyProblems(file, loaded.problems, style));
      return EXIT_USAGE;
    }
    const warnings = policyWarnings(loaded.policy);
    const ineffective = warnings.filter((warning) => warning.level === 'ineffective').length;
    if (ineffective > 0) {
      // Schema-valid, and the extension loads it, but part of it silently does nothing: the admin must hear it.
      io.stdout.write(renderPolicyWarnings(file, warnings, style));
      return EXIT_USAGE;
    }
    io.stdout.write(summarizePolicy(file, loaded.policy, toIsoDate(new Date()), style));
    if (warnings.length > 0) io.stdout.write(`\n${renderPolicyWarnings(file, warnings, style)}`);
    return EXIT_OK;
  },
};

/** What a valid policy holds, in a few lines: counts, what needs attention soon, enforcement, changed rules. */
export function summarizePolicy(file: string, policy: Policy, today: string, style: TerminalStyle): string {
  const approved = policy.approvedIntegrations ?? [];
  const blocked = policy.blockedIntegrations ?? [];
  const expired = approved.filter((entry) => entry.expiresOn !== undefined && entry.expiresOn < today).length;
  const reviewDue = approved.filter((entry) => entry.reviewBy !== undefined && entry.reviewBy < today).length;
  const attention = [
    ...(expired > 0 ? [`${expired} expired`] : []),
    ...(reviewDue > 0 ? [`${reviewDue} past their review date`] : []),
  ];
  const changedRules = Object.entries(policy.rules ?? {})
    .filter(([, settings]) => settings !== undefined)
    .map(([id, settings]) => (settings?.action === undefined ? id : `${id}: ${settings.action}`));
  const rows: [string, string][] = [
    ['Approved integrations', `${approved.length}${attention.length > 0 ? ` (${attention.join(', ')} as of ${today})` : ''}`],
    ['Blocked integrations', String(blocked.length)],
    ['Enforcement', policy.enforcement ?? 'warn (the default)'],
    ['Rule settings', changedRules.length === 0 ? 'all defaults' : changedRules.join(', ')],
  ];
  const lines = [style.paint(`${escapeForTerminal(file)}: the policy is valid.`, 'green')];
  for (const [label, value] of rows) lines.push(`  ${label.padEnd(24)}${value}`);
  return `${lines.join('\n')}\n`;
}


/**
 * Warnings as numbered blocks like policy problems: path, what is wrong, the fix. Entries that can never match
 * come first under a red heading; advice follows under a yellow one.
 */
export function renderPolicyWarnings(file: string, warnings: readonly PolicyWarning[], style: TerminalStyle, width = 100): string {
  const ineffective = warnings.filter((warning) => warning.level === 'ineffective');
  const advice = warnings.filter((warning) => warning.level === 'advice');
  const lines: string[] = [];
  const block = (list: readonly PolicyWarning[], start: number) => {
    list.forEach((warning, index) => {
      const number = `${start + index + 1}. `;
      const indent = ' '.repeat(number.length + 2);
      lines.push(`  ${number}${style.bold(escapeForTerminal(warning.path))}`);
      for (const line of wrapText(escapeForTerminal(warning.message), width - indent.length)) lines.push(`${indent}${line}`);
      wrapText(`Fix: ${escapeForTerminal(warning.fix)}`, width - indent.length).forEach((line, lineIndex) => {
        lines.push(`${indent}${lineIndex === 0 ? line.replace(/^Fix:/, style.paint('Fix:', 'green')) : line}`);
      });
      lines.push('');
    });
  };
  if (ineffective.length > 0) {
    const count = ineffective.length === 1 ? '1 approval matches' : `${ineffective.length} approvals match`;
    lines.push(style.paint(`${escapeForTerminal(file)}: the policy loads, but ${count} nothing.`, 'red'), '');
    block(ineffective, 0);
  }
  if (advice.length > 0) {
    lines.push(style.paint(`${escapeForTerminal(file)}: ${advice.length === 1 ? '1 warning' : `${advice.length} warnings`}.`, 'yellow'), '');
    block(advice, ineffective.length);
  }
  return lines.join('\n');
}
