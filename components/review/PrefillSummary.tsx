import type { ReviewPrefill } from '../../lib/storage/records';
import { isBlankPrefill } from '../../lib/review/initial-answers';
import {
  ACCESS_LABELS,
  DATA_CLASS_LABELS,
  PREFILL_TEXT,
  PROVIDER_NAMES,
  RISK_LABELS,
  SEVERITY_LABELS,
  VERDICT_LABELS,
} from '../../lib/strings/review';
import type { Access, DataClass } from '../../lib/scopes/scope-info';
import { scopeDisplayName } from '../../lib/scopes/scope-display-name';

function scopeKinds(scope: ReviewPrefill['scopes'][number]): string {
  const access = scope.access.map((value) => ACCESS_LABELS[value as Access] ?? value);
  const data = scope.dataClasses.map((value) => DATA_CLASS_LABELS[value as DataClass] ?? value);
  return [access.join(', '), data.join(', ')].filter((part) => part !== '').join('; ');
}

/**
 * A scope by its short name; when that is not the exact requested string, the exact one is a click away in a
 * disclosure, because a reviewer may need to copy it into a policy.
 */
function ScopeName({ provider, scope }: { provider: ReviewPrefill['provider']; scope: string }) {
  const short = scopeDisplayName(provider, scope);
  if (short === scope) return <code data-testid="prefill-scope-name">{scope}</code>;
  return (
    <details class="exact-scope">
      <summary>
        <code data-testid="prefill-scope-name">{short}</code>
      </summary>
      <code data-testid="prefill-scope-exact">{scope}</code>
    </details>
  );
}

/** What the detection knew, read-only. Every value is page- or URL-controlled and rendered as text. */
export function PrefillSummary({ prefill }: { prefill: ReviewPrefill }) {
  if (isBlankPrefill(prefill)) {
    return (
      <section class="prefill" aria-labelledby="prefill-title" data-testid="prefill">
        <h2 id="prefill-title">{PREFILL_TEXT.title}</h2>
        <p>{PREFILL_TEXT.blank}</p>
      </section>
    );
  }
  return (
    <section class="prefill" aria-labelledby="prefill-title" data-testid="prefill">
      <h2 id="prefill-title">{PREFILL_TEXT.title}</h2>
      <dl>
        <dt>{PREFILL_TEXT.app}</dt>
        <dd data-testid="prefill-app">{prefill.appName || PREFILL_TEXT.unknownApp}</dd>
        {prefill.publisher && (
          <>
            <dt>{PREFILL_TEXT.publisher}</dt>
            <dd>{prefill.publisher}</dd>
          </>
        )}
        <dt>{PREFILL_TEXT.provider}</dt>
        <dd data-testid="prefill-provider">{PROVIDER_NAMES[prefill.provider] ?? prefill.provider}</dd>
        <dt>{PREFILL_TEXT.clientId}</dt>
        <dd>
          <code data-testid="prefill-client-id">{prefill.clientId}</code>
        </dd>
        <dt>{PREFILL_TEXT.verdict}</dt>
        <dd>
          <span class={`badge badge-${prefill.verdict}`}>{VERDICT_LABELS[prefill.verdict]}</span>{' '}
          <span class={`badge badge-${prefill.risk}`}>{RISK_LABELS[prefill.risk]}</span>
        </dd>
        <dt>{PREFILL_TEXT.offlineAccess}</dt>
        <dd>{prefill.offlineAccess ? PREFILL_TEXT.offlineYes : PREFILL_TEXT.offlineNo}</dd>
        {prefill.sourceUrl && (
          <>
            <dt>{PREFILL_TEXT.sourcePage}</dt>
            <dd>
              <code data-testid="prefill-source">{prefill.sourceUrl}</code>
            </dd>
          </>
        )}
      </dl>
      <h3>{PREFILL_TEXT.scopes}</h3>
      {prefill.scopes.length === 0 ? (
        <p>{PREFILL_TEXT.noScopes}</p>
      ) : (
        <ul data-testid="prefill-scopes">
          {prefill.scopes.map((scope) => (
            <li key={scope.scope}>
              {scope.description} <span class="muted">({scopeKinds(scope) || scopeDisplayName(prefill.provider, scope.scope)})</span>
              <br />
              <ScopeName provider={prefill.provider} scope={scope.scope} />
            </li>
          ))}
        </ul>
      )}
      <h3>{PREFILL_TEXT.findings}</h3>
      {prefill.findings.length === 0 ? (
        <p>{PREFILL_TEXT.noFindings}</p>
      ) : (
        <ul data-testid="prefill-findings">
          {prefill.findings.map((finding, index) => (
            <li key={`${finding.rule}-${index}`}>
              <strong>{SEVERITY_LABELS[finding.severity]}:</strong> {finding.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
