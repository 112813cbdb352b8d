import { REVIEW_PAGE_TEXT } from '../../lib/strings/review';
import { EarlierDecisions } from './EarlierDecisions';
import { PrefillSummary } from './PrefillSummary';
import { QuestionnaireForm } from './QuestionnaireForm';
import { ReviewResult, type ExportActions } from './ReviewResult';
import { SaveStatus } from './SaveStatus';
import { useReviewStore } from './review-store-context';

export function ReviewPage({ actions }: { actions: ExportActions }) {
  const store = useReviewStore();
  const phase = store.phase.value;
  const record = store.record.value;

  return (
    <main class="review-page" data-testid="review-page" data-phase={phase}>
      <header class="review-header">
        <h1>{REVIEW_PAGE_TEXT.heading}</h1>
        {phase === 'editing' && <SaveStatus />}
      </header>
      {phase === 'loading' && <p role="status">{REVIEW_PAGE_TEXT.loading}</p>}
      {phase === 'not-found' && (
        <div class="banner banner-error" role="alert" data-testid="load-error">
          <p>{REVIEW_PAGE_TEXT.notFound}</p>
        </div>
      )}
      {phase === 'load-failed' && (
        <div class="banner banner-error" role="alert" data-testid="load-error">
          <p>{REVIEW_PAGE_TEXT.loadFailed}</p>
          <p>{store.loadError.value}</p>
        </div>
      )}
      {(phase === 'editing' || phase === 'submitted' || phase === 'decided') && (
        <>
          <PrefillSummary prefill={store.prefill.value} />
          <EarlierDecisions />
        </>
      )}
      {phase === 'editing' && (
        <>
          <p>{REVIEW_PAGE_TEXT.intro}</p>
          <QuestionnaireForm />
        </>
      )}
      {(phase === 'submitted' || phase === 'decided') && record && (
        <ReviewResult
          record={record}
          actions={actions}
          notifyError={store.notifyError.value}
          emailDraft={store.emailDraft.value}
          {...(phase === 'submitted' ? { onEditAgain: () => store.editAgain() } : {})}
        />
      )}
    </main>
  );
}
