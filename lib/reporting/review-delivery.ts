/**
 * Where a submitted review goes, per the policy's `reviewIntake`: a generic JSON webhook, a Slack incoming-webhook
 * message, an email draft (`mailto:`) or a form URL with prefilled fields. Pure: each builder returns what to send
 * or open; the background sends webhooks through the outbox and the review page opens mailto/form links. The
 * review is always kept locally as well.
 */
import type { ReviewRecord } from '../storage/records';

export interface ReviewIntake {
  webhookUrl?: string;
  slackWebhookUrl?: string;
  email?: string;
  formUrl?: string;
  /** Form field names keyed by review field (`appName`, `provider`, `clientId`, `scopes`, `risk`, or an answer key). */
  formFields?: Record<string, string>;
}

export const REVIEW_PAYLOAD_FORMAT = 'consent-gate/review';
export const REVIEW_PAYLOAD_VERSION = 1;

export type ReviewDelivery =
  | { kind: 'webhook'; url: string; body: string; contentType: 'application/json' }
  | { kind: 'slack'; url: string; body: string; contentType: 'application/json' }
  | { kind: 'email'; href: string }
  | { kind: 'form'; href: string };

/** Slack mrkdwn treats &, < and > as control characters; everything from a page or a person is escaped. */
function slackEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function appLabel(review: ReviewRecord): string {
  return review.prefill.appName?.trim() || review.prefill.clientId;
}

/** The value of a review field for a form or a summary line: prefill facts first, then answers. */
export function reviewFieldValue(review: ReviewRecord, field: string): string | undefined {
  const prefill = review.prefill;
  switch (field) {
    case 'appName':
      return appLabel(review);
    case 'provider':
      return prefill.provider;
    case 'clientId':
      return prefill.clientId;
    case 'scopes':
      return prefill.scopes.map((s) => s.scope).join(' ');
    case 'risk':
      return prefill.risk;
    case 'verdict':
      return prefill.verdict;
    default: {
      const answer = review.answers[field];
      if (answer === undefined || answer === null) return undefined;
      if (Array.isArray(answer)) return answer.map(String).join(', ');
      if (typeof answer === 'object') return JSON.stringify(answer);
      return String(answer);
    }
  }
}

/** Mail clients truncate long mailto links (about 2,000 characters is safe); the rest is in the exported record. */
const MAILTO_BODY_LIMIT = 1800;

export function buildReviewDeliveries(
  review: ReviewRecord,
  intake: ReviewIntake,
  exports: { markdown: string; json: unknown },
): ReviewDelivery[] {
  const deliveries: ReviewDelivery[] = [];
  const title = `Integration review: ${appLabel(review)} (${review.prefill.provider}, ${review.prefill.risk} risk)`;

  if (intake.webhookUrl) {
    deliveries.push({
      kind: 'webhook',
      url: intake.webhookUrl,
      contentType: 'application/json',
      body: JSON.stringify({ format: REVIEW_PAYLOAD_FORMAT, version: REVIEW_PAYLOAD_VERSION, review: exports.json }),
    });
  }
  if (intake.slackWebhookUrl) {
    const useCase = reviewFieldValue(review, 'useCase');
    const lines = [
      `*${slackEscape(title)}*`,
      `Client id: \`${slackEscape(review.prefill.clientId)}\``,
      `Scopes: ${slackEscape(review.prefill.scopes.map((s) => s.scope).join(', ') || 'none')}`,
      ...(useCase ? [`Use case: ${slackEscape(useCase)}`] : []),
      ...review.prefill.findings.slice(0, 5).map((f) => `• ${slackEscape(f.message)}`),
    ];
    deliveries.push({
      kind: 'slack',
      url: intake.slackWebhookUrl,
      contentType: 'application/json',
      body: JSON.stringify({ text: lines.join('\n') }),
    });
  }
  if (intake.email) {
    let body = exports.markdown;
    if (body.length > MAILTO_BODY_LIMIT) {
      body = `${body.slice(0, MAILTO_BODY_LIMIT)}\n\n[Shortened for email: attach the exported Markdown or JSON for the full review.]`;
    }
    deliveries.push({
      kind: 'email',
      href: `mailto:${encodeURIComponent(intake.email).replace(/%40/g, '@')}?subject=${encodeURIComponent(title)}&body=${encodeURIComponent(body)}`,
    });
  }
  if (intake.formUrl) {
    const url = new URL(intake.formUrl);
    for (const [field, parameter] of Object.entries(intake.formFields ?? {})) {
      const value = reviewFieldValue(review, field);
      if (value !== undefined) url.searchParams.set(parameter, value);
    }
    deliveries.push({ kind: 'form', href: url.href });
  }
  return deliveries;
}
