import type { PageFacts } from '../../lib/evaluation';
import type { OverlayView } from '../../lib/messages/protocol';
import { scopeDisplayName } from '../../lib/scopes/scope-display-name';
import { overlayStrings } from '../../lib/strings/overlay';
import { isLookalikeFinding, isLookalikeHostFinding, orderFindings } from './overlay-display';
import { brandLine } from './SupportLine';

/** The look-alike callout: red, at the top, before anything else the person reads. */
export function LookalikeAlert({ view }: { view: OverlayView }) {
  const lookalikes = view.evaluation.findings.filter(isLookalikeFinding);
  if (lookalikes.length === 0) return null;
  const title = lookalikes.some(isLookalikeHostFinding) && !lookalikes.some((finding) => !isLookalikeHostFinding(finding))
    ? overlayStrings.lookalikeHostTitle
    : overlayStrings.lookalikeAppTitle;
  return (
    <div class="lookalike" role="alert" data-testid="lookalike-alert">
      <p class="lookalike-title">{title}</p>
      {lookalikes.map((finding, index) => (
        <p key={`${finding.rule}-${index}`}>{finding.message}</p>
      ))}
      <p>{overlayStrings.lookalikeWarning}</p>
    </div>
  );
}

/**
 * What the app asks for, in plain words: the catalog's descriptions, each followed by the short names of the scopes
 * it describes (the exact string in their tooltip), or what the consent page lists. Below, one click away, every
 * scope exactly as requested. All of it is URL- or page-controlled, so it is only ever text.
 */
export function ScopeList({ view, pageFacts }: { view: OverlayView; pageFacts?: PageFacts }) {
  const { provider } = view.request;
  const { scopes } = view.evaluation;
  // One line per meaning: scopes that share a description share its line.
  const described = new Map<string, string[]>();
  for (const info of scopes) {
    if (info.description.length === 0) continue;
    const names = described.get(info.description);
    if (names === undefined) described.set(info.description, [info.scope]);
    else names.push(info.scope);
  }
  const fromPage = described.size === 0 ? (pageFacts?.scopeDescriptions ?? []) : [];
  return (
    <section aria-labelledby="cg-scopes-title" data-testid="scopes">
      <h3 class="section-title" id="cg-scopes-title">
        {described.size === 0 && fromPage.length > 0 ? overlayStrings.pageListsHeading : overlayStrings.asksForHeading}
      </h3>
      {described.size === 0 && fromPage.length === 0 && !view.request.offlineAccess ? (
        <p>{overlayStrings.noScopes}</p>
      ) : (
        <ul class="list">
          {[...described].map(([text, names]) => (
            <li key={text}>
              {text}
              {names.map((scope) => (
                <code key={scope} class="scope-name" title={scope}>
                  {scopeDisplayName(provider, scope)}
                </code>
              ))}
            </li>
          ))}
          {fromPage.map((text, index) => (
            <li key={index}>{text}</li>
          ))}
          {view.request.offlineAccess ? <li>{overlayStrings.offlineAccess}</li> : null}
        </ul>
      )}
      {scopes.length === 0 ? null : (
        <details data-testid="exact-scopes">
          <summary>{overlayStrings.exactScopes}</summary>
          <ul class="list">
            {scopes.map((info) => (
              <li key={info.scope}>
                <code>{info.scope}</code>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

/** The findings, most severe first, each with its severity in words (not colour alone). */
export function FindingList({ view }: { view: OverlayView }) {
  const findings = orderFindings(view.evaluation.findings.filter((finding) => !isLookalikeFinding(finding)));
  if (findings.length === 0) return null;
  return (
    <section aria-labelledby="cg-findings-title" data-testid="findings">
      <h3 class="section-title" id="cg-findings-title">
        {overlayStrings.findingsHeading}
      </h3>
      <ul class="list">
        {findings.map((finding, index) => (
          <li key={`${finding.rule}-${index}`} data-severity={finding.severity}>
            <span class={`severity severity-${finding.severity}`}>{overlayStrings.severityLabel[finding.severity]}</span>
            {finding.message}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** What happened to the last action: an error (assertive) or a status line (polite), or nothing. */
export function ActionFeedback({ error, status }: { error?: string | null | undefined; status?: string | null | undefined }) {
  return (
    <>
      {error ? (
        <p class="error" role="alert" data-testid="action-error">
          {error}
        </p>
      ) : null}
      {status ? (
        <p class="status" role="status" data-testid="status">
          {status}
        </p>
      ) : null}
    </>
  );
}

/**
 * The top of the banner and the dialog: brand, look-alike alert, verdict title and summary. The ids are the ones
 * their `aria-labelledby` / `aria-describedby` name.
 */
export function OverlayHeading({ view, summary }: { view: OverlayView; summary: string }) {
  return (
    <>
      <p class="brand">{brandLine(view.organization)}</p>
      <LookalikeAlert view={view} />
      <h2 class="title" id="cg-title">
        {overlayStrings.verdictTitle[view.evaluation.verdict]}
      </h2>
      <p class="summary" id="cg-summary">
        {summary}
      </p>
    </>
  );
}
