import type { Finding } from '../../lib/evaluation';
import { SEVERITIES } from '../../lib/evaluation';
import { POPUP_TEXT } from '../../lib/strings/popup';
import { PROVIDER_NAMES, RISK_LABELS, SEVERITY_LABELS, VERDICT_LABELS } from '../../lib/strings/review';
import { usePopupStore } from './popup-store-context';

const TOP_FINDINGS = 3;

/** The most severe findings first; the popup has room for a few. */
function topFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => SEVERITIES.indexOf(b.severity) - SEVERITIES.indexOf(a.severity)).slice(0, TOP_FINDINGS);
}

export function TabVerdict() {
  const store = usePopupStore();
  const tab = store.tab.value;
  const overlay = store.overlayRequest.value;

  if (tab.kind === 'loading') return <p class="tab-card muted">{POPUP_TEXT.tabLoading}</p>;
  if (tab.kind === 'failed') {
    return (
      <p class="tab-card banner-error" role="alert" data-testid="tab-error">
        {POPUP_TEXT.tabFailed(tab.error)}
      </p>
    );
  }
  if (tab.kind === 'no-flow') {
    return (
      <p class="tab-card" data-testid="tab-no-flow">
        {POPUP_TEXT.noFlow}
      </p>
    );
  }

  const { state } = tab;
  const evaluation = state.view?.evaluation;
  const app = state.view?.appName ?? state.facts?.appName ?? (state.request.clientId || POPUP_TEXT.noClientId);
  return (
    <div class="tab-card" data-testid="tab-flow" data-verdict={evaluation?.verdict ?? ''}>
      <p>
        <strong data-testid="tab-app">{app}</strong> <span class="muted">({PROVIDER_NAMES[state.request.provider] ?? state.request.provider})</span>
      </p>
      {evaluation ? (
        <>
          <p>
            <span class={`badge badge-${evaluation.verdict}`} data-testid="tab-verdict">
              {VERDICT_LABELS[evaluation.verdict]}
            </span>{' '}
            <span class={`badge badge-${evaluation.risk}`} data-testid="tab-risk">
              {RISK_LABELS[evaluation.risk]}
            </span>
          </p>
          {evaluation.findings.length > 0 && (
            <>
              <h3>{POPUP_TEXT.topFindings}</h3>
              <ul data-testid="tab-findings">
                {topFindings(evaluation.findings).map((finding, index) => (
                  <li key={`${finding.rule}-${index}`}>
                    <strong>{SEVERITY_LABELS[finding.severity]}:</strong> {finding.message}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      ) : (
        <p class="muted">{POPUP_TEXT.notEvaluated}</p>
      )}
      <button type="button" onClick={() => void store.showOverlay()} disabled={overlay.kind === 'sending'} data-testid="show-overlay">
        {overlay.kind === 'sending' ? POPUP_TEXT.overlaySending : POPUP_TEXT.showOverlay}
      </button>
      <p role="status" aria-live="polite" data-testid="overlay-status">
        {overlay.kind === 'shown' ? POPUP_TEXT.overlayShown : overlay.kind === 'failed' ? POPUP_TEXT.overlayFailed(overlay.error) : ''}
      </p>
    </div>
  );
}
