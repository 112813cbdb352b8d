/**
 * A review as a Markdown document to paste into a ticket. Every string that came from the page, the URL or the
 * requester goes through lib/review/markdown-text.ts, so it renders as the text it is. The prefill's addresses
 * are reduced to the reviewer's view (lib/reporting/reviewer-request.ts) before anything is written.
 */
import { reduceReviewPrefill } from '../reporting/reviewer-request';
import type { ReviewRecord } from '../storage/records';
import {
  ACCESS_LABELS,
  ACCESS_MISMATCH_TEXT,
  DATA_CLASS_LABELS,
  MARKDOWN_TEXT,
  PREFILL_TEXT,
  PROVIDER_NAMES,
  QUESTION_TEXT,
  RISK_LABELS,
  SECTION_TITLES,
  SEVERITY_LABELS,
  STATUS_LABELS,
  VERDICT_LABELS,
} from '../strings/review';
import type { Access, DataClass } from '../scopes/scope-info';
import { describeAccessMismatch, findAccessMismatch } from './access-mismatch';
import { answerText } from './answer-text';
import { isBlankPrefill } from './initial-answers';
import { markdownBlock, markdownCode, markdownInline } from './markdown-text';
import { QUESTIONNAIRE_SECTIONS } from './questionnaire-form';
import { questionApplies } from './questionnaire-schema';

/** The name a review is known by: what the requester typed, else what the consent page showed. */
export function reviewTitle(record: ReviewRecord): string {
  const typed = record.answers.toolName;
  if (typeof typed === 'string' && typed.trim() !== '') return typed.trim();
  return record.prefill.appName?.trim() || PREFILL_TEXT.unknownApp;
}

function labelled<T extends string>(labels: Record<T, string>, values: readonly string[]): string {
  return values.map((value) => labels[value as T] ?? value).join(', ');
}

function requestLines(record: ReviewRecord): string[] {
  const { prefill } = record;
  const lines = [`- **${MARKDOWN_TEXT.status}:** ${STATUS_LABELS[record.status]}`, `- **${MARKDOWN_TEXT.reviewId}:** ${markdownCode(record.id)}`];
  if (!isBlankPrefill(prefill)) {
    const app = prefill.appName ? markdownInline(prefill.appName) : PREFILL_TEXT.unknownApp;
    lines.push(`- **${PREFILL_TEXT.app}:** ${app}`);
    if (prefill.publisher) lines.push(`- **${PREFILL_TEXT.publisher}:** ${markdownInline(prefill.publisher)}`);
    lines.push(`- **${PREFILL_TEXT.provider}:** ${PROVIDER_NAMES[prefill.provider] ?? markdownInline(prefill.provider)}`);
    if (prefill.clientId) lines.push(`- **${PREFILL_TEXT.clientId}:** ${markdownCode(prefill.clientId)}`);
    lines.push(`- **${PREFILL_TEXT.verdict}:** ${VERDICT_LABELS[prefill.verdict]} (${RISK_LABELS[prefill.risk]})`);
    lines.push(`- **${PREFILL_TEXT.offlineAccess}:** ${prefill.offlineAccess ? PREFILL_TEXT.offlineYes : PREFILL_TEXT.offlineNo}`);
    if (prefill.requestUrl) lines.push(`- **${PREFILL_TEXT.requestUrl}:** ${markdownCode(prefill.requestUrl)}`);
  }
  if (prefill.sourceUrl) lines.push(`- **${PREFILL_TEXT.sourcePage}:** ${markdownCode(prefill.sourceUrl)}`);
  lines.push(`- **${MARKDOWN_TEXT.created}:** ${record.createdAt}`);
  if (record.submittedAt) lines.push(`- **${MARKDOWN_TEXT.submitted}:** ${record.submittedAt}`);
  return lines;
}

function scopeLine(scope: ReviewRecord['prefill']['scopes'][number]): string {
  const kinds = [labelled<Access>(ACCESS_LABELS, scope.access), labelled<DataClass>(DATA_CLASS_LABELS, scope.dataClasses)].filter(
    (part) => part !== '',
  );
  const detail = kinds.length > 0 ? ` (${markdownInline(kinds.join('; '))})` : '';
  return `- ${markdownCode(scope.scope)}: ${markdownInline(scope.description)}${detail}`;
}

function answerLines(record: ReviewRecord): string[] {
  const lines: string[] = [];
  for (const section of QUESTIONNAIRE_SECTIONS) {
    lines.push('', `### ${SECTION_TITLES[section.id]}`);
    for (const id of section.questions) {
      if (!questionApplies(id, record.answers)) continue;
      const text = answerText(id, record.answers[id]);
      lines.push('', `**${QUESTION_TEXT[id].label}**`, '', text === undefined ? MARKDOWN_TEXT.notAnswered : markdownBlock(text));
      if (id === 'accessNeeded') {
        const mismatch = findAccessMismatch(record.answers.accessNeeded, record.prefill.scopes);
        if (mismatch) lines.push('', `> **${ACCESS_MISMATCH_TEXT.title}:** ${markdownInline(describeAccessMismatch(mismatch, record.prefill.provider))}`);
      }
    }
  }
  return lines;
}

export function exportReviewMarkdown(stored: ReviewRecord): string {
  const record: ReviewRecord = { ...stored, prefill: reduceReviewPrefill(stored.prefill) };
  const { prefill } = record;
  const lines = [`# ${MARKDOWN_TEXT.title(markdownInline(reviewTitle(record)))}`, '', `## ${MARKDOWN_TEXT.request}`, '', ...requestLines(record)];
  if (!isBlankPrefill(prefill)) {
    lines.push('', `## ${MARKDOWN_TEXT.permissions}`, '');
    lines.push(...(prefill.scopes.length > 0 ? prefill.scopes.map(scopeLine) : [PREFILL_TEXT.noScopes]));
    lines.push('', `## ${MARKDOWN_TEXT.findings}`, '');
    lines.push(
      ...(prefill.findings.length > 0
        ? prefill.findings.map((finding) => `- **${SEVERITY_LABELS[finding.severity]}:** ${markdownInline(finding.message)} (${markdownCode(finding.rule)})`)
        : [PREFILL_TEXT.noFindings]),
    );
  }
  lines.push('', `## ${MARKDOWN_TEXT.answers}`, ...answerLines(record), '');
  return lines.join('\n');
}
