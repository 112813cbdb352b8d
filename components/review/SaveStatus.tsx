import { SAVE_STATUS_TEXT } from '../../lib/strings/review';
import { useReviewStore } from './review-store-context';

/** Autosave state; a failed write is shown with its reason and a retry, never hidden. */
export function SaveStatus() {
  const store = useReviewStore();
  const state = store.saveState.value;
  return (
    <div class="save-status" data-testid="save-status" data-state={state.kind}>
      <p role="status" aria-live="polite" class={state.kind === 'failed' ? 'visually-hidden' : 'muted'}>
        {state.kind === 'failed' ? '' : SAVE_STATUS_TEXT[state.kind]}
      </p>
      {state.kind === 'failed' && (
        <div class="banner banner-error" role="alert" data-testid="save-error">
          <p>{SAVE_STATUS_TEXT.failed(state.error)}</p>
          <button type="button" onClick={() => void store.flush()} data-testid="retry-save">
            {SAVE_STATUS_TEXT.retry}
          </button>
        </div>
      )}
    </div>
  );
}
