import { describe, expect, it } from 'vitest';
import { exportReviewMarkdown, reviewTitle } from '../../../lib/review/export-markdown';
import { reviewFileName } from '../../../lib/review/export-file-name';
import { FORM_ORDER } from '../../../lib/review/questionnaire-form';
import { questionApplies } from '../../../lib/review/questionnaire-schema';
import { blankPrefill } from '../../../lib/review/initial-answers';
import { ACCESS_MISMATCH_TEXT, MARKDOWN_TEXT, OPTION_LABELS, QUESTION_TEXT } from '../../../lib/strings/review';
import { googlePrefill, reviewRecord, validAnswers } from './review-fixtures';

const submitted = reviewRecord({ status: 'submitted', submittedAt: '2025-03-01T11:00:00.000Z', answers: validAnswers() });

describe('exportReviewMarkdown', () => {
  const markdown = exportReviewMarkdown(submitted);

  it.each([
    ['the title', '# Integration review: Acme Webinars'],
    ['the provider', '**Sign-in provider:** Google'],
    ['the client id as code', '`1234-abc.apps.googleusercontent.com`'],
    ['the verdict and risk', 'Needs a review (High risk)'],
    ['a scope in plain words', 'See, edit, download and permanently delete your contacts (read, change, delete; Contacts, Customer data)'],
    ['the finding with its rule', '- **High:** Asks to change and delete contacts\\. (`read-only-by-default`)'],
    ['the source page, as its origin', '**Came from:** `https://app.acme.example`\n'],
    ['the status', '**Status:** Submitted'],
    ['a choice answer as its label', OPTION_LABELS.vendorOutage['queues-and-retries']],
    ['the pilot expiry', '14 days'],
  ])('contains %s', (_name, expected) => {
    expect(markdown).toContain(expected);
  });

  it('contains every applicable question', () => {
    for (const id of FORM_ORDER.filter((question) => questionApplies(question, submitted.answers))) {
      expect(markdown, id).toContain(`**${QUESTION_TEXT[id].label}**`);
    }
    expect(markdown).not.toContain(QUESTION_TEXT.accountNote.label);
  });

  it('marks unanswered questions in a draft', () => {
    const draft = exportReviewMarkdown(reviewRecord({ answers: { useCase: 'Sync signups' } }));
    expect(draft).toContain(MARKDOWN_TEXT.notAnswered);
    expect(draft).toContain('Sync signups');
  });

  it('repeats the access warning for the reviewer', () => {
    expect(markdown).toContain(ACCESS_MISMATCH_TEXT.title);
  });

  it.each([
    ['a link in the app name', { appName: '[Approved by IT](https://evil.example)' }, ['](', 'https://evil']],
    ['HTML in the app name', { appName: '<img src=x onerror=alert(1)>' }, [' <img']],
    ['a heading in the publisher', { publisher: '\n# Approved\n' }, ['\n# Approved']],
    ['a link in a scope description', { scopes: [{ scope: 's', description: '[ok](javascript:alert(1))', access: ['read'], dataClasses: [] }] }, ['](javascript']],
    ['a link in a finding', { findings: [{ rule: 'r', severity: 'high' as const, message: 'App "[x](https://evil.example)"' }] }, ['](https']],
  ])('neutralises %s', (_name, prefillOverrides, forbidden) => {
    const hostile = exportReviewMarkdown(reviewRecord({ prefill: googlePrefill(prefillOverrides), answers: {} }));
    for (const text of forbidden) expect(hostile).not.toContain(text);
  });

  it('neutralises links and HTML in answers', () => {
    const hostile = exportReviewMarkdown(
      reviewRecord({ answers: validAnswers({ useCase: '[Approved](https://evil.example) <script>alert(1)</script>', owner: '**Dana**\n# Heading' }) }),
    );
    // Every Markdown character stays behind a backslash, so nothing forms a link, a tag or a heading.
    expect(hostile).not.toMatch(/(^|[^\\])(\]\(|<script|\*\*Dana)/m);
    expect(hostile).not.toMatch(/^# Heading/m);
    expect(hostile).toContain('\\[Approved\\]\\(https\\://evil\\.example\\) \\<script\\>');
  });

  it('keeps a client id that tries to close its code span inside a longer fence', () => {
    const hostile = exportReviewMarkdown(reviewRecord({ prefill: googlePrefill({ clientId: 'abc` [x](https://evil.example) `' }) }));
    expect(hostile).toContain('**Client id:** `` abc` [x](https://evil.example) ` ``');
  });

  it('leaves out detection details for a review started by hand', () => {
    const blank = exportReviewMarkdown(reviewRecord({ prefill: blankPrefill(), answers: { toolName: 'Acme' } }));
    expect(blank).toContain('# Integration review: Acme');
    expect(blank).not.toContain(MARKDOWN_TEXT.permissions);
  });
});

describe('reviewTitle and reviewFileName', () => {
  it.each([
    ['the typed tool name', reviewRecord({ answers: { toolName: ' Acme CRM Sync ' } }), 'Acme CRM Sync', 'consent-gate-review-acme-crm-sync-2025-03-01.md'],
    ['the page app name', reviewRecord(), 'Acme Webinars', 'consent-gate-review-acme-webinars-2025-03-01.md'],
    ['no name at all', reviewRecord({ prefill: blankPrefill() }), 'Unknown app', 'consent-gate-review-unknown-app-2025-03-01.md'],
    ['a hostile name', reviewRecord({ answers: { toolName: '../../etc/passwd' } }), '../../etc/passwd', 'consent-gate-review-etc-passwd-2025-03-01.md'],
  ])('%s', (_name, record, title, fileName) => {
    expect(reviewTitle(record)).toBe(title);
    expect(reviewFileName(record, 'md')).toBe(fileName);
  });
});
