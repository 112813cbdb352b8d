import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OutboxSection } from '../../../components/options/OutboxSection';
import type { OutboxItem, OutboxStatus, TestDeliveryResult } from '../../../lib/messages/protocol';
import { OUTBOX_TEXT } from '../../../lib/strings/outbox';
import { TODAY } from './options-fixtures';
import { renderWithStore } from './options-harness';

afterEach(() => cleanup());

const EVENTS_HOOK = 'https://hooks.acme.example/events';
const REVIEW_HOOK = 'https://hooks.acme.example/reviews';
const ago = (ms: number) => new Date(TODAY.getTime() - ms).toISOString();
const ahead = (ms: number) => new Date(TODAY.getTime() + ms).toISOString();

function item(overrides: Partial<OutboxItem>): OutboxItem {
  return { id: 1, kind: 'events', destination: EVENTS_HOOK, createdAt: ago(90_000), attempts: 0, nextAttemptAt: ago(90_000), state: 'queued', ...overrides };
}

function outbox(overrides: Partial<OutboxStatus> = {}): OutboxStatus {
  return {
    items: [
      item({ id: 1 }),
      item({ id: 2, kind: 'review', destination: REVIEW_HOOK, createdAt: ago(3 * 3_600_000), attempts: 4, lastError: 'HTTP 503', nextAttemptAt: ahead(20 * 60_000), state: 'failed' }),
      item({ id: 3, kind: 'review', destination: 'https://old.acme.example/reviews', attempts: 0, lastError: 'held: this URL is not in the policy in force', state: 'held' }),
    ],
    total: 3,
    dropped: 0,
    destinations: [
      { id: 'events', url: EVENTS_HOOK },
      { id: 'review', url: REVIEW_HOOK },
    ],
    ...overrides,
  };
}

describe('the webhook-outbox section', () => {
  it('lists queued deliveries with kind, destination, age and attempts, and failed ones with their error and next retry', async () => {
    await renderWithStore(<OutboxSection />, { getOutbox: vi.fn(async () => outbox()) });
    expect(screen.getByRole('region', { name: OUTBOX_TEXT.heading })).toBeTruthy();

    const queued = within(screen.getByTestId('outbox-queued')).getAllByTestId('outbox-row');
    expect(queued.map((row) => [...row.children].map((cell) => cell.textContent))).toEqual([['Consent events', EVENTS_HOOK, '1 min', '0']]);

    const failed = within(screen.getByTestId('outbox-failed')).getAllByTestId('outbox-row');
    expect(failed.map((row) => row.dataset.state)).toEqual(['failed', 'held']);
    expect([...failed[0]!.children].map((cell) => cell.textContent)).toEqual(['Review', REVIEW_HOOK, '3 h', '4', 'HTTP 503', 'in 20 min']);
    expect(within(failed[1]!).getByTestId('outbox-retry').textContent).toBe(OUTBOX_TEXT.held);
    expect(screen.getByTestId('outbox-total').textContent).toBe('3 deliveries waiting');
    expect(screen.getByTestId('outbox-dropped').textContent).toBe('No delivery was dropped.');
  });

  it('says when nothing waits, and how many deliveries the full outbox dropped', async () => {
    await renderWithStore(<OutboxSection />, { getOutbox: vi.fn(async () => outbox({ items: [], total: 0, dropped: 7 })) });
    expect(screen.getByTestId('outbox-empty').textContent).toBe(OUTBOX_TEXT.empty);
    expect(screen.getByTestId('outbox-dropped').textContent).toBe('7 deliveries were dropped because the outbox was full.');
    expect(screen.queryByTestId('outbox-queued')).toBeNull();
  });

  it('says how many are shown when the outbox holds more than the page lists', async () => {
    await renderWithStore(<OutboxSection />, { getOutbox: vi.fn(async () => outbox({ items: [item({ id: 1 })], total: 640 })) });
    expect(screen.getByTestId('outbox-total').textContent).toBe('The oldest 1 of 640 deliveries waiting are shown.');
  });

  it('follows the outbox as it changes, and keeps the last one on screen when a re-read fails', async () => {
    const getOutbox = vi.fn(async () => outbox());
    const { store } = await renderWithStore(<OutboxSection />, { getOutbox });
    getOutbox.mockResolvedValueOnce(outbox({ items: [], total: 0 }));
    await store.loadOutbox();
    await waitFor(() => expect(screen.getByTestId('outbox-empty')).toBeTruthy());
    getOutbox.mockRejectedValueOnce(new Error('The background did not answer.'));
    await store.loadOutbox();
    await waitFor(() => expect(screen.getByTestId('outbox-refresh-error').textContent).toBe(OUTBOX_TEXT.failed('The background did not answer.')));
    expect(screen.getByTestId('outbox-empty')).toBeTruthy();
  });

  it('shows why the outbox could not be read at all', async () => {
    await renderWithStore(<OutboxSection />, { getOutbox: vi.fn(async () => Promise.reject(new Error('IndexedDB is closed.'))) });
    expect(screen.getByTestId('outbox-error-banner').textContent).toBe(OUTBOX_TEXT.failed('IndexedDB is closed.'));
  });

  it('has a test button per configured endpoint and no button without one', async () => {
    await renderWithStore(<OutboxSection />, { getOutbox: vi.fn(async () => outbox({ destinations: [] })) });
    expect(screen.getByTestId('no-destinations').textContent).toBe(OUTBOX_TEXT.noDestinations);
    expect(screen.queryByText(OUTBOX_TEXT.sendTest)).toBeNull();
  });

  it.each<[string, TestDeliveryResult, string, string]>([
    ['delivered', { delivered: true, status: 204 }, 'Delivered (HTTP 204).', 'delivered'],
    ['an HTTP error', { delivered: false, status: 500, error: 'HTTP 500' }, 'Not delivered: the endpoint answered HTTP 500.', 'failed'],
    ['a network error', { delivered: false, error: 'not delivered (Failed to fetch)' }, 'Not delivered: not delivered (Failed to fetch)', 'failed'],
  ])('sends a test event to that endpoint only and shows %s', async (_name, result, text, outcome) => {
    let answer: (value: TestDeliveryResult) => void = () => undefined;
    const sendTestEvent = vi.fn(() => new Promise<TestDeliveryResult>((resolve) => (answer = resolve)));
    const getOutbox = vi.fn(async () => outbox());
    await renderWithStore(<OutboxSection />, { getOutbox, sendTestEvent });
    const review = screen.getByTestId('destination-review');
    fireEvent.click(within(review).getByTestId('send-test-review'));
    await waitFor(() => expect(within(review).getByTestId('send-test-review').textContent).toBe(OUTBOX_TEXT.sending));
    expect((within(review).getByTestId('send-test-review') as HTMLButtonElement).disabled).toBe(true);
    expect(sendTestEvent).toHaveBeenCalledWith('review');
    answer(result);
    const shown = await within(review).findByText(text);
    expect(shown.dataset.outcome).toBe(outcome);
    expect(screen.getByTestId('test-result-events').textContent).toBe('');
    // The outbox is read again after the test, which never adds to it.
    expect(getOutbox).toHaveBeenCalledTimes(2);
  });

  it('shows why a test could not be tried', async () => {
    const sendTestEvent = vi.fn(async () => Promise.reject(new Error('The policy in force sets no reporting.webhookUrl; there is nothing to test.')));
    await renderWithStore(<OutboxSection />, { getOutbox: vi.fn(async () => outbox()), sendTestEvent });
    fireEvent.click(screen.getByTestId('send-test-events'));
    await waitFor(() =>
      expect(screen.getByTestId('test-result-events').textContent).toBe(
        OUTBOX_TEXT.testFailed('The policy in force sets no reporting.webhookUrl; there is nothing to test.'),
      ),
    );
    expect(screen.getByTestId('test-result-events').dataset.outcome).toBe('failed');
  });

  it('renders a hostile destination or error as text', async () => {
    const hostile = '<img src=x onerror="alert(1)">';
    await renderWithStore(<OutboxSection />, {
      getOutbox: vi.fn(async () => outbox({ items: [item({ id: 9, state: 'failed', attempts: 1, lastError: hostile })] })),
    });
    expect(screen.getByTestId('outbox-error').textContent).toBe(hostile);
    expect(document.querySelector('img')).toBeNull();
  });
});
