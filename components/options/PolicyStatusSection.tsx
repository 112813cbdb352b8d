import { OPTIONS_TEXT, SOURCE_LABELS } from '../../lib/strings/options';
import type { PolicyStatus } from '../../lib/messages/protocol';
import { listSources, POLICY_READING_TEXT } from '../../lib/strings/policy-reading';
import { formatTime } from './format-time';
import { SourceBadge } from './SourceBadge';
import { useOptionsStore } from './options-store-context';

function SourceErrors() {
  const store = useOptionsStore();
  const errors = store.sourceErrors.value;
  if (errors.length === 0) return null;
  return (
    <div class="banner banner-error" role="alert" data-testid="source-errors">
      <p>
        <strong>{OPTIONS_TEXT.sourceErrorsTitle}</strong>
      </p>
      <ul>
        {errors.map(({ source, error }) => (
          <li key={source} data-testid={`source-error-${source}`}>
            {OPTIONS_TEXT.sourceError(SOURCE_LABELS[source], error)}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Approvals that cannot match or match widely: the policy loads either way, so the admin needs to see it here. */
function PolicyWarnings() {
  const store = useOptionsStore();
  const warnings = store.policyWarnings.value;
  if (warnings.length === 0) return null;
  return (
    <div class="banner banner-warn" data-testid="policy-warnings">
      <p>
        <strong>{OPTIONS_TEXT.policyWarningsTitle}</strong>
      </p>
      <ul>
        {warnings.map((warning) => (
          <li key={warning.path} data-testid="policy-warning" data-level={warning.level} data-path={warning.path}>
            <strong>{warning.level === 'ineffective' ? OPTIONS_TEXT.policyWarningIneffective : OPTIONS_TEXT.policyWarningAdvice}</strong>{' '}
            <code>{warning.path}</code>: {warning.message}
            <br />
            <span class="muted">{OPTIONS_TEXT.policyWarningFix(warning.fix)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function RemoteConfig({ status }: { status: PolicyStatus }) {
  const store = useOptionsStore();
  const remote = status.sources.remote;
  const refresh = store.refresh.value;
  const url = remote.url ?? status.policy.configUrl;
  return (
    <div data-testid="remote-config">
      <h3>{SOURCE_LABELS.remote}</h3>
      {url === undefined ? (
        <p data-testid="remote-not-configured">{OPTIONS_TEXT.remoteNotConfigured}</p>
      ) : (
        <>
          <dl class="facts">
            <dt>{OPTIONS_TEXT.remoteUrl}</dt>
            <dd data-testid="remote-url">{url}</dd>
            <dt>{OPTIONS_TEXT.remoteSerial}</dt>
            <dd data-testid="remote-serial">{remote.serial === undefined ? OPTIONS_TEXT.remoteNoSerial : String(remote.serial)}</dd>
            <dt>{OPTIONS_TEXT.remoteCheckedAt}</dt>
            <dd data-testid="remote-checked-at">
              {remote.checkedAt === undefined ? OPTIONS_TEXT.remoteNeverChecked : <time dateTime={remote.checkedAt}>{formatTime(remote.checkedAt)}</time>}
            </dd>
          </dl>
          <button type="button" onClick={() => void store.checkNow()} disabled={refresh.kind === 'checking'} data-testid="check-now">
            {refresh.kind === 'checking' ? OPTIONS_TEXT.checking : OPTIONS_TEXT.checkNow}
          </button>
        </>
      )}
      <p role="status" aria-live="polite" data-testid="refresh-status" class={refresh.kind === 'failed' ? 'field-error' : undefined}>
        {refresh.kind === 'done' ? OPTIONS_TEXT.refreshOutcome[refresh.outcome] : refresh.kind === 'failed' ? OPTIONS_TEXT.refreshFailed(refresh.error) : ''}
      </p>
    </div>
  );
}

/** While the background still reads a source, the page shows the last known status and says what is pending. */
function ReadingNotice() {
  const store = useOptionsStore();
  const reading = store.readingSources.value;
  if (reading.length === 0) return null;
  const savedAt = store.snapshotSavedAt.value;
  const loadingOnly = store.status.value.kind !== 'ready';
  return (
    <p class="banner banner-warn" role="status" data-testid="policy-reading" data-reading={reading.join(' ')}>
      {loadingOnly
        ? POLICY_READING_TEXT.readingNotice(listSources(reading))
        : POLICY_READING_TEXT.snapshotNotice(listSources(reading), savedAt === undefined ? undefined : formatTime(savedAt))}
    </p>
  );
}

function SourcesList({ status }: { status: PolicyStatus }) {
  const store = useOptionsStore();
  const reading = store.readingSources.value;
  const { managed, remote, local } = status.sources;
  const rows = [
    ['managed', managed],
    ['remote', remote],
    ['local', local],
  ] as const;
  return (
    <ul class="source-list" data-testid="source-list">
      {rows.map(([id, source]) => (
        <li key={id} data-testid={`source-${id}`} data-active={String(source.active)} data-reading={String(reading.includes(id))}>
          <SourceBadge source={id} /> {source.active ? OPTIONS_TEXT.sourceActive : OPTIONS_TEXT.sourceInactive}
          {reading.includes(id) && <strong class="muted">{` \u00b7 ${POLICY_READING_TEXT.sourceReading}`}</strong>}
          {source.updatedAt !== undefined && (
            <span class="muted">
              {' \u00b7 '}
              <time dateTime={source.updatedAt}>{OPTIONS_TEXT.sourceUpdated(formatTime(source.updatedAt))}</time>
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

export function PolicyStatusSection() {
  const store = useOptionsStore();
  const view = store.status.value;
  const statusError = store.statusError.value;
  return (
    <section aria-labelledby="status-title" data-testid="status-section">
      <h2 id="status-title">{OPTIONS_TEXT.statusHeading}</h2>
      {view.kind === 'loading' && <p class="muted">{OPTIONS_TEXT.statusLoading}</p>}
      <ReadingNotice />
      {view.kind === 'failed' && (
        <div class="banner banner-error" role="alert" data-testid="status-error">
          <p>{OPTIONS_TEXT.statusFailed(view.error)}</p>
          <button type="button" onClick={() => void store.loadStatus()} data-testid="status-retry">
            {OPTIONS_TEXT.retry}
          </button>
        </div>
      )}
      {statusError !== undefined && (
        <div class="banner banner-error" role="alert" data-testid="status-refresh-error">
          <p>{OPTIONS_TEXT.statusFailed(statusError)}</p>
        </div>
      )}
      {view.kind === 'ready' && (
        <>
          <SourceErrors />
          <PolicyWarnings />
          {!view.status.sources.local.allowed && (
            <p class="banner banner-warn" data-testid="status-local-locked">
              {OPTIONS_TEXT.localNotAllowed}
            </p>
          )}
          {view.status.sources.local.ignored !== undefined && (
            <p class="banner banner-warn" data-testid="status-local-restricted">
              {view.status.sources.local.ignored}
            </p>
          )}
          <div class="table-scroll">
            <table class="data-table" data-testid="policy-summary">
              <caption>{OPTIONS_TEXT.summaryCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{OPTIONS_TEXT.summarySetting}</th>
                  <th scope="col">{OPTIONS_TEXT.summaryValue}</th>
                  <th scope="col">{OPTIONS_TEXT.summarySource}</th>
                </tr>
              </thead>
              <tbody>
                {store.summary.value.map((line) => (
                  <tr key={line.key} data-testid="summary-row" data-key={line.key} data-origin={line.origin}>
                    <th scope="row">{line.label}</th>
                    <td class="wrap">{line.value}</td>
                    <td>
                      <SourceBadge source={line.origin} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h3>{OPTIONS_TEXT.sourcesHeading}</h3>
          <SourcesList status={view.status} />
          <RemoteConfig status={view.status} />
        </>
      )}
    </section>
  );
}
