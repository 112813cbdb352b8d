import { useEffect, useRef, useState } from 'preact/hooks';
import type { ReviewRecord } from '../../lib/storage/records';
import { exportReviewJson } from '../../lib/review/export-json';
import { exportReviewMarkdown } from '../../lib/review/export-markdown';
import { reviewFileName } from '../../lib/review/export-file-name';
import { errorMessage } from '../../lib/error-message';
import type { DownloadFile } from '../../lib/ui-stores/popup-store';
import { RESULT_TEXT, REVIEW_PAGE_TEXT, STATUS_LABELS } from '../../lib/strings/review';

export interface ExportActions {
  copyText(text: string): Promise<void>;
  download(file: DownloadFile): void;
}

interface ReviewResultProps {
  record: ReviewRecord;
  actions: ExportActions;
  notifyError?: string | undefined;
  /** A `mailto:` link with the review for the address the policy names. */
  emailDraft?: string | undefined;
  /** Present when the review may be edited again (submitted, not yet decided). */
  onEditAgain?: () => void;
}

export function ReviewResult({ record, actions, notifyError, emailDraft, onEditAgain }: ReviewResultProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [copyState, setCopyState] = useState<{ kind: 'idle' } | { kind: 'copied' } | { kind: 'failed'; error: string }>({ kind: 'idle' });
  useEffect(() => headingRef.current?.focus(), []);

  const copy = async () => {
    try {
      await actions.copyText(exportReviewMarkdown(record));
      setCopyState({ kind: 'copied' });
    } catch (error) {
      setCopyState({ kind: 'failed', error: errorMessage(error) });
    }
  };

  return (
    <section aria-labelledby="result-title" data-testid="review-result">
      <h2 id="result-title" ref={headingRef} tabIndex={-1}>
        {record.status === 'submitted' ? RESULT_TEXT.heading : STATUS_LABELS[record.status]}
      </h2>
      <p data-testid="review-status">{RESULT_TEXT.statusLine(STATUS_LABELS[record.status])}</p>
      {record.status === 'submitted' ? <p>{RESULT_TEXT.body}</p> : <p>{REVIEW_PAGE_TEXT.readOnlyNotice}</p>}
      {notifyError && (
        <div class="banner banner-warn" role="alert" data-testid="notify-error">
          <p>{REVIEW_PAGE_TEXT.notifyFailed(notifyError)}</p>
        </div>
      )}
      {emailDraft?.startsWith('mailto:') && (
        <p>
          <a href={emailDraft} data-testid="email-draft">
            {RESULT_TEXT.emailDraft}
          </a>
        </p>
      )}
      <div class="actions">
        <button type="button" class="primary" onClick={() => void copy()} data-testid="copy-markdown">
          {RESULT_TEXT.copyMarkdown}
        </button>
        <button
          type="button"
          onClick={() => actions.download({ name: reviewFileName(record, 'md'), type: 'text/markdown', text: exportReviewMarkdown(record) })}
          data-testid="download-markdown"
        >
          {RESULT_TEXT.downloadMarkdown}
        </button>
        <button
          type="button"
          onClick={() => actions.download({ name: reviewFileName(record, 'json'), type: 'application/json', text: exportReviewJson(record) })}
          data-testid="download-json"
        >
          {RESULT_TEXT.downloadJson}
        </button>
      </div>
      <p role="status" aria-live="polite" data-testid="copy-status">
        {copyState.kind === 'copied' ? RESULT_TEXT.copied : copyState.kind === 'failed' ? RESULT_TEXT.copyFailed(copyState.error) : ''}
      </p>
      {onEditAgain && (
        <div class="actions">
          <button type="button" onClick={onEditAgain} data-testid="edit-again">
            {REVIEW_PAGE_TEXT.editAgain}
          </button>
          <span class="muted">{REVIEW_PAGE_TEXT.editAgainNote}</span>
        </div>
      )}
    </section>
  );
}
