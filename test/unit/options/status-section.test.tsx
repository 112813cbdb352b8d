import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PolicyStatusSection } from '../../../components/options/PolicyStatusSection';
import { MessageError } from '../../../lib/messages/send-message';
import { OPTIONS_TEXT } from '../../../lib/strings/options';
import { policyStatus } from './options-fixtures';
import { renderWithStore } from './options-harness';

afterEach(() => cleanup());

describe('the policy status section', () => {
  it('is a landmark with a heading and lists each part of the policy with the source it came from', async () => {
    await renderWithStore(<PolicyStatusSection />);
    const region = screen.getByRole('region', { name: OPTIONS_TEXT.statusHeading });
    expect(within(region).getByRole('heading', { level: 2 }).textContent).toBe(OPTIONS_TEXT.statusHeading);
    const rows = screen.getAllByTestId('summary-row');
    expect(rows.map((row) => [row.dataset.key, row.dataset.origin])).toContainEqual(['enforcement', 'remote']);
    const enforcement = rows.find((row) => row.dataset.key === 'enforcement')!;
    expect(within(enforcement).getByTestId('source-badge').textContent).toBe('Remote config');
    expect(enforcement.textContent).toContain('Acknowledge');
    const scopeCreep = rows.find((row) => row.dataset.key === 'rules.scope-creep')!;
    expect(within(scopeCreep).getByTestId('source-badge').dataset.source).toBe('managed');
  });

  it('shows the remote config address, serial and last check, and no alert when every source is fine', async () => {
    await renderWithStore(<PolicyStatusSection />);
    expect(screen.getByTestId('remote-url').textContent).toBe('https://config.acme.example/consent-gate.json');
    expect(screen.getByTestId('remote-serial').textContent).toBe('42');
    expect(screen.getByTestId('remote-checked-at').querySelector('time')?.getAttribute('datetime')).toBe('2026-03-10T09:30:00.000Z');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByTestId('source-managed').dataset.active).toBe('true');
  });

  it('shows every source error prominently as an alert', async () => {
    const status = policyStatus();
    status.sources.remote.error = 'The signature does not verify with the pinned key.';
    status.sources.managed.error = 'Chrome dropped "reporting": it does not match the schema.';
    await renderWithStore(<PolicyStatusSection />, { getPolicyStatus: vi.fn(async () => status) });
    const alert = screen.getByRole('alert');
    expect(alert.dataset.testid).toBe('source-errors');
    expect(within(alert).getByTestId('source-error-remote').textContent).toBe('Remote config: The signature does not verify with the pinned key.');
    expect(within(alert).getByTestId('source-error-managed').textContent).toContain('Chrome dropped');
    expect(within(alert).queryByTestId('source-error-local')).toBeNull();
  });

  it('"Check now" asks for the remote config, says what happened and shows the new serial', async () => {
    const after = policyStatus();
    after.sources.remote.serial = 43;
    after.sources.remote.checkedAt = '2026-03-10T11:00:00.000Z';
    const getPolicyStatus = vi.fn(async () => policyStatus()).mockResolvedValueOnce(policyStatus()).mockResolvedValueOnce(after);
    const { options } = await renderWithStore(<PolicyStatusSection />, { getPolicyStatus, refreshRemoteConfig: vi.fn(async () => 'updated' as const) });
    fireEvent.click(screen.getByTestId('check-now'));
    expect((screen.getByTestId('check-now') as HTMLButtonElement).disabled).toBe(true);
    await waitFor(() => expect(screen.getByTestId('refresh-status').textContent).toBe(OPTIONS_TEXT.refreshOutcome.updated));
    expect(options.refreshRemoteConfig).toHaveBeenCalledTimes(1);
    expect(getPolicyStatus).toHaveBeenCalledTimes(2);
    expect(screen.getByTestId('remote-serial').textContent).toBe('43');
    expect((screen.getByTestId('check-now') as HTMLButtonElement).disabled).toBe(false);
  });

  it('says why "Check now" could not run', async () => {
    await renderWithStore(<PolicyStatusSection />, {
      refreshRemoteConfig: vi.fn(async () => {
        throw new MessageError('Consent Gate\u2019s background did not answer.', false);
      }),
    });
    fireEvent.click(screen.getByTestId('check-now'));
    await waitFor(() => expect(screen.getByTestId('refresh-status').textContent).toBe(OPTIONS_TEXT.refreshFailed('Consent Gate\u2019s background did not answer.')));
  });

  it('offers no "Check now" when no remote config is configured', async () => {
    const status = policyStatus();
    status.sources.remote = { active: false };
    await renderWithStore(<PolicyStatusSection />, { getPolicyStatus: vi.fn(async () => status) });
    expect(screen.getByTestId('remote-not-configured').textContent).toBe(OPTIONS_TEXT.remoteNotConfigured);
    expect(screen.queryByTestId('check-now')).toBeNull();
  });

  it('says so when managed policy forbids local policy files', async () => {
    const status = policyStatus();
    status.sources.local = { active: false, allowed: false };
    await renderWithStore(<PolicyStatusSection />, { getPolicyStatus: vi.fn(async () => status) });
    expect(screen.getByTestId('status-local-locked').textContent).toBe(OPTIONS_TEXT.localNotAllowed);
  });

  it('shows a failed read as an alert and recovers with "Try again"', async () => {
    const getPolicyStatus = vi.fn(async () => policyStatus()).mockRejectedValueOnce(new MessageError('The background is restarting.', false));
    await renderWithStore(<PolicyStatusSection />, { getPolicyStatus });
    expect(screen.getByRole('alert').textContent).toContain(OPTIONS_TEXT.statusFailed('The background is restarting.'));
    fireEvent.click(screen.getByTestId('status-retry'));
    await screen.findAllByTestId('summary-row');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('keeps the policy on screen when a later read fails, with the error beside it', async () => {
    const getPolicyStatus = vi.fn(async () => policyStatus());
    const { store } = await renderWithStore(<PolicyStatusSection />, { getPolicyStatus });
    getPolicyStatus.mockRejectedValueOnce(new Error('Receiving end does not exist.'));
    await store.loadStatus();
    await waitFor(() => expect(screen.getByTestId('status-refresh-error').textContent).toContain('Receiving end does not exist.'));
    expect(screen.getAllByTestId('summary-row').length).toBeGreaterThan(0);
  });
});
