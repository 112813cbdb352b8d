import { render } from '@testing-library/preact';
import type { ComponentChildren } from 'preact';
import { vi, type Mock } from 'vitest';
import { OptionsStoreContext } from '../../../components/options/options-store-context';
import { createOptionsStore, type OptionsStoreOptions } from '../../../lib/ui-stores/options-store';
import { consentEvent, policyStatus, TODAY } from './options-fixtures';

type FakeName = Exclude<keyof OptionsStoreOptions, 'now'>;
export type FakeOptions = { [Name in FakeName]: Mock<OptionsStoreOptions[Name]> } & { now: () => Date };

/** A store on fakes of the background and the event log; each fake is a spy the test can inspect. */
export function fakeOptions(overrides: Partial<OptionsStoreOptions> = {}): FakeOptions {
  return {
    getPolicyStatus: vi.fn(overrides.getPolicyStatus ?? (async () => policyStatus())),
    importLocalPolicy: vi.fn(overrides.importLocalPolicy ?? (async () => ({ ok: true }) as const)),
    clearLocalPolicy: vi.fn(overrides.clearLocalPolicy ?? (async () => undefined)),
    refreshRemoteConfig: vi.fn(overrides.refreshRemoteConfig ?? (async () => 'not-modified' as const)),
    listEvents: vi.fn(
      overrides.listEvents ??
        (async () => [consentEvent({ id: 2 }), consentEvent({ id: 1, at: '2026-03-09T09:00:00.000Z', appName: 'Old App', action: 'cancelled' })]),
    ),
    download: vi.fn(overrides.download ?? (() => undefined)),
    getOutbox: vi.fn(overrides.getOutbox ?? (async () => ({ items: [], total: 0, dropped: 0, destinations: [] }))),
    sendTestEvent: vi.fn(overrides.sendTestEvent ?? (async () => ({ delivered: true as const, status: 200 }))),
    getPolicySnapshot: vi.fn(overrides.getPolicySnapshot ?? (async () => ({ ok: true as const, status: null, reading: [] }))),
    now: overrides.now ?? (() => TODAY),
  };
}

export async function renderWithStore(children: ComponentChildren, overrides: Partial<OptionsStoreOptions> = {}) {
  const options = fakeOptions(overrides);
  const store = createOptionsStore(options);
  const view = render(<OptionsStoreContext.Provider value={store}>{children}</OptionsStoreContext.Provider>);
  await store.load();
  return { store, options, view };
}
