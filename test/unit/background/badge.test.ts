import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { badgeFor } from '../../../lib/background/badge-appearance';
import type { OverlayView } from '../../../lib/messages/protocol';
import type { Verdict } from '../../../lib/evaluation';
import type { PolicyInput } from '../../../lib/policy/schema';
import { GOOGLE_CLIENT, navigate, resetBackground, setPolicy, startBackground, URLS } from './background-harness';

function view(verdict: Verdict, enforcement: OverlayView['enforcement'] = 'warn', appName?: string): OverlayView {
  return {
    flowId: 'f',
    enforcement,
    request: { provider: 'google', clientId: 'abc', scopes: ['openid', 'email'], offlineAccess: false, host: 'accounts.google.com' },
    evaluation: { verdict, risk: 'low', findings: [], scopes: [] },
    ...(appName === undefined ? {} : { appName }),
    organization: {},
  };
}

describe('badgeFor', () => {
  it.each<[Verdict, string, string, RegExp]>([
    ['approved', '✓', '#1a7f37', /^Consent Gate: Approved - Acme Notes asks for 2 permissions$/],
    ['allowed', '✓', '#1a7f37', /^Consent Gate: Allowed \(sign-in only\) - Acme Notes/],
    ['needs-review', '!', '#9a6700', /^Consent Gate: Needs review - Acme Notes/],
    ['blocked', '✕', '#cf222e', /^Consent Gate: Blocked - Acme Notes/],
  ])('%s: "%s" on %s', (verdict, text, color, title) => {
    expect(badgeFor(view(verdict, 'warn', 'Acme Notes'))).toEqual({ text, color, title: expect.stringMatching(title) });
  });

  it('names an app without a name by provider and client id', () => {
    expect(badgeFor(view('needs-review'))?.title).toBe('Consent Gate: Needs review - google app abc asks for 2 permissions');
  });

  it.each(['off', 'monitor'] as const)('shows nothing in %s mode', (enforcement) => {
    expect(badgeFor(view('blocked', enforcement))).toBeUndefined();
  });

  it.each(['inform', 'warn', 'acknowledge', 'block'] as const)('shows the verdict in %s mode', (enforcement) => {
    expect(badgeFor(view('needs-review', enforcement))?.text).toBe('!');
  });
});

describe('the toolbar badge of a captured request', () => {
  const TAB = 11;

  beforeEach(async () => {
    resetBackground();
    await startBackground();
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it.each<[string, PolicyInput, string, string, [number, number, number, number]]>([
    ['approved', { approvedIntegrations: [{ provider: 'google', clientId: GOOGLE_CLIENT, scopes: ['openid', 'email'], name: 'Acme Notes' }] }, URLS.googleSignIn, '✓', [0x1a, 0x7f, 0x37, 255]],
    ['allowed', {}, URLS.googleSignIn, '✓', [0x1a, 0x7f, 0x37, 255]],
    ['needs-review', {}, URLS.googleDrive, '!', [0x9a, 0x67, 0x00, 255]],
    ['blocked', { blockedIntegrations: [{ provider: 'google', clientId: GOOGLE_CLIENT }] }, URLS.googleDrive, '✕', [0xcf, 0x22, 0x2e, 255]],
  ])('%s', async (verdict, policy, url, text, color) => {
    await setPolicy(policy);
    await navigate(TAB, url, 'before-navigate');
    expect(await fakeBrowser.action.getBadgeText({ tabId: TAB })).toBe(text);
    expect(await fakeBrowser.action.getBadgeBackgroundColor({ tabId: TAB })).toEqual(color);
    expect(await fakeBrowser.action.getTitle({ tabId: TAB })).toMatch(new RegExp(`^Consent Gate: ${verdict === 'approved' ? 'Approved - Acme Notes' : ''}`));
    expect(await fakeBrowser.action.getBadgeText({ tabId: TAB + 1 })).toBe('');
  });

  it('clears the badge and restores the title when the flow ends', async () => {
    await navigate(TAB, URLS.googleDrive);
    await navigate(TAB, URLS.callback);
    expect(await fakeBrowser.action.getBadgeText({ tabId: TAB })).toBe('');
    expect(await fakeBrowser.action.getTitle({ tabId: TAB })).toBe('Consent Gate');
  });

  it('logs, and does not throw, when the tab is gone before the badge is set', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.spyOn(fakeBrowser.action, 'setBadgeText').mockRejectedValue(new Error('No tab with id: 11.'));
    await navigate(TAB, URLS.googleDrive, 'before-navigate');
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/could not update the toolbar badge of tab 11/), 'No tab with id: 11.');
  });
});

describe('the notification where the overlay cannot run', () => {
  const TAB = 12;

  beforeEach(async () => {
    resetBackground();
    await startBackground();
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it.each<[string, PolicyInput, string, boolean]>([
    ['needs review on a host without the content script', {}, URLS.genericWrite, true],
    ['blocked on a host without the content script', { blockedIntegrations: [{ provider: 'generic', clientId: 'notes-app' }] }, URLS.genericWrite, true],
    ['needs review on a consent host (the overlay shows)', {}, URLS.googleDrive, false],
    ['sign-in only on a host without the content script', {}, 'https://sso.acme-idp.example/oauth2/authorize?client_id=x&response_type=code&scope=openid&redirect_uri=https%3A%2F%2Fapp.example%2Fcb', false],
    ['monitor mode', { enforcement: 'monitor' }, URLS.genericWrite, false],
    ['off', { enforcement: 'off' }, URLS.genericWrite, false],
  ])('%s: %s', async (_name, policy, url, expected) => {
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    await setPolicy(policy);
    await navigate(TAB, url, 'before-navigate');
    expect(create).toHaveBeenCalledTimes(expected ? 1 : 0);
    if (expected) {
      expect(create).toHaveBeenCalledWith(expect.stringMatching(/^consent-gate:/), {
        type: 'basic',
        iconUrl: expect.stringMatching(/^data:image\/png;base64,/),
        title: expect.stringMatching(/^Consent Gate: this app (needs a review|is blocked)$/),
        message: expect.stringMatching(/Open Consent Gate from the toolbar/),
        priority: 2,
      });
    }
  });

  it('closes the notification when the flow ends', async () => {
    await navigate(TAB, URLS.genericWrite);
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toHaveLength(1);
    await navigate(TAB, URLS.callback);
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toHaveLength(0);
  });
});
