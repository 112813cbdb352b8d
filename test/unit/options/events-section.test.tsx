import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EVENTS_SHOWN, EventsSection } from '../../../components/options/EventsSection';
import { buildDeviceCodeEvent } from '../../../lib/background/device-code-event';
import { forgetDatabase } from '../../../lib/storage/database';
import { appendEvent, listEvents } from '../../../lib/storage/events';
import { OPTIONS_TEXT } from '../../../lib/strings/options';
import { consentEvent } from './options-fixtures';
import { renderWithStore } from './options-harness';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  forgetDatabase();
});
afterEach(() => cleanup());

describe('the consent-events section', () => {
  it('lists the stored log newest first: time, app, provider, verdict, risk, action and reason', async () => {
    await appendEvent(consentEvent({ appName: 'First App', at: '2026-03-08T10:00:00.000Z', action: 'shown' }));
    await appendEvent(consentEvent({ appName: 'Second App', at: '2026-03-09T10:00:00.000Z', action: 'continued', reason: 'Needed for the Q3 report', verdict: 'blocked', risk: 'critical' }));
    await renderWithStore(<EventsSection />, { listEvents: vi.fn(() => listEvents()) });
    expect(screen.getByRole('region', { name: OPTIONS_TEXT.eventsHeading })).toBeTruthy();
    const rows = screen.getAllByTestId('event-row');
    expect(rows.map((row) => row.querySelector('th')?.textContent)).toEqual(['Second Appclient-1', 'First Appclient-1']);
    const cells = within(rows[0]!).getAllByRole('cell').map((cell) => cell.textContent);
    expect(rows[0]!.querySelector('time')?.getAttribute('datetime')).toBe('2026-03-09T10:00:00.000Z');
    expect(cells.slice(1)).toEqual(['Google', 'Blocked', 'Critical risk', 'Continued', 'Needed for the Q3 report']);
    expect(screen.getByTestId('events-count').textContent).toBe('2 events');
  });

  it('exports the log as CSV and JSON, read afresh at the click', async () => {
    const listed = vi.fn(async () => [consentEvent({ id: 1 })]);
    const { options } = await renderWithStore(<EventsSection />, { listEvents: listed });
    listed.mockResolvedValueOnce([consentEvent({ id: 2, appName: '=evil()' }), consentEvent({ id: 1 })]);
    fireEvent.click(screen.getByTestId('export-events-csv'));
    await waitFor(() => expect(options.download).toHaveBeenCalledTimes(1));
    const csv = options.download.mock.calls[0]![0];
    expect(csv.name).toBe('consent-gate-events-2026-03-10.csv');
    expect(csv.type).toBe('text/csv');
    expect(csv.text.split('\r\n')).toHaveLength(4);
    expect(csv.text).toContain(",'=evil(),");
    // The table now shows what was exported.
    expect(screen.getAllByTestId('event-row')).toHaveLength(2);

    fireEvent.click(screen.getByTestId('export-events-json'));
    await waitFor(() => expect(options.download).toHaveBeenCalledTimes(2));
    const json = options.download.mock.calls[1]![0];
    expect(json.name).toBe('consent-gate-events-2026-03-10.json');
    expect(json.type).toBe('application/json');
    expect((JSON.parse(json.text) as { events: unknown[] }).events).toHaveLength(1);
  });

  it('names a device-code page visit, which has no app or client id, by what it was', async () => {
    await appendEvent(buildDeviceCodeEvent({ provider: 'microsoft', host: 'login.microsoftonline.com' }, 'warn', 'shown', Date.now()));
    await renderWithStore(<EventsSection />, { listEvents: vi.fn(() => listEvents()) });
    const [row] = screen.getAllByTestId('event-row');
    expect(row?.querySelector('th')?.textContent).toBe(OPTIONS_TEXT.deviceCodePageEvent);
    expect(within(row!).getAllByRole('cell')[1]?.textContent).toBe('Microsoft');
  });

  it('says so when the log is empty, and offers no export', async () => {
    await renderWithStore(<EventsSection />, { listEvents: vi.fn(async () => []) });
    expect(screen.getByTestId('no-events').textContent).toBe(OPTIONS_TEXT.noEvents);
    expect((screen.getByTestId('export-events-csv') as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByTestId('export-events-json') as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows only the newest rows of a long log and says the exports hold all', async () => {
    const many = Array.from({ length: EVENTS_SHOWN + 50 }, (_, index) => consentEvent({ id: EVENTS_SHOWN + 50 - index }));
    await renderWithStore(<EventsSection />, { listEvents: vi.fn(async () => many) });
    expect(screen.getAllByTestId('event-row')).toHaveLength(EVENTS_SHOWN);
    expect(screen.getByTestId('events-count').textContent).toBe(OPTIONS_TEXT.eventsShown(EVENTS_SHOWN, EVENTS_SHOWN + 50));
  });

  it('shows a storage failure as an alert and recovers with "Try again"', async () => {
    const listed = vi.fn(async () => [consentEvent()]).mockRejectedValueOnce(new Error('Consent Gate could not open its local storage.'));
    await renderWithStore(<EventsSection />, { listEvents: listed });
    expect(screen.getByRole('alert').textContent).toContain('Consent Gate could not open its local storage.');
    fireEvent.click(screen.getByTestId('events-retry'));
    await screen.findByTestId('event-row');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows a failed export as an alert', async () => {
    const { options } = await renderWithStore(<EventsSection />, {
      download: vi.fn(() => {
        throw new Error('The download was blocked.');
      }),
    });
    fireEvent.click(screen.getByTestId('export-events-json'));
    await waitFor(() => expect(screen.getByTestId('export-error').textContent).toBe(OPTIONS_TEXT.exportFailed('The download was blocked.')));
    expect(options.download).toHaveBeenCalledTimes(1);
  });
});
