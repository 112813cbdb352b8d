/**
 * `decide REVIEW.json --policy POLICY.jsonc --decision approve|pilot|narrow|decline`: a submitted review becomes
 * an approval (or a decline) in the admin's policy file and a line in the decision log. Everything is checked
 * before anything is written: the review, the policy as it is, the log, and the policy as it would be. The policy
 * is replaced atomically, so a crash leaves the old file or the new one, never half of each.
 */
import { randomBytes } from 'node:crypto';
import { appendFile, chmod, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { DECISION_KINDS, formatDecisionRecord, parseDecisionLog, type DecisionKind, type DecisionRecord } from '../../../lib/decisions/decision-record';
import { findDuplicateDecision, planDecision, type DecisionOptions } from '../../../lib/decisions/plan-decision';
import { parseSubmittedReview } from '../../../lib/decisions/submitted-review';
import { toIsoDate } from '../../../lib/policy/iso-date';
import { parsePolicyText } from '../../../lib/policy/parse-policy';
import { policyWarnings } from '../../../lib/policy/policy-warnings';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, PROGRAM, type Command, readArguments, usageError } from '../command';
import { applyPolicyEdits } from '../edit-policy-text';
import { renderPolicyProblems } from '../load-policy';
import { nextSerialAfter } from '../next-serial';
import { parseToday } from '../parse-today';
import { optionValue } from '../parse-arguments';
import { createTerminalStyle, shouldUseColour } from '../terminal-style';
import { escapeForTerminal } from '../terminal-text';
import { renderPolicyWarnings } from './validate';

const OPTIONS = [
  { name: 'policy', valueName: 'FILE', description: 'The policy file (JSON or JSONC) to write the decision into.' },
  { name: 'decision', valueName: 'KIND', description: 'approve, pilot (test access with an expiry), narrow (fewer scopes) or decline.' },
  { name: 'scopes', valueName: 'LIST', description: 'The scopes allowed, space- or comma-separated; each within what was requested (narrow, pilot).' },
  { name: 'owner', valueName: 'TEXT', description: 'Owner of the connection (default: the review\'s answer).' },
  { name: 'backup-owner', valueName: 'TEXT', description: 'Backup owner (default: the review\'s answer).' },
  { name: 'approved-by', valueName: 'TEXT', description: 'Who decides (default: the approver named in the review).' },
  { name: 'decision-url', valueName: 'URL', description: 'A link to the written decision (ticket, document).' },
  { name: 'notes', valueName: 'TEXT', description: 'Limits and conditions (default for a pilot: the pilot scope from the review).' },
  { name: 'expires', valueName: 'DATE', description: 'Last valid day, YYYY-MM-DD (default for a pilot: the requested 7 or 14 days, at most 14).' },
  { name: 'review-on', valueName: 'DATE', description: 'Check again by this day, YYYY-MM-DD (default: 90 days, or the expiry if sooner).' },
  { name: 'reason', valueName: 'TEXT', description: 'Why: kept in the decision log; with --block, shown to employees.' },
  { name: 'block', description: 'With decline: also block the app, so connecting it is refused.' },
  { name: 'log', valueName: 'FILE', description: 'The decision log (default: decisions.jsonl beside the policy).' },
  { name: 'signed', valueName: 'FILE', description: 'The signed config published last, to print the next serial.' },
  { name: 'today', valueName: 'DATE', description: 'Decide as of this day, YYYY-MM-DD (default: today).' },
  { name: 'help', short: 'h', description: 'Show this help.' },
] as const;

const DETAILS = `REVIEW is a submitted review as the extension delivers it: the body the review
webhook received, or the JSON exported from the review page.

approve, pilot and narrow add the app to "approvedIntegrations", or update its approval
(scopes, owners, dates), with the review's data classes and shutdown steps; an existing
block of the same app is removed. decline removes an approval, and with --block adds a
"blockedIntegrations" entry. Only the changed values are rewritten: comments and layout
elsewhere in the policy stay as they are. The result is validated like "validate" does;
an invalid policy is never written. Each decision is appended to the decision log; the
same decision on the same review is reported and not logged twice.

Exit status: 0 decided (or already decided), 2 bad arguments, a bad review, policy or
log, or a decision that would make the policy invalid; nothing is written then.`;

export const decideCommand: Command = {
  name: 'decide',
  summary: 'Turn a submitted review into an approval or a decline, and log the decision.',
  usage: `${PROGRAM} decide REVIEW.json --policy FILE --decision approve|pilot|narrow|decline [options]`,
  options: OPTIONS,
  async run(argv, io) {
    const parsed = readArguments(decideCommand, argv, io, DETAILS);
    if (typeof parsed === 'number') return parsed;
    const { positionals } = parsed;
    const policyFile = optionValue(parsed, 'policy');
    const decision = optionValue(parsed, 'decision');
    if (positionals.length !== 1) return usageError(io, 'decide', `expects exactly one review file, got ${positionals.length}`);
    if (policyFile === undefined) return usageError(io, 'decide', 'needs --policy FILE');
    if (!isDecisionKind(decision)) return usageError(io, 'decide', `needs --decision ${DECISION_KINDS.join('|')}`);
    const scopesText = optionValue(parsed, 'scopes');
    if (decision === 'narrow' && scopesText === undefined) return usageError(io, 'decide', 'narrow needs --scopes with the scopes you allow');
    if (scopesText !== undefined && decision !== 'narrow' && decision !== 'pilot') return usageError(io, 'decide', '--scopes goes with narrow or pilot');
    const block = parsed.options.get('block') === true;
    if (block && decision !== 'decline') return usageError(io, 'decide', '--block goes with decline');
    const todayText = optionValue(parsed, 'today');
    const todayDate = todayText === undefined ? new Date() : parseToday(todayText);
    if (todayDate === undefined) return usageError(io, 'decide', '--today takes a day as YYYY-MM-DD');

    const reviewFile = positionals[0] as string;
    const logFile = optionValue(parsed, 'log') ?? join(dirname(policyFile), 'decisions.jsonl');
    const style = createTerminalStyle(shouldUseColour(false, io.env));
    const fail = (message: string, code = EXIT_USAGE) => {
      io.stderr.write(`consent-gate decide: ${message}\nNothing was written.\n`);
      return code;
    };

    const reviewText = await readText(reviewFile);
    if (!reviewText.ok) return fail(`cannot read the review (${reviewText.error}).`);
    const review = parseSubmittedReview(reviewText.text);
    if (!review.ok) return fail(`${escapeForTerminal(reviewFile)} is not a submitted review:\n${review.errors.map((error) => `  - ${escapeForTerminal(error)}`).join('\n')}`);

    const policyText = await readText(policyFile);
    if (!policyText.ok) return fail(`cannot read the policy (${policyText.error}).`);
    const policy = parsePolicyText(policyText.text);
    if (!policy.ok) {
      io.stderr.write(renderPolicyProblems(policyFile, policy.errors, style));
      return fail('the policy is not valid as it is; fix it first (see "validate").');
    }

    const logText = await readText(logFile);
    if (!logText.ok && logText.code !== 'ENOENT') return fail(`cannot read the decision log (${logText.error}).`);
    const log = parseDecisionLog(logText.ok ? logText.text : '');
    if (!log.ok) return fail(`${escapeForTerminal(logFile)} is damaged; repair these lines first:\n${log.errors.map((error) => `  - ${error}`).join('\n')}`);

    const options: DecisionOptions = {
      decision,
      today: toIsoDate(todayDate),
      now: new Date(),
      ...(scopesText === undefined ? {} : { scopes: scopesText.split(/[\s,]+/).filter((scope) => scope !== '') }),
      ...optional('owner', optionValue(parsed, 'owner')),
      ...optional('backupOwner', optionValue(parsed, 'backup-owner')),
      ...optional('approvedBy', optionValue(parsed, 'approved-by')),
      ...optional('decisionUrl', optionValue(parsed, 'decision-url')),
      ...optional('notes', optionValue(parsed, 'notes')),
      ...optional('expires', optionValue(parsed, 'expires')),
      ...optional('reviewOn', optionValue(parsed, 'review-on')),
      ...optional('reason', optionValue(parsed, 'reason')),
      block,
    };
    const plan = planDecision(review.review, policy.policy, options);
    if (!plan.ok) return fail(plan.errors.map(escapeForTerminal).join('\n'));

    const duplicate = findDuplicateDecision(log.records, plan.record);
    if (duplicate !== undefined) {
      io.stdout.write(
        `Already decided: ${describe(duplicate)} on ${duplicate.decidedOn}${duplicate.decidedBy === undefined ? '' : ` by ${escapeForTerminal(duplicate.decidedBy)}`} (${escapeForTerminal(logFile)}). Nothing was written.\n`,
      );
      return EXIT_OK;
    }

    const newText = applyPolicyEdits(policyText.text, plan.edits);
    const after = parsePolicyText(newText);
    if (!after.ok) {
      io.stderr.write(renderPolicyProblems(policyFile, after.errors, style));
      return fail('this decision would make the policy invalid (above); change the options.');
    }
    const ineffective = policyWarnings(after.policy).filter((warning) => warning.level === 'ineffective');
    if (ineffective.length > 0) {
      io.stderr.write(renderPolicyWarnings(policyFile, ineffective, style));
      return fail('this decision would write an approval that matches nothing (above).');
    }

    if (newText !== policyText.text) {
      try {
        await replaceAtomically(policyFile, newText);
      } catch (error) {
        return fail(`cannot write ${policyFile} (${(error as Error).message}).`, EXIT_FAILURE);
      }
    }
    try {
      const separator = logText.ok && logText.text !== '' && !logText.text.endsWith('\n') ? '\n' : '';
      await appendFile(logFile, `${separator}${formatDecisionRecord(plan.record)}`);
    } catch (error) {
      io.stderr.write(
        `consent-gate decide: the policy was updated, but the decision could not be logged in ${logFile} (${(error as Error).message}). Run the same command again to log it.\n`,
      );
      return EXIT_FAILURE;
    }

    io.stdout.write(summary(plan.record, policyFile, logFile));
    io.stdout.write(await nextStep(policyFile, optionValue(parsed, 'signed'), newText !== policyText.text));
    return EXIT_OK;
  },
};

function isDecisionKind(value: string | undefined): value is DecisionKind {
  return (DECISION_KINDS as readonly (string | undefined)[]).includes(value);
}

function optional<Key extends string>(key: Key, value: string | undefined): Partial<Record<Key, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<Key, string>);
}

type ReadText = { ok: true; text: string } | { ok: false; code: string; error: string };

async function readText(file: string): Promise<ReadText> {
  try {
    return { ok: true, text: await readFile(file, 'utf8') };
  } catch (error) {
    return { ok: false, code: (error as NodeJS.ErrnoException).code ?? 'unknown', error: (error as Error).message };
  }
}

/** A temp file beside the target (same file system, so the rename is atomic) with the target's permissions. */
async function replaceAtomically(file: string, text: string): Promise<void> {
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, text, { flag: 'wx' });
    await chmod(temp, (await stat(file)).mode & 0o7777);
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

function describe(record: DecisionRecord): string {
  const app = escapeForTerminal(record.review.appName ?? record.review.clientId);
  return `${record.decision} of ${app} (${record.review.provider} client ${escapeForTerminal(record.review.clientId)})`;
}

function summary(record: DecisionRecord, policyFile: string, logFile: string): string {
  const approval = record.approval;
  const lines = [`Decided: ${describe(record)}.`];
  if (approval !== undefined) {
    lines.push(`  Approved scopes  ${escapeForTerminal([...approval.scopes, ...(approval.userScopes ?? []).map((scope) => `${scope} (user)`)].join(' ') || 'none')}`);
    if (approval.expiresOn !== undefined) lines.push(`  Expires on       ${approval.expiresOn}`);
    if (approval.reviewBy !== undefined) lines.push(`  Review by        ${approval.reviewBy}`);
  }
  if (record.scopesAdded !== undefined) lines.push(`  Scopes added     ${escapeForTerminal(record.scopesAdded.join(' '))}`);
  if (record.scopesRemoved !== undefined) lines.push(`  Scopes removed   ${escapeForTerminal(record.scopesRemoved.join(' '))}`);
  const policyChanges = [
    ...(record.approvalChange === 'none' ? [] : [`approval ${record.approvalChange}`]),
    ...(record.blockChange === 'none' ? [] : [`block ${record.blockChange}`]),
  ];
  lines.push(`  Policy           ${escapeForTerminal(policyFile)} (${policyChanges.join(', ') || 'unchanged'})`);
  lines.push(`  Logged in        ${escapeForTerminal(logFile)}`);
  return `${lines.join('\n')}\n`;
}

async function nextStep(policyFile: string, signedFile: string | undefined, changed: boolean): Promise<string> {
  if (!changed) return 'The policy did not change; there is nothing new to publish.\n';
  const lines = ['', 'Next, publish the policy to the browsers.'];
  if (signedFile !== undefined) {
    const next = await nextSerialAfter(signedFile);
    const serial = next.ok ? String(next.serial) : 'next';
    lines.push('As a signed remote config:', `  ${PROGRAM} sign --key SIGNING_KEY --serial ${serial} --out ${signedFile} ${policyFile}`);
    if (!next.ok) lines.push(`  (${next.error})`);
  } else {
    lines.push('As a signed remote config (the serial follows the one in the file it replaces):', `  ${PROGRAM} sign --key SIGNING_KEY --serial next --out SIGNED_CONFIG ${policyFile}`);
  }
  lines.push('Or as managed policy files:', `  ${PROGRAM} deploy --policy ${policyFile} --out DEPLOY_DIR`, '');
  return lines.join('\n');
}
