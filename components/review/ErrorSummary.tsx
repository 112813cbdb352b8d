import { forwardRef } from 'preact/compat';
import type { QuestionError } from '../../lib/review/validate-answers';
import { questionElementId } from '../../lib/review/questionnaire-form';
import { QUESTION_TEXT, REVIEW_PAGE_TEXT } from '../../lib/strings/review';

function focusQuestion(event: MouseEvent, elementId: string): void {
  const target = document.getElementById(elementId);
  if (!target) return;
  // Following the link alone scrolls but does not reliably move keyboard focus to the input.
  event.preventDefault();
  target.focus();
  target.scrollIntoView?.({ block: 'center' });
}

/** Every problem at once, each linked to its question; receives focus after a failed submit. */
export const ErrorSummary = forwardRef<HTMLDivElement, { errors: QuestionError[] }>(function ErrorSummary({ errors }, ref) {
  if (errors.length === 0) return null;
  return (
    <div class="error-summary" ref={ref} tabIndex={-1} role="alert" aria-labelledby="error-summary-title" data-testid="error-summary">
      <h2 id="error-summary-title">{REVIEW_PAGE_TEXT.errorSummaryTitle(errors.length)}</h2>
      <ul>
        {errors.map((error) => {
          const elementId = questionElementId(error.question);
          return (
            <li key={error.question}>
              <a href={`#${elementId}`} onClick={(event) => focusQuestion(event, elementId)}>
                {QUESTION_TEXT[error.question].label}
              </a>
              : {error.message}
            </li>
          );
        })}
      </ul>
    </div>
  );
});
