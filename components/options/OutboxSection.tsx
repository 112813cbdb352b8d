import type { OutboxItem } from '../../lib/messages/protocol';
import { formatAge, formatRetry } from '../../lib/options/outbox-times';
import type { ConfiguredDestination } from '../../lib/reporting/webhook-destinations';
import { DELIVERY_KIND_LABELS, DESTINATION_LABELS, OUTBOX_TEXT } from '../../lib/strings/outbox';
import { useOptionsStore } from './options-store-context';

function Destination({ destination }: { destination: ConfiguredDestination }) {
  const store = useOptionsStore();
  const test = store.tests.value[destination.id];
  const outcome = test === undefined || test.kind === 'sending' ? undefined : test.kind === 'done' && test.result.delivered ? 'delivered' : 'failed';
  return (
    <li data-testid={`destination-${destination.id}`} data-url={destination.url}>
      <strong>{DESTINATION_LABELS[destination.id]}</strong>
      <br />
      <code class="wrap">{destination.url}</code>
      <div class="actions">
        <button
          type="button"
          onClick={() => void store.sendTestEvent(destination.id)}
          disabled={test?.kind === 'sending'}
          data-testid={`send-test-${destination.id}`}
        >
          {test?.kind === 'sending' ? OUTBOX_TEXT.sending : OUTBOX_TEXT.sendTest}
        </button>
        <span
          role="status"
          aria-live="polite"
          data-testid={`test-result-${destination.id}`}
          {...(outcome === undefined ? {} : { 'data-outcome': outcome })}
          class={outcome === 'failed' ? 'field-error' : outcome === 'delivered' ? 'ok-text' : undefined}
        >
          {test?.kind === 'done' ? OUTBOX_TEXT.testResult(test.result) : test?.kind === 'failed' ? OUTBOX_TEXT.testFailed(test.error) : ''}
        </span>
      </div>
    </li>
  );
}

function DeliveryRow({ item, now, failed }: { item: OutboxItem; now: Date; failed: boolean }) {
  return (
    <tr data-testid="outbox-row" data-state={item.state} data-kind={item.kind} data-delivery-id={item.id}>
      <th scope="row">{DELIVERY_KIND_LABELS[item.kind] ?? item.kind}</th>
      <td class="wrap">
        <code>{item.destination}</code>
      </td>
      <td>
        <time dateTime={item.createdAt}>{formatAge(item.createdAt, now)}</time>
      </td>
      <td data-testid="outbox-attempts">{item.attempts}</td>
      {failed && (
        <>
          <td class="wrap" data-testid="outbox-error">
            {item.lastError ?? ''}
          </td>
          <td data-testid="outbox-retry">
            {item.state === 'held' ? OUTBOX_TEXT.held : <time dateTime={item.nextAttemptAt}>{formatRetry(item.nextAttemptAt, now)}</time>}
          </td>
        </>
      )}
    </tr>
  );
}

function DeliveryTable({ items, now, failed }: { items: OutboxItem[]; now: Date; failed: boolean }) {
  return (
    <div class="table-scroll">
      <table class="data-table" data-testid={failed ? 'outbox-failed' : 'outbox-queued'}>
        <caption>{failed ? OUTBOX_TEXT.failedCaption : OUTBOX_TEXT.queuedCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{OUTBOX_TEXT.columnKind}</th>
            <th scope="col">{OUTBOX_TEXT.columnDestination}</th>
            <th scope="col">{OUTBOX_TEXT.columnAge}</th>
            <th scope="col">{OUTBOX_TEXT.columnAttempts}</th>
            {failed && (
              <>
                <th scope="col">{OUTBOX_TEXT.columnError}</th>
                <th scope="col">{OUTBOX_TEXT.columnRetry}</th>
              </>
            )}
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <DeliveryRow key={item.id} item={item} now={now} failed={failed} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The webhook outbox, the endpoints of the policy with a test button each, and what the bound dropped. */
export function OutboxSection() {
  const store = useOptionsStore();
  const view = store.outbox.value;
  const refreshError = store.outboxError.value;
  return (
    <section aria-labelledby="outbox-title" data-testid="outbox-section">
      <h2 id="outbox-title">{OUTBOX_TEXT.heading}</h2>
      <p class="muted">{OUTBOX_TEXT.intro}</p>
      {view.kind === 'loading' && <p class="muted">{OUTBOX_TEXT.loading}</p>}
      {view.kind === 'failed' && (
        <p class="banner banner-error" role="alert" data-testid="outbox-error-banner">
          {OUTBOX_TEXT.failed(view.error)}
        </p>
      )}
      {refreshError !== undefined && (
        <p class="banner banner-error" role="alert" data-testid="outbox-refresh-error">
          {OUTBOX_TEXT.failed(refreshError)}
        </p>
      )}
      {view.kind === 'ready' && (
        <>
          <h3>{OUTBOX_TEXT.destinationsHeading}</h3>
          {view.outbox.destinations.length === 0 ? (
            <p data-testid="no-destinations">{OUTBOX_TEXT.noDestinations}</p>
          ) : (
            <>
              <ul class="source-list" data-testid="destinations">
                {view.outbox.destinations.map((destination) => (
                  <Destination key={destination.id} destination={destination} />
                ))}
              </ul>
              <p class="hint">{OUTBOX_TEXT.testExplained}</p>
            </>
          )}
          <p data-testid="outbox-dropped" data-dropped={view.outbox.dropped} class={view.outbox.dropped > 0 ? 'field-error' : undefined}>
            {OUTBOX_TEXT.dropped(view.outbox.dropped)}
          </p>
          <OutboxTables items={view.outbox.items} total={view.outbox.total} now={view.at} />
        </>
      )}
    </section>
  );
}

function OutboxTables({ items, total, now }: { items: OutboxItem[]; total: number; now: Date }) {
  if (total === 0) return <p data-testid="outbox-empty">{OUTBOX_TEXT.empty}</p>;
  const queued = items.filter((item) => item.state === 'queued');
  const failed = items.filter((item) => item.state !== 'queued');
  return (
    <>
      <p data-testid="outbox-total" data-total={total}>
        {OUTBOX_TEXT.total(items.length, total)}
      </p>
      {queued.length > 0 && (
        <>
          <h3>{OUTBOX_TEXT.queuedHeading}</h3>
          <DeliveryTable items={queued} now={now} failed={false} />
        </>
      )}
      {failed.length > 0 && (
        <>
          <h3>{OUTBOX_TEXT.failedHeading}</h3>
          <DeliveryTable items={failed} now={now} failed />
        </>
      )}
    </>
  );
}
