import { useRef } from 'preact/hooks';
import { QUESTIONNAIRE_SECTIONS } from '../../lib/review/questionnaire-form';
import { questionApplies } from '../../lib/review/questionnaire-schema';
import { describeAccessMismatch } from '../../lib/review/access-mismatch';
import { ACCESS_MISMATCH_TEXT, REVIEW_PAGE_TEXT, SECTION_TITLES } from '../../lib/strings/review';
import { ErrorSummary } from './ErrorSummary';
import { QuestionField } from './QuestionField';
import { useReviewStore } from './review-store-context';

const MISMATCH_ID = 'access-mismatch';

export function QuestionnaireForm() {
  const store = useReviewStore();
  const summaryRef = useRef<HTMLDivElement>(null);
  const answers = store.answers.value;
  const errors = store.errors.value;
  const errorFor = new Map(errors.map((error) => [error.question, error.message]));
  const mismatch = store.accessMismatch.value;
  const submitState = store.submitState.value;

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const submitted = await store.submit();
    // Focus moves to the summary so keyboard and screen-reader users land on the list of problems.
    if (!submitted && store.errors.value.length > 0) summaryRef.current?.focus();
  };

  return (
    <form noValidate onSubmit={(event) => void onSubmit(event)} data-testid="review-form">
      <ErrorSummary errors={errors} ref={summaryRef} />
      {QUESTIONNAIRE_SECTIONS.map((section) => (
        <fieldset class="section" key={section.id} data-testid={`section-${section.id}`}>
          <legend>{SECTION_TITLES[section.id]}</legend>
          {section.questions
            .filter((id) => questionApplies(id, answers))
            .map((id) => (
              <QuestionField
                key={id}
                id={id}
                value={answers[id]}
                error={errorFor.get(id)}
                onChange={(value) => store.setAnswer(id, value)}
                describedBy={id === 'accessNeeded' && mismatch ? [MISMATCH_ID] : []}
              >
                {id === 'accessNeeded' && (
                  <div role="status" aria-live="polite">
                    {mismatch && (
                      <div class="banner banner-warn" id={MISMATCH_ID} data-testid="access-mismatch" data-kind={mismatch.kind}>
                        <p>
                          <strong>{ACCESS_MISMATCH_TEXT.title}.</strong> {describeAccessMismatch(mismatch, store.prefill.value.provider)}
                        </p>
                      </div>
                    )}
                  </div>
                )}
              </QuestionField>
            ))}
        </fieldset>
      ))}
      {submitState.kind === 'failed' && (
        <div class="banner banner-error" role="alert" data-testid="submit-error">
          <p>{REVIEW_PAGE_TEXT.submitFailed}</p>
          <p>{submitState.error}</p>
        </div>
      )}
      <div class="actions">
        <button type="submit" class="primary" disabled={submitState.kind === 'submitting'} data-testid="submit-review">
          {submitState.kind === 'submitting' ? REVIEW_PAGE_TEXT.submitting : REVIEW_PAGE_TEXT.submit}
        </button>
      </div>
    </form>
  );
}
