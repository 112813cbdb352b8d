import { DEVICE_CODE_RULE } from '../../lib/background/device-code-event';
import type { ConsentEvent } from '../../lib/storage/records';
import { CONSENT_ACTION_LABELS, OPTIONS_TEXT } from '../../lib/strings/options';
import { PROVIDER_NAMES, RISK_LABELS, VERDICT_LABELS } from '../../lib/strings/review';
import { formatTime } from './format-time';
import { useOptionsStore } from './options-store-context';

/** The log holds up to 5,000 events; a table that long helps nobody and slows the page. The exports hold all. */
export const EVENTS_SHOWN = 200;

function EventRow({ event }: { event: ConsentEvent }) {
  return (
    <tr data-testid="event-row" data-event-id={event.id ?? ''} data-verdict={event.verdict} data-action={event.action}>
      <td>
        <time dateTime={event.at}>{formatTime(event.at)}</time>
      </td>
      <th scope="row" class="wrap">
        {event.appName ?? (event.rules.includes(DEVICE_CODE_RULE) ? OPTIONS_TEXT.deviceCodePageEvent : <code>{event.clientId}</code>)}
        {event.appName !== undefined && (
          <>
            <br />
            <code class="muted small">{event.clientId}</code>
          </>
        )}
      </th>
      <td>{PROVIDER_NAMES[event.provider] ?? event.provider}</td>
      <td>
        <span class={`badge badge-${event.verdict}`}>{VERDICT_LABELS[event.verdict] ?? event.verdict}</span>
      </td>
      <td>
        <span class={`badge badge-${event.risk}`}>{RISK_LABELS[event.risk] ?? event.risk}</span>
      </td>
      <td>{CONSENT_ACTION_LABELS[event.action] ?? event.action}</td>
      <td class="wrap">{event.reason ?? ''}</td>
    </tr>
  );
}

export function EventsSection() {
  const store = useOptionsStore();
  const view = store.events.value;
  const exportError = store.exportError.value;
  const hasEvents = view.kind === 'ready' && view.events.length > 0;
  return (
    <section aria-labelledby="events-title" data-testid="events-section">
      <div class="section-header">
        <h2 id="events-title">{OPTIONS_TEXT.eventsHeading}</h2>
        <div class="row-actions">
          <button type="button" onClick={() => void store.exportEvents('csv')} disabled={!hasEvents} data-testid="export-events-csv">
            {OPTIONS_TEXT.exportCsv}
          </button>
          <button type="button" onClick={() => void store.exportEvents('json')} disabled={!hasEvents} data-testid="export-events-json">
            {OPTIONS_TEXT.exportJson}
          </button>
        </div>
      </div>
      <p class="muted">{OPTIONS_TEXT.eventsIntro}</p>
      {exportError !== undefined && (
        <p class="banner banner-error" role="alert" data-testid="export-error">
          {OPTIONS_TEXT.exportFailed(exportError)}
        </p>
      )}
      {view.kind === 'loading' && <p class="muted">{OPTIONS_TEXT.eventsLoading}</p>}
      {view.kind === 'failed' && (
        <div class="banner banner-error" role="alert" data-testid="events-error">
          <p>{OPTIONS_TEXT.eventsFailed(view.error)}</p>
          <button type="button" onClick={() => void store.loadEvents()} data-testid="events-retry">
            {OPTIONS_TEXT.retry}
          </button>
        </div>
      )}
      {view.kind === 'ready' && view.events.length === 0 && <p data-testid="no-events">{OPTIONS_TEXT.noEvents}</p>}
      {hasEvents && (
        <>
          <p data-testid="events-count">{OPTIONS_TEXT.eventsShown(Math.min(view.events.length, EVENTS_SHOWN), view.events.length)}</p>
          <div class="table-scroll">
            <table class="data-table" aria-labelledby="events-title" data-testid="events-table">
              <thead>
                <tr>
                  <th scope="col">{OPTIONS_TEXT.columnTime}</th>
                  <th scope="col">{OPTIONS_TEXT.columnApp}</th>
                  <th scope="col">{OPTIONS_TEXT.columnProvider}</th>
                  <th scope="col">{OPTIONS_TEXT.columnVerdict}</th>
                  <th scope="col">{OPTIONS_TEXT.columnRisk}</th>
                  <th scope="col">{OPTIONS_TEXT.columnAction}</th>
                  <th scope="col">{OPTIONS_TEXT.columnReason}</th>
                </tr>
              </thead>
              <tbody>
                {view.events.slice(0, EVENTS_SHOWN).map((event, index) => (
                  <EventRow key={event.id ?? `at-${index}`} event={event} />
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
