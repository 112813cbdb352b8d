/**
 * After a browser start the status in force waits seconds for managed storage: the page shows the last known
 * status at once, marks the sources still being read, and switches to the status in force when it arrives.
 */
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OptionsStoreContext } from '../../../components/options/options-store-context';
import { PolicyStatusSection } from '../../../components/options/PolicyStatusSection';
import type { PolicyStatus } from '../../../lib/messages/protocol';
import { OPTIONS_TEXT } from '../../../lib/strings/options';
import { createOptionsStore, type PolicySnapshotReply } from '../../../lib/ui-stores/options-store';
import { POLICY, policyStatus } from './options-fixtures';
import { fakeOptions } from './options-harness';

afterEach(() => cleanup());

const KEPT = policyStatus({}, { ...POLICY, enforcement: 'warn' });
const IN_FORCE = policyStatus({}, { ...POLICY, enforcement: 'block' });

function deferred<T>() {
  let resolve: (value: T) => void = () => undefined;
  let reject: (error: Error) => void = () => undefined;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

function enforcementShown(): string | null | undefined {
  return screen.getAllByTestId('summary-row').find((row) => row.dataset.key === 'enforcement')?.textContent;
}

function setup(snapshot: () => Promise<PolicySnapshotReply>) {
  const inForce = deferred<PolicyStatus>();
  const options = fakeOptions({ getPolicyStatus: () => inForce.promise, getPolicySnapshot: snapshot });
  const store = createOptionsStore(options);
  render(
    <OptionsStoreContext.Provider value={store}>
      <PolicyStatusSection />
    </OptionsStoreContext.Provider>,
  );
  const loaded = store.load();
  return { store, inForce, loaded };
}

describe('the policy status while the sources are read', () => {
  it('shows the last known policy at once, marks the sources being read, then the policy in force', async () => {
    const { inForce, loaded } = setup(async () => ({ ok: true, status: KEPT, reading: ['managed', 'remote'], savedAt: '2026-03-09T18:00:00.000Z' }));
    const notice = await screen.findByTestId('policy-reading');
    expect(notice.dataset.reading).toBe('managed remote');
    expect(notice.textContent).toMatch(/^Showing the last known policy \(as of .+\) while Consent Gate reads the managed policy and remote config\./);
    expect(screen.queryByText(OPTIONS_TEXT.statusLoading)).toBeNull();
    expect(enforcementShown()).toContain('Warn');
    expect(screen.getByTestId('source-managed').dataset.reading).toBe('true');
    expect(screen.getByTestId('source-remote').dataset.reading).toBe('true');
    expect(screen.getByTestId('source-local').dataset.reading).toBe('false');

    inForce.resolve(IN_FORCE);
    await loaded;
    await waitFor(() => expect(screen.queryByTestId('policy-reading')).toBeNull());
    expect(enforcementShown()).toContain('Block');
    expect(screen.getByTestId('source-managed').dataset.reading).toBe('false');
  });

  it('says what is being read when no status was ever kept', async () => {
    const { inForce, loaded } = setup(async () => ({ ok: true, status: null, reading: ['managed', 'remote', 'local'] }));
    const notice = await screen.findByTestId('policy-reading');
    expect(notice.textContent).toBe('Consent Gate is reading the managed policy, remote config and local policy\u2026');
    expect(screen.getByText(OPTIONS_TEXT.statusLoading)).toBeTruthy();
    inForce.resolve(IN_FORCE);
    await loaded;
    await waitFor(() => expect(screen.queryByTestId('policy-reading')).toBeNull());
  });

  it('never replaces the policy in force with a snapshot that answers later', async () => {
    const late = deferred<PolicySnapshotReply>();
    const { inForce, loaded } = setup(() => late.promise);
    inForce.resolve(IN_FORCE);
    await loaded;
    late.resolve({ ok: true, status: KEPT, reading: ['managed'], savedAt: '2026-03-09T18:00:00.000Z' });
    await late.promise;
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(enforcementShown()).toContain('Block');
    expect(screen.queryByTestId('policy-reading')).toBeNull();
  });

  it('keeps the last known policy and its notice beside the error when the read fails', async () => {
    const { inForce, loaded } = setup(async () => ({ ok: true, status: KEPT, reading: ['managed'], savedAt: '2026-03-09T18:00:00.000Z' }));
    await screen.findByTestId('policy-reading');
    inForce.reject(new Error('The background did not answer.'));
    await loaded;
    await waitFor(() => expect(screen.getByTestId('status-refresh-error').textContent).toBe(OPTIONS_TEXT.statusFailed('The background did not answer.')));
    expect(screen.getByTestId('policy-reading')).toBeTruthy();
    expect(enforcementShown()).toContain('Warn');
  });

  it('waits for the status in force alone when the snapshot fails', async () => {
    const getPolicySnapshot = vi.fn(async (): Promise<PolicySnapshotReply> => Promise.reject(new Error('refused')));
    const { inForce, loaded } = setup(getPolicySnapshot);
    await waitFor(() => expect(getPolicySnapshot).toHaveBeenCalled());
    expect(screen.getByText(OPTIONS_TEXT.statusLoading)).toBeTruthy();
    inForce.resolve(IN_FORCE);
    await loaded;
    await waitFor(() => expect(enforcementShown()).toContain('Block'));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
