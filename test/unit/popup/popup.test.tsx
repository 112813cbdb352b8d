import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Popup } from '../../../components/popup/Popup';
import { PopupStoreContext } from '../../../components/popup/popup-store-context';
import type { TabState } from '../../../lib/messages/protocol';
import { forgetDatabase } from '../../../lib/storage/database';
import type { ReviewStatus } from '../../../lib/storage/records';
import { createReview, deleteReview, getReview, listReviews, putReview, setReviewStatus } from '../../../lib/storage/reviews';
import { StorageError } from '../../../lib/storage/storage-error';
import { POPUP_TEXT } from '../../../lib/strings/popup';
import { createPopupStore, type PopupStoreOptions } from '../../../lib/ui-stores/popup-store';
import { googlePrefill, validAnswers } from '../review/review-fixtures';

const flowState: TabState = {
  flowId: 'flow-1',
  tabId: 7,
  capturedAt: 0,
  request: {
    provider: 'google',
    endpoint: 'authorize',
    url: 'https://accounts.google.com/o/oauth2/v2/auth?client_id=1234',
    host: 'accounts.google.com',
    clientId: '1234',
    scopes: ['https://mail.google.com/'],
    scopeSources: {},
    pkce: null,
    offlineAccess: true,
    anomalies: [],
  },
  view: {
    flowId: 'flow-1',
    enforcement: 'warn',
    request: { provider: 'google', clientId: '1234', scopes: ['https://mail.google.com/'], offlineAccess: true, host: 'accounts.google.com' },
    appName: 'Mail <b>Helper</b>',
    organization: {},
    evaluation: {
      verdict: 'needs-review',
      risk: 'critical',
      scopes: [],
      findings: [
        { rule: 'offline-access', severity: 'warning', message: 'Keeps access when you are away.' },
        { rule: 'sensitive-data', severity: 'critical', message: 'Reads, sends and deletes all your email.' },
        { rule: 'unverified-publisher', severity: 'high', message: 'The publisher is not verified.' },
        { rule: 'note', severity: 'info', message: 'A note.' },
      ],
    },
  },
};

function setup(overrides: Partial<PopupStoreOptions> = {}) {
  const options: PopupStoreOptions = {
    storage: { listReviews: vi.fn(listReviews), deleteReview: vi.fn(deleteReview) },
    getActiveTabId: vi.fn(async () => 7),
    getTabState: vi.fn(async () => null),
    showOverlay: vi.fn(async () => undefined),
    openReview: vi.fn(async () => undefined),
    download: vi.fn(),
    ...overrides,
  };
  const store = createPopupStore(options);
  render(
    <PopupStoreContext.Provider value={store}>
      <Popup now={() => new Date()} />
    </PopupStoreContext.Provider>,
  );
  void store.load();
  return { store, options };
}

async function seed(name: string, status: ReviewStatus): Promise<string> {
  const record = await createReview(googlePrefill({ appName: name }));
  await putReview({ ...record, answers: validAnswers({ toolName: name }) });
  if (status !== 'draft') await setReviewStatus(record.id, status);
  return record.id;
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  forgetDatabase();
});
afterEach(() => cleanup());

describe('the popup', () => {
  it('lists the review requests grouped by status with a badge each', async () => {
    await seed('Draft Tool', 'draft');
    await seed('Submitted Tool', 'submitted');
    await seed('Approved Tool', 'approved');
    await seed('Declined Tool', 'declined');
    setup();
    await screen.findAllByTestId('review-row');
    for (const [status, name] of [
      ['draft', 'Draft Tool'],
      ['submitted', 'Submitted Tool'],
      ['approved', 'Approved Tool'],
      ['declined', 'Declined Tool'],
    ] as const) {
      const group = screen.getByTestId(`review-group-${status}`);
      const row = within(group).getByTestId('review-row');
      expect(within(row).getByTestId('review-app').textContent).toBe(name);
      expect(within(row).getByTestId('status-badge').dataset.status).toBe(status);
    }
    expect(screen.getAllByTestId('review-row').map((row) => row.dataset.status)).toEqual(['draft', 'submitted', 'approved', 'declined']);
  });

  it.each([
    [['Remote config: The signature does not match the pinned key.'], true],
    [[], false],
  ])('shows policy source errors %j in an alert', async (errors, shown) => {
    setup({ getPolicyErrors: vi.fn(async () => errors) });
    await screen.findByTestId('popup');
    if (shown) expect((await screen.findByTestId('policy-error')).textContent).toContain(errors[0]);
    else await waitFor(() => expect(screen.queryByTestId('policy-error')).toBeNull());
  });

  it('says so when there are no reviews', async () => {
    setup();
    expect((await screen.findByTestId('no-reviews')).textContent).toBe(POPUP_TEXT.noReviews);
  });

  it('asks to confirm a delete; "Keep" keeps the review, "Delete" removes it from storage', async () => {
    const id = await seed('Doomed Tool', 'draft');
    setup();
    const row = await screen.findByTestId('review-row');
    fireEvent.click(within(row).getByTestId('review-delete'));
    const confirm = await screen.findByTestId('confirm-delete');
    expect(confirm.textContent).toContain('Doomed Tool');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('confirm-delete-no')));
    fireEvent.click(screen.getByTestId('confirm-delete-no'));
    expect(screen.queryByTestId('confirm-delete')).toBeNull();
    expect(await getReview(id)).toBeDefined();

    fireEvent.click(within(screen.getByTestId('review-row')).getByTestId('review-delete'));
    fireEvent.click(await screen.findByTestId('confirm-delete-yes'));
    await waitFor(() => expect(screen.queryByTestId('review-row')).toBeNull());
    expect(await getReview(id)).toBeUndefined();
  });

  it('shows a banner when storage fails, and recovers on retry', async () => {
    const listing = vi
      .fn(listReviews)
      .mockRejectedValueOnce(new StorageError('unavailable', 'Consent Gate could not read the reviews: the browser does not allow its local database right now.'));
    await seed('Kept Tool', 'draft');
    setup({ storage: { listReviews: listing, deleteReview } });
    const banner = await screen.findByTestId('storage-error');
    expect(banner.getAttribute('role')).toBe('alert');
    expect(banner.textContent).toContain('does not allow its local database');
    fireEvent.click(screen.getByTestId('storage-retry'));
    await screen.findByTestId('review-row');
    expect(screen.queryByTestId('storage-error')).toBeNull();
  });

  it('shows a failed delete in the banner and keeps the row', async () => {
    await seed('Stuck Tool', 'draft');
    setup({ storage: { listReviews, deleteReview: async () => Promise.reject(new StorageError('quota', 'Consent Gate could not delete the review: the disk is full.')) } });
    fireEvent.click(within(await screen.findByTestId('review-row')).getByTestId('review-delete'));
    fireEvent.click(await screen.findByTestId('confirm-delete-yes'));
    expect((await screen.findByTestId('storage-error')).textContent).toContain('the disk is full');
    expect(screen.getByTestId('review-row')).toBeTruthy();
  });

  it('opens, exports and starts reviews', async () => {
    const id = await seed('Export Tool', 'submitted');
    const { options } = setup();
    const row = await screen.findByTestId('review-row');
    fireEvent.click(within(row).getByTestId('review-open'));
    expect(options.openReview).toHaveBeenCalledWith(id);
    fireEvent.click(within(row).getByTestId('review-export-markdown'));
    fireEvent.click(within(row).getByTestId('review-export-json'));
    const [markdown, json] = vi.mocked(options.download).mock.calls.map(([file]) => file);
    expect(markdown?.name).toMatch(/^consent-gate-review-export-tool-\d{4}-\d\d-\d\d\.md$/);
    expect(markdown?.text).toContain('# Integration review: Export Tool');
    expect(JSON.parse(json?.text ?? '{}').review.id).toBe(id);
    fireEvent.click(screen.getByTestId('new-review'));
    expect(options.openReview).toHaveBeenLastCalledWith(null);
  });

  it('shows "no sign-in request" when the tab is not in a flow', async () => {
    setup();
    expect((await screen.findByTestId('tab-no-flow')).textContent).toBe(POPUP_TEXT.noFlow);
  });

  it('shows the tab verdict, risk and top findings, and asks for the overlay', async () => {
    const { options } = setup({ getTabState: vi.fn(async () => flowState) });
    const card = await screen.findByTestId('tab-flow');
    expect(options.getTabState).toHaveBeenCalledWith(7);
    expect(within(card).getByTestId('tab-app').textContent).toBe('Mail <b>Helper</b>');
    expect(card.querySelector('b')).toBeNull();
    expect(card.dataset.verdict).toBe('needs-review');
    expect(within(card).getByTestId('tab-risk').textContent).toBe('Critical risk');
    const findings = within(card).getAllByRole('listitem').map((item) => item.textContent);
    expect(findings).toEqual(['Critical: Reads, sends and deletes all your email.', 'High: The publisher is not verified.', 'Warning: Keeps access when you are away.']);
    fireEvent.click(within(card).getByTestId('show-overlay'));
    expect(options.showOverlay).toHaveBeenCalledWith(7);
    expect((await screen.findByTestId('overlay-status')).textContent).toBe(POPUP_TEXT.overlayShown);
  });

  it('says why the overlay could not be shown', async () => {
    setup({ getTabState: vi.fn(async () => flowState), showOverlay: async () => Promise.reject(new Error('Cannot access this page.')) });
    fireEvent.click(await screen.findByTestId('show-overlay'));
    await waitFor(() => expect(screen.getByTestId('overlay-status').textContent).toContain('Cannot access this page.'));
  });

  it('shows why the tab could not be checked', async () => {
    setup({ getTabState: async () => Promise.reject(new Error('The background did not answer.')) });
    expect((await screen.findByTestId('tab-error')).textContent).toContain('The background did not answer.');
  });
});
