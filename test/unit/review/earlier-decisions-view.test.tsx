import { cleanup, render, screen, waitFor, within } from '@testing-library/preact';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ReviewPage } from '../../../components/review/ReviewPage';
import { ReviewStoreContext } from '../../../components/review/review-store-context';
import type { Policy } from '../../../lib/policy/schema';
import { forgetDatabase } from '../../../lib/storage/database';
import { createReview, getReview, putReview } from '../../../lib/storage/reviews';
import { EARLIER_DECISION_TEXT } from '../../../lib/strings/earlier-decisions';
import { createReviewStore } from '../../../lib/ui-stores/review-store';
import { googlePrefill } from './review-fixtures';

const CLIENT = '1234-abc.apps.googleusercontent.com';
const TODAY = new Date(2026, 2, 10, 12, 0, 0);

async function show(getPolicy: () => Promise<Policy>) {
  const record = await createReview(googlePrefill());
  const store = createReviewStore({
    storage: { createReview, getReview, putReview },
    notifySubmitted: vi.fn(async () => undefined),
    getPolicy: vi.fn(getPolicy),
    now: () => TODAY,
  });
  render(
    <ReviewStoreContext.Provider value={store}>
      <ReviewPage actions={{ copyText: vi.fn(async () => undefined), download: vi.fn() }} />
    </ReviewStoreContext.Provider>,
  );
  await store.load(record.id);
  return store;
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  forgetDatabase();
});
afterEach(() => cleanup());

describe('earlier decisions on the review page', () => {
  it('shows an earlier pilot: outcome, who, when, the written decision as a safe link, notes and scopes', async () => {
    await show(async () => ({
      schemaVersion: 1,
      approvedIntegrations: [
        {
          provider: 'google',
          clientId: CLIENT,
          name: 'Acme Webinars',
          scopes: ['openid', 'https://www.googleapis.com/auth/contacts.readonly'],
          kind: 'pilot',
          approvedBy: 'Ana Ruiz',
          approvedOn: '2026-02-01',
          expiresOn: '2026-02-15',
          decisionUrl: 'https://tickets.acme.example/SEC-12',
          notes: 'Pilot for the sales team; read-only contacts only.',
        },
      ],
    }));
    const section = await screen.findByRole('region', { name: EARLIER_DECISION_TEXT.title });
    const [decision] = within(section).getAllByTestId('earlier-decision');
    expect(decision!.dataset).toMatchObject({ outcome: 'pilot', expired: 'true', path: 'approvedIntegrations[0]' });
    expect(within(decision!).getByTestId('earlier-decision-outcome').textContent).toBe('Approved as a pilot');
    expect(decision!.textContent).toContain('expired on 2026-02-15');
    expect(within(decision!).getByTestId('earlier-decision-by').textContent).toBe('Ana Ruiz');
    expect(within(decision!).getByTestId('earlier-decision-on').textContent).toBe('2026-02-01');
    const link = within(decision!).getByTestId('earlier-decision-link') as HTMLAnchorElement;
    expect(link.getAttribute('href')).toBe('https://tickets.acme.example/SEC-12');
    expect(link.textContent).toBe('https://tickets.acme.example/SEC-12');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(within(decision!).getByTestId('earlier-decision-notes').textContent).toBe('Pilot for the sales team; read-only contacts only.');
    expect(within(decision!).getByTestId('earlier-decision-scopes').textContent).toContain('contacts.readonly');
  });

  it('shows a block with its reason before an approval, and says when who and when were not recorded', async () => {
    await show(async () => ({
      schemaVersion: 1,
      approvedIntegrations: [{ provider: 'google', clientId: CLIENT, scopes: ['openid'], notes: 'Sign-in only.' }],
      blockedIntegrations: [{ provider: 'google', clientId: CLIENT, reason: 'Exported contacts to its own CRM.' }],
    }));
    const decisions = await screen.findAllByTestId('earlier-decision');
    expect(decisions.map((decision) => decision.dataset.outcome)).toEqual(['blocked', 'production']);
    expect(within(decisions[0]!).getByTestId('earlier-decision-notes').textContent).toBe('Exported contacts to its own CRM.');
    expect(within(decisions[0]!).queryByTestId('earlier-decision-by')).toBeNull();
    expect(within(decisions[1]!).getByTestId('earlier-decision-by').textContent).toBe(EARLIER_DECISION_TEXT.unknown);
  });

  it('never turns a policy value into markup or a script link', async () => {
    // A value the schema would refuse, as if it reached the page some other way: shown as text, never as a link.
    await show(async () => ({
      schemaVersion: 1,
      approvedIntegrations: [
        { provider: 'google', clientId: CLIENT, scopes: ['openid'], decisionUrl: 'javascript:alert(1)', notes: '<img src=x onerror="alert(1)">' },
      ],
    }));
    const decision = await screen.findByTestId('earlier-decision');
    expect(within(decision).queryByTestId('earlier-decision-link')).toBeNull();
    expect(decision.querySelector('a')).toBeNull();
    expect(within(decision).getByTestId('earlier-decision-notes').textContent).toBe('<img src=x onerror="alert(1)">');
    expect(document.querySelector('img')).toBeNull();
  });

  it('shows nothing when the policy decided nothing on this app', async () => {
    const store = await show(async () => ({
      schemaVersion: 1,
      approvedIntegrations: [{ provider: 'google', clientId: 'another-app', scopes: ['openid'], notes: 'n' }],
    }));
    await waitFor(() => expect(store.earlierDecisions.value.kind).toBe('ready'));
    expect(screen.queryByTestId('earlier-decisions')).toBeNull();
    expect(screen.getByTestId('prefill')).toBeTruthy();
  });

  it('says why when the policy cannot be read, and the questionnaire still works', async () => {
    await show(async () => Promise.reject(new Error('The background did not answer.')));
    expect((await screen.findByTestId('earlier-decisions-error')).textContent).toBe(EARLIER_DECISION_TEXT.failed('The background did not answer.'));
    expect(screen.getByTestId('field-toolName')).toBeTruthy();
  });
});
