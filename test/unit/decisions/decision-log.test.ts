import { describe, expect, it } from 'vitest';
import { formatDecisionRecord, parseDecisionLog, type DecisionRecord } from '../../../lib/decisions/decision-record';
import { planDecision } from '../../../lib/decisions/plan-decision';
import { renderDecisionLogMarkdown } from '../../../lib/decisions/render-decision-log';
import { parseSubmittedReview } from '../../../lib/decisions/submitted-review';
import { submittedRecord, webhookBody } from './decision-fixtures';

function record(decision: DecisionRecord['decision'], now: string, overrides: Parameters<typeof submittedRecord>[0] = {}, more = {}): DecisionRecord {
  const parsed = parseSubmittedReview(webhookBody(submittedRecord(overrides)));
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  const planned = planDecision(parsed.review, { approvedIntegrations: [{ provider: 'google', clientId: '1234-abc.apps.googleusercontent.com', scopes: ['openid'], owner: 'Old Owner' }] }, {
    decision,
    today: now.slice(0, 10),
    now: new Date(now),
    ...more,
  });
  if (!planned.ok) throw new Error(planned.errors.join('\n'));
  return planned.record;
}

describe('parseDecisionLog', () => {
  const pilot = record('pilot', '2026-12-08T09:00:00.000Z');
  const decline = record('decline', '2026-12-20T09:00:00.000Z', {}, { block: true, reason: 'Vendor failed the DPA check.' });

  it('reads back what formatDecisionRecord wrote, blank lines allowed', () => {
    const text = `${formatDecisionRecord(pilot)}\n${formatDecisionRecord(decline)}`;
    expect(parseDecisionLog(text)).toEqual({ ok: true, records: [pilot, decline] });
    expect(parseDecisionLog('')).toEqual({ ok: true, records: [] });
  });

  it.each([
    ['a line that is not JSON', `${formatDecisionRecord(pilot)}{"format":\n`, /^line 2: not JSON/],
    ['a record of a newer version', `${formatDecisionRecord(pilot)}\n${JSON.stringify({ ...pilot, version: 2 })}\n`, /^line 3: not a consent-gate\/decision v1 record \(version:/],
    ['a record without its decision', `${JSON.stringify({ ...pilot, decision: undefined })}\n`, /^line 1: .*\(decision:/],
  ])('reports %s with its line number', (_name, text, message) => {
    const parsed = parseDecisionLog(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors[0]).toMatch(message);
  });
});

describe('renderDecisionLogMarkdown', () => {
  it('lists decisions newest first with who, why, the answers, the scopes and what changed', () => {
    const pilot = record('pilot', '2026-12-08T09:00:00.000Z');
    const decline = record('decline', '2026-12-20T09:00:00.000Z', {}, { block: true, reason: 'Vendor failed the DPA check.', approvedBy: 'Priya Raman' });
    const markdown = renderDecisionLogMarkdown([pilot, decline]);
    expect(markdown.indexOf('## 2026-12-20: Declined: Acme Webinars')).toBeGreaterThan(0);
    expect(markdown.indexOf('## 2026-12-20')).toBeLessThan(markdown.indexOf('## 2026-12-08: Pilot approved: Acme Webinars'));
    expect(markdown).toContain('2 decisions, newest first.');
    expect(markdown).toContain('- **Decided by:** Priya Raman');
    expect(markdown).toContain('- **Reason:** Vendor failed the DPA check\\.');
    expect(markdown).toContain('- **Use case:** Sync webinar signups from Acme into our CRM\\.');
    expect(markdown).toContain('- **Approved scopes:** `openid`, `https://www.googleapis.com/auth/contacts`');
    expect(markdown).toContain('- **Terms:** pilot, approved 2026-12-08, expires 2026-12-22, review by 2026-12-22');
    expect(markdown).toContain('  - owner: `Old Owner` → `Dana Ops`');
    expect(markdown).toContain('- **Policy:** approval removed, block added (Vendor failed the DPA check\\.)');
  });

  it('writes a hostile app name and answers as text only', () => {
    const hostile = record('approve', '2026-12-08T09:00:00.000Z', {
      prefill: { ...submittedRecord().prefill, appName: 'Evil](https://evil.example) <img src=x onerror=alert(1)>' },
    });
    const markdown = renderDecisionLogMarkdown([hostile]);
    // Inside a code span the text is literal; everywhere else it must be escaped.
    const outsideCode = markdown.replace(/`[^`\n]*`/g, '');
    expect(outsideCode).not.toMatch(/(?<!\\)\]\(/);
    expect(outsideCode).not.toMatch(/(?<!\\)<img/);
    expect(markdown).toContain('## 2026-12-08: Approved: Evil\\]\\(https\\://evil\\.example\\) \\<img');
  });
});
