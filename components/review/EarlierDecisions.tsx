import type { EarlierDecision } from '../../lib/review/earlier-decisions';
import { safeWebLink } from '../../lib/review/earlier-decisions';
import { EARLIER_DECISION_TEXT, EARLIER_OUTCOME_LABELS } from '../../lib/strings/earlier-decisions';
import { useReviewStore } from './review-store-context';

/**
 * A decision link as text inside a plain anchor. The address is checked again here (http or https only), so a
 * value that reached the page some other way still cannot become a `javascript:` link.
 */
function DecisionLink({ href }: { href: string }) {
  const safe = safeWebLink(href);
  if (safe === undefined) return null;
  return (
    <a href={safe} target="_blank" rel="noopener noreferrer" data-testid="earlier-decision-link">
      {safe}
    </a>
  );
}

function Decision({ decision }: { decision: EarlierDecision }) {
  const state =
    decision.expiresOn === undefined
      ? undefined
      : decision.expired
        ? EARLIER_DECISION_TEXT.expired(decision.expiresOn)
        : EARLIER_DECISION_TEXT.expires(decision.expiresOn);
  return (
    <li data-testid="earlier-decision" data-outcome={decision.outcome} data-expired={String(decision.expired)} data-path={decision.path}>
      <p>
        <span class={`badge badge-${decision.outcome === 'blocked' ? 'blocked' : decision.expired ? 'needs-review' : 'approved'}`} data-testid="earlier-decision-outcome">
          {EARLIER_OUTCOME_LABELS[decision.outcome]}
        </span>
        {state !== undefined && <span class="muted"> ({state})</span>}
        {decision.name !== undefined && <strong> {decision.name}</strong>}
      </p>
      <dl>
        {decision.outcome !== 'blocked' && (
          <>
            <dt>{EARLIER_DECISION_TEXT.decidedBy}</dt>
            <dd data-testid="earlier-decision-by">{decision.decidedBy ?? EARLIER_DECISION_TEXT.unknown}</dd>
            <dt>{EARLIER_DECISION_TEXT.decidedOn}</dt>
            <dd data-testid="earlier-decision-on">{decision.decidedOn ?? EARLIER_DECISION_TEXT.unknown}</dd>
          </>
        )}
        {decision.owner !== undefined && (
          <>
            <dt>{EARLIER_DECISION_TEXT.owner}</dt>
            <dd>{decision.owner}</dd>
          </>
        )}
        {decision.reviewBy !== undefined && (
          <>
            <dt>{EARLIER_DECISION_TEXT.reviewBy}</dt>
            <dd>{decision.reviewBy}</dd>
          </>
        )}
        {decision.link !== undefined && (
          <>
            <dt>{EARLIER_DECISION_TEXT.link}</dt>
            <dd>
              <DecisionLink href={decision.link} />
            </dd>
          </>
        )}
        {decision.notes !== undefined && (
          <>
            <dt>{decision.outcome === 'blocked' ? EARLIER_DECISION_TEXT.reason : EARLIER_DECISION_TEXT.notes}</dt>
            <dd class="wrap" data-testid="earlier-decision-notes">
              {decision.notes}
            </dd>
          </>
        )}
        {decision.scopes !== undefined && decision.scopes.length > 0 && (
          <>
            <dt>{EARLIER_DECISION_TEXT.scopes}</dt>
            <dd data-testid="earlier-decision-scopes">
              {decision.scopes.map((scope) => (
                <code key={scope} class="scope">
                  {scope}
                </code>
              ))}
            </dd>
          </>
        )}
        <dt>{EARLIER_DECISION_TEXT.where}</dt>
        <dd>
          <code>{decision.path}</code>
        </dd>
      </dl>
    </li>
  );
}

/** What the policy already decided on this app; nothing at all when it decided nothing. */
export function EarlierDecisions() {
  const store = useReviewStore();
  const view = store.earlierDecisions.value;
  if (view.kind === 'failed') {
    return (
      <p class="banner banner-warn" role="status" data-testid="earlier-decisions-error">
        {EARLIER_DECISION_TEXT.failed(view.error)}
      </p>
    );
  }
  if (view.kind !== 'ready' || view.decisions.length === 0) return null;
  return (
    <section class="prefill" aria-labelledby="earlier-title" data-testid="earlier-decisions">
      <h2 id="earlier-title">{EARLIER_DECISION_TEXT.title}</h2>
      <p>{EARLIER_DECISION_TEXT.intro}</p>
      <ul class="earlier-decisions">
        {view.decisions.map((decision) => (
          <Decision key={decision.path} decision={decision} />
        ))}
      </ul>
    </section>
  );
}
