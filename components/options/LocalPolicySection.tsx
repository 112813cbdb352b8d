import { useRef } from 'preact/hooks';
import type { PolicyError } from '../../lib/policy/parse-policy';
import { offsetOf } from '../../lib/options/text-offset';
import { OPTIONS_TEXT } from '../../lib/strings/options';
import { MAX_POLICY_TEXT } from '../../lib/ui-stores/options-store';
import { formatTime } from './format-time';
import { useOptionsStore } from './options-store-context';
import { errorMessage } from '../../lib/error-message';

const EDITOR_ID = 'local-policy-editor';

function ErrorList({ errors, onGoTo, testId }: { errors: readonly PolicyError[]; onGoTo?: (error: PolicyError) => void; testId: string }) {
  return (
    <ul class="policy-errors" data-testid={testId}>
      {errors.map((error, index) => (
        <li key={`${error.path}-${index}`} data-testid="policy-error" data-path={error.path}>
          <code data-testid="policy-error-path">{error.path}</code>
          {error.line !== undefined && error.column !== undefined && (
            <>
              {' '}
              {onGoTo ? (
                <button type="button" class="link-button" onClick={() => onGoTo(error)} data-testid="policy-error-goto">
                  {OPTIONS_TEXT.errorLine(error.line, error.column)}
                </button>
              ) : (
                <span>{OPTIONS_TEXT.errorLine(error.line, error.column)}</span>
              )}
            </>
          )}
          <div data-testid="policy-error-message">{error.message}</div>
          <div class="muted" data-testid="policy-error-fix">
            <strong>{OPTIONS_TEXT.fixLabel}</strong> {error.fix}
          </div>
        </li>
      ))}
    </ul>
  );
}

function Validation({ onGoTo }: { onGoTo: (error: PolicyError) => void }) {
  const store = useOptionsStore();
  const validation = store.validation.value;
  return (
    <div id="local-policy-validation" data-testid="validation" data-state={validation.kind}>
      <p aria-live="polite" data-testid="validation-summary" class={validation.kind === 'invalid' ? 'field-error' : validation.kind === 'valid' ? 'ok-text' : 'muted'}>
        {validation.kind === 'empty' ? OPTIONS_TEXT.validEmpty : validation.kind === 'valid' ? OPTIONS_TEXT.validOk : OPTIONS_TEXT.validErrors(validation.errors.length)}
      </p>
      {validation.kind === 'invalid' && <ErrorList errors={validation.errors} onGoTo={onGoTo} testId="validation-errors" />}
    </div>
  );
}

function ApplyResult() {
  const store = useOptionsStore();
  const state = store.applyState.value;
  if (state.kind === 'refused') {
    return (
      <div class="banner banner-error" role="alert" data-testid="apply-error">
        <p>{OPTIONS_TEXT.applyRefused(state.error)}</p>
        {state.errors.length > 0 && <ErrorList errors={state.errors} testId="apply-errors" />}
      </div>
    );
  }
  if (state.kind === 'invalid' || state.kind === 'empty') {
    return (
      <p class="banner banner-error" role="alert" data-testid="apply-error">
        {state.kind === 'invalid' ? OPTIONS_TEXT.applyBlockedInvalid : OPTIONS_TEXT.applyEmpty}
      </p>
    );
  }
  return (
    <p role="status" aria-live="polite" data-testid="apply-status">
      {state.kind === 'applied' ? OPTIONS_TEXT.applied : ''}
    </p>
  );
}

export function LocalPolicySection() {
  const store = useOptionsStore();
  const editorRef = useRef<HTMLTextAreaElement>(null);
  const status = store.policyStatus.value;
  const locked = store.localLocked.value;
  const local = status?.sources.local;
  const applyState = store.applyState.value;
  const removeState = store.removeState.value;
  const fileNotice = store.fileNotice.value;
  const validation = store.validation.value;

  async function readFile(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    if (!file) return;
    // The same file chosen again after an edit should load again.
    input.value = '';
    if (file.size > MAX_POLICY_TEXT) {
      store.fileFailed(OPTIONS_TEXT.fileTooLarge(file.name));
      return;
    }
    try {
      store.loadFile(file.name, await file.text());
    } catch (error) {
      store.fileFailed(OPTIONS_TEXT.fileReadFailed(file.name, errorMessage(error)));
    }
  }

  function goTo(error: PolicyError): void {
    const editor = editorRef.current;
    if (!editor || error.line === undefined || error.column === undefined) return;
    const offset = offsetOf(editor.value, error.line, error.column);
    editor.focus();
    editor.setSelectionRange(offset, offset);
  }

  return (
    <section aria-labelledby="local-title" data-testid="local-section">
      <h2 id="local-title">{OPTIONS_TEXT.localHeading}</h2>
      <p class="muted">{OPTIONS_TEXT.localIntro}</p>
      {locked && (
        <p class="banner banner-warn" id="local-locked" data-testid="local-locked">
          {OPTIONS_TEXT.localNotAllowed}
        </p>
      )}
      {local && (
        <p data-testid="local-state" data-active={String(local.active)}>
          {local.active ? OPTIONS_TEXT.localActive(local.updatedAt === undefined ? undefined : formatTime(local.updatedAt)) : OPTIONS_TEXT.localNone}
        </p>
      )}
      <div class="field">
        <label for="local-policy-file">{OPTIONS_TEXT.fileLabel}</label>
        <input
          id="local-policy-file"
          type="file"
          accept=".json,.jsonc,application/json"
          disabled={locked}
          aria-describedby={locked ? 'local-locked' : undefined}
          onChange={(event) => void readFile(event.currentTarget)}
          data-testid="policy-file"
        />
      </div>
      {fileNotice?.kind === 'failed' && (
        <p class="banner banner-error" role="alert" data-testid="file-error">
          {fileNotice.message}
        </p>
      )}
      {fileNotice?.kind === 'loaded' && (
        <p role="status" data-testid="file-loaded">
          {OPTIONS_TEXT.fileLoaded(fileNotice.name)}{' '}
          {store.replacedText.value !== null && (
            <button type="button" class="link-button" onClick={() => store.restoreReplacedText()} data-testid="restore-text">
              {OPTIONS_TEXT.restoreText}
            </button>
          )}
        </p>
      )}
      <div class="field">
        <label for={EDITOR_ID}>{OPTIONS_TEXT.editorLabel}</label>
        <p class="hint" id="local-policy-hint">
          {OPTIONS_TEXT.editorHint}
        </p>
        <textarea
          id={EDITOR_ID}
          ref={editorRef}
          class="code-editor"
          rows={16}
          spellcheck={false}
          value={store.editorText.value}
          aria-invalid={validation.kind === 'invalid' ? 'true' : undefined}
          aria-describedby="local-policy-hint local-policy-validation"
          onInput={(event) => store.setEditorText(event.currentTarget.value)}
          data-testid="policy-editor"
        />
      </div>
      <Validation onGoTo={goTo} />
      <div class="actions">
        <button
          type="button"
          class="primary"
          onClick={() => void store.apply()}
          disabled={locked || applyState.kind === 'applying'}
          aria-describedby={locked ? 'local-locked' : undefined}
          data-testid="apply-policy"
        >
          {applyState.kind === 'applying' ? OPTIONS_TEXT.applying : OPTIONS_TEXT.apply}
        </button>
        <button
          type="button"
          class="danger"
          onClick={() => void store.removeLocal()}
          disabled={removeState.kind === 'removing' || status === undefined}
          data-testid="remove-policy"
        >
          {removeState.kind === 'removing' ? OPTIONS_TEXT.removing : OPTIONS_TEXT.remove}
        </button>
        <button type="button" onClick={() => store.exportPolicy()} disabled={status === undefined} data-testid="export-policy">
          {OPTIONS_TEXT.exportPolicy}
        </button>
      </div>
      <ApplyResult />
      {removeState.kind === 'failed' ? (
        <p class="banner banner-error" role="alert" data-testid="remove-error">
          {OPTIONS_TEXT.removeFailed(removeState.error)}
        </p>
      ) : (
        <p role="status" aria-live="polite" data-testid="remove-status">
          {removeState.kind === 'removed' ? OPTIONS_TEXT.removed : ''}
        </p>
      )}
    </section>
  );
}
