/**
 * The decision log as Markdown, newest first, ready for a wiki page or a ticket: per decision who, when, what and
 * why, the requester's answers in short, the approved scopes and what changed from the approval before. Every
 * value from a review or a person is escaped as text (lib/review/markdown-text.ts). Pure.
 */
import { PROVIDER_NAMES } from '../strings/review';
import { markdownCode, markdownInline } from '../review/markdown-text';
import type { DecisionRecord, FieldChange } from './decision-record';

const DECISION_TITLES: Record<DecisionRecord['decision'], string> = {
  approve: 'Approved',
  pilot: 'Pilot approved',
  narrow: 'Approved with narrower scopes',
  decline: 'Declined',
};

function codeList(values: readonly string[]): string {
  return values.length === 0 ? 'none' : values.map(markdownCode).join(', ');
}

function changeValue(value: unknown): string {
  if (value === undefined) return '(not set)';
  if (Array.isArray(value)) return codeList(value.map(String));
  return markdownCode(typeof value === 'string' ? value : JSON.stringify(value));
}

function changeLine(change: FieldChange): string {
  return `  - ${markdownInline(change.field)}: ${changeValue(change.before)} → ${changeValue(change.after)}`;
}

function renderRecord(record: DecisionRecord): string[] {
  const { review, answers, approval } = record;
  const app = review.appName?.trim() || review.clientId;
  const lines = [
    `## ${record.decidedOn}: ${DECISION_TITLES[record.decision]}: ${markdownInline(app)}`,
    '',
    `- **App:** ${PROVIDER_NAMES[review.provider] ?? markdownInline(review.provider)} client ${markdownCode(review.clientId)}${review.host === undefined ? '' : ` on ${markdownCode(review.host)}`}`,
    `- **Decided by:** ${record.decidedBy === undefined ? 'not recorded' : markdownInline(record.decidedBy)}`,
    ...(record.reason === undefined ? [] : [`- **Reason:** ${markdownInline(record.reason)}`]),
    `- **Review:** ${markdownCode(review.id)}${review.submittedAt === undefined ? '' : `, submitted ${markdownInline(review.submittedAt)}`}; judged ${markdownInline(review.verdict)}, ${markdownInline(review.risk)} risk`,
    `- **Requested scopes:** ${codeList(review.requestedScopes)}`,
    `- **Use case:** ${markdownInline(answers.useCase)}`,
    `- **Data:** ${answers.dataClasses.map(markdownInline).join(', ')}; access ${markdownInline(answers.accessNeeded)}; vendor copy ${markdownInline(answers.dataCopy)}`,
    `- **Account:** ${markdownInline(answers.accountType)}; secrets rotatable: ${markdownInline(answers.secretsRotatable)}`,
    `- **Owner:** ${markdownInline(answers.owner)}; backup ${markdownInline(answers.backupOwner)}; after a breach ${markdownInline(answers.breachRevoker)} revokes`,
    `- **Request:** ${markdownInline(answers.requestKind)}${answers.pilotScope === undefined ? '' : `: ${markdownInline(answers.pilotScope)}`}${answers.testAccessDays === undefined ? '' : ` (${answers.testAccessDays} days)`}; vendor outage: ${markdownInline(answers.vendorOutage)}`,
  ];
  if (approval !== undefined) {
    lines.push(`- **Approved scopes:** ${codeList(approval.scopes)}`);
    if (approval.userScopes !== undefined) lines.push(`- **Approved user scopes:** ${codeList(approval.userScopes)}`);
    const dates = [
      ...(approval.kind === undefined ? [] : [markdownInline(approval.kind)]),
      ...(approval.approvedOn === undefined ? [] : [`approved ${approval.approvedOn}`]),
      ...(approval.expiresOn === undefined ? [] : [`expires ${approval.expiresOn}`]),
      ...(approval.reviewBy === undefined ? [] : [`review by ${approval.reviewBy}`]),
    ];
    if (dates.length > 0) lines.push(`- **Terms:** ${dates.join(', ')}`);
  }
  lines.push(`- **Policy:** approval ${record.approvalChange}${record.blockChange === 'none' ? '' : `, block ${record.blockChange}`}${record.blockReason === undefined ? '' : ` (${markdownInline(record.blockReason)})`}`);
  if (record.scopesAdded !== undefined) lines.push(`- **Scopes added:** ${codeList(record.scopesAdded)}`);
  if (record.scopesRemoved !== undefined) lines.push(`- **Scopes removed:** ${codeList(record.scopesRemoved)}`);
  if (record.changes !== undefined && record.approvalChange === 'updated') {
    lines.push('- **Changed from the approval before:**', ...record.changes.map(changeLine));
  }
  lines.push('');
  return lines;
}

export function renderDecisionLogMarkdown(records: readonly DecisionRecord[]): string {
  const newestFirst = [...records].sort((a, b) => (a.decidedAt < b.decidedAt ? 1 : a.decidedAt > b.decidedAt ? -1 : 0));
  const count = records.length === 1 ? '1 decision' : `${records.length} decisions`;
  return [`# Integration decisions`, '', `${count}, newest first.`, '', ...newestFirst.flatMap(renderRecord)].join('\n');
}
