import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { chooseDeviceCodeDisplay, DeviceCodeWarning, type ShownDeviceCodeDisplay } from '../../../components/overlay/DeviceCodeWarning';
import { DEVICE_CODE_PROVIDERS } from '../../../lib/device-code-pages';
import type { DeviceCodeWarningView } from '../../../lib/messages/protocol';
import { deviceCodeStrings } from '../../../lib/strings/device-code';
import { ENFORCEMENTS } from './overlay-view';

afterEach(cleanup);

const SENTENCE = 'Only enter a code that you asked for yourself, on a device you own';

function view(overrides: Partial<DeviceCodeWarningView> = {}): DeviceCodeWarningView {
  return { provider: 'microsoft', enforcement: 'warn', organization: {}, ...overrides };
}

function renderWarning(warning = view()) {
  const onLeave = vi.fn();
  const displays: ShownDeviceCodeDisplay[] = [];
  const result = render(<DeviceCodeWarning warning={warning} onLeave={onLeave} onDisplayChange={(display) => displays.push(display)} />);
  return { ...result, onLeave, displays };
}

const EXPECTED: Record<(typeof ENFORCEMENTS)[number], { surface: string | null; actions: string[]; role?: string }> = {
  off: { surface: null, actions: [] },
  monitor: { surface: null, actions: [] },
  inform: { surface: 'banner', actions: ['dismiss', 'leave'], role: 'dialog' },
  warn: { surface: 'panel', actions: ['asked-for-it', 'leave'], role: 'alertdialog' },
  acknowledge: { surface: 'panel', actions: ['asked-for-it', 'leave'], role: 'alertdialog' },
  block: { surface: 'interstitial', actions: ['leave'], role: 'alertdialog' },
};

describe('DeviceCodeWarning in every enforcement mode', () => {
  it.each(ENFORCEMENTS.map((enforcement) => ({ enforcement, ...EXPECTED[enforcement] })))(
    '$enforcement: $surface with [$actions]',
    ({ enforcement, surface, actions, role }) => {
      const { container, displays } = renderWarning(view({ enforcement }));
      const shownActions = ['dismiss', 'asked-for-it', 'leave'].filter((id) => screen.queryByTestId(id) !== null);
      expect(shownActions).toEqual(actions);
      expect(displays).toEqual([surface ?? 'none']);
      expect(chooseDeviceCodeDisplay(enforcement)).toBe(surface ?? 'none');
      if (surface === null) {
        expect(container.textContent).toBe('');
        return;
      }
      const warning = screen.getByTestId('device-code-warning');
      expect(warning.getAttribute('role')).toBe(role);
      expect(screen.getByTestId('device-code-rule').textContent).toContain(SENTENCE);
      expect(screen.getByTestId('device-code-explanation').textContent).toMatch(/Attackers start such a sign-in themselves/);
    },
  );
});

describe('DeviceCodeWarning text', () => {
  it.each(DEVICE_CODE_PROVIDERS)('names %s in its heading and explanation', (provider) => {
    renderWarning(view({ provider }));
    const name = deviceCodeStrings.providerName[provider];
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(deviceCodeStrings.title(name));
    expect(screen.getByTestId('device-code-explanation').textContent).toContain(`your ${name} account`);
  });

  it('shows the organization and its support contact', () => {
    renderWarning(view({ organization: { name: 'Acme Corp', supportContact: 'security@acme.example' } }));
    const warning = screen.getByTestId('device-code-warning');
    expect(within(warning).getByText('Acme Corp security check')).toBeTruthy();
    expect(within(warning).getByTestId('support').textContent).toContain('security@acme.example');
  });

  it('says in block mode that signing devices in is not allowed, and offers no way on', () => {
    renderWarning(view({ enforcement: 'block' }));
    expect(screen.getByTestId('device-code-warning').textContent).toContain(deviceCodeStrings.blocked);
    expect(screen.queryByTestId('asked-for-it')).toBeNull();
  });
});

describe('DeviceCodeWarning actions', () => {
  it('"I asked for this code" hides the panel without leaving', () => {
    const { onLeave, displays } = renderWarning(view({ enforcement: 'warn' }));
    fireEvent.click(screen.getByTestId('asked-for-it'));
    expect(screen.queryByTestId('device-code-warning')).toBeNull();
    expect(onLeave).not.toHaveBeenCalled();
    expect(displays).toEqual(['panel', 'closed']);
  });

  it.each(['inform', 'warn', 'block'] as const)('"Leave this page" leaves, in %s mode', (enforcement) => {
    const { onLeave, displays } = renderWarning(view({ enforcement }));
    fireEvent.click(screen.getByTestId('leave'));
    expect(onLeave).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId('leaving').textContent).toBe(deviceCodeStrings.leaving);
    expect(displays.at(-1)).toBe('leaving');
  });

  it('the banner closes with Escape; the panel does not', () => {
    renderWarning(view({ enforcement: 'inform' }));
    fireEvent.keyDown(screen.getByTestId('device-code-warning'), { key: 'Escape' });
    expect(screen.queryByTestId('device-code-warning')).toBeNull();
    cleanup();
    renderWarning(view({ enforcement: 'warn' }));
    fireEvent.keyDown(screen.getByTestId('device-code-warning'), { key: 'Escape' });
    expect(screen.queryByTestId('device-code-warning')).not.toBeNull();
  });
});
