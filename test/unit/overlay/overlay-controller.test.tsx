import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fireEvent, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PageFacts } from '../../../lib/evaluation';
import type { MessageReplies, OverlayView } from '../../../lib/messages/protocol';
import { PAGE_FACTS_DEBOUNCE_MS, PAGE_FACTS_MAX_WAIT_MS, startOverlay, type OverlayController, type OverlayMessenger } from '../../../components/overlay/overlay-controller';
import { HOST_SELECTOR } from '../../../components/overlay/overlay-host';
import { HOSTILE_APP_NAME } from '../../fixtures/consent-pages/consent-pages';
import { makeView } from './overlay-view';

const FIXTURE_DIR = resolve(import.meta.dirname, '../../fixtures/consent-pages');

function showFixture(file: string): void {
  const parsed = new DOMParser().parseFromString(readFileSync(resolve(FIXTURE_DIR, file), 'utf8'), 'text/html');
  document.body.replaceChildren(...Array.from(parsed.body.childNodes).map((node) => document.importNode(node, true)));
}

function fakeMessenger(reply: (facts: PageFacts) => Promise<MessageReplies['consent/page-facts']>) {
  return {
    sendPageFacts: vi.fn((_url: string, facts: PageFacts) => reply(facts)),
    sendAction: vi.fn(async () => ({ ok: true as const })),
  } satisfies OverlayMessenger;
}

const controllers: OverlayController[] = [];
function start(messenger: OverlayMessenger): OverlayController {
  const controller = startOverlay(document, messenger, { confirmationMs: 50 });
  controllers.push(controller);
  return controller;
}

beforeEach(() => showFixture('google.html'));
afterEach(() => {
  for (const controller of controllers.splice(0)) controller.stop();
  document.body.replaceChildren();
});

describe('startOverlay', () => {
  it('puts the host in the page at once, loading, before any answer', () => {
    const controller = start(fakeMessenger(() => new Promise(() => {})));
    const { host } = controller.overlayHost;
    expect(host.parentNode).toBe(document.documentElement);
    expect(host.getAttribute('data-state')).toBe('loading');
  });

  it('draws the view the background seeded at once, before any answer, and still asks with the page facts', () => {
    const messenger = fakeMessenger(() => new Promise(() => {}));
    const controller = startOverlay(document, messenger, { initialView: makeView({ verdict: 'needs-review' }) });
    controllers.push(controller);
    const { host } = controller.overlayHost;
    expect(host.getAttribute('data-state')).toBe('ready');
    expect(host.getAttribute('data-verdict')).toBe('needs-review');
    expect(messenger.sendPageFacts).toHaveBeenCalledTimes(1);
  });

  it.each([[null], [{}], [{ flowId: 3 }], ['view']])('ignores a seeded value that is not a view (%j)', (initialView) => {
    const controller = startOverlay(document, fakeMessenger(() => new Promise(() => {})), { initialView: initialView as never });
    controllers.push(controller);
    expect(controller.overlayHost.host.getAttribute('data-state')).toBe('loading');
  });

  it('sends the page facts and renders the view it gets back, mirrored on the host', async () => {
    const view = makeView({ enforcement: 'warn' });
    const messenger = fakeMessenger(async () => ({ view }));
    const controller = start(messenger);
    const { host, mountPoint } = controller.overlayHost;
    await waitFor(() => expect(host.getAttribute('data-state')).toBe('ready'));
    expect(Object.fromEntries(['data-verdict', 'data-risk', 'data-provider', 'data-client-id', 'data-enforcement', 'data-display'].map((name) => [name, host.getAttribute(name)]))).toEqual({
      'data-verdict': 'needs-review',
      'data-risk': 'high',
      'data-provider': 'google',
      'data-client-id': view.request.clientId,
      'data-enforcement': 'warn',
      'data-display': 'panel',
    });
    const [url, facts] = messenger.sendPageFacts.mock.calls[0] ?? [];
    expect(url).toBe(location.href);
    expect(facts?.scopeDescriptions).toContain('See and download your contacts');
    expect(within(mountPoint).getByTestId('panel')).toBeTruthy();
  });

  it.each(['off', 'monitor'] as const)('%s: the host is there with its attributes, showing nothing', async (enforcement) => {
    const controller = start(fakeMessenger(async () => ({ view: makeView({ enforcement }) })));
    const { host, mountPoint } = controller.overlayHost;
    await waitFor(() => expect(host.getAttribute('data-state')).toBe('ready'));
    expect(host.getAttribute('data-enforcement')).toBe(enforcement);
    expect(host.getAttribute('data-display')).toBe('none');
    expect(mountPoint.textContent).toBe('');
  });

  it('sends actions with the flow id of the view', async () => {
    const messenger = fakeMessenger(async () => ({ view: makeView({ flowId: 'flow-42' }) }));
    const controller = start(messenger);
    const { mountPoint, host } = controller.overlayHost;
    await waitFor(() => expect(within(mountPoint).getByTestId('continue')).toBeTruthy());
    fireEvent.click(within(mountPoint).getByTestId('continue'));
    await waitFor(() => expect(host.getAttribute('data-display')).toBe('pill'));
    expect(messenger.sendAction).toHaveBeenCalledWith('flow-42', 'continue', undefined);
  });

  it('removes itself when the background says the tab is not in a flow', async () => {
    const controller = start(fakeMessenger(async () => ({ view: null })));
    await waitFor(() => expect(controller.isActive()).toBe(false));
    expect(document.querySelector(HOST_SELECTOR)).toBeNull();
  });

  it.each([
    { name: 'rejects', reply: () => Promise.reject(new Error('Could not establish connection.')), reason: 'Could not establish connection.' },
    { name: 'answers nothing', reply: () => Promise.resolve(undefined as unknown as MessageReplies['consent/page-facts']), reason: 'the extension did not answer' },
  ])('shows that the check failed when the background $name', async ({ reply, reason }) => {
    const controller = start(fakeMessenger(reply));
    const { host, mountPoint } = controller.overlayHost;
    await waitFor(() => expect(host.getAttribute('data-state')).toBe('error'));
    expect(within(mountPoint).getByTestId('check-failed').textContent).toContain(reason);
  });

  it('reads the page again after it changes, once the changes settle', async () => {
    const messenger = fakeMessenger(async () => ({ view: makeView() }));
    const controller = start(messenger);
    await waitFor(() => expect(controller.overlayHost.host.getAttribute('data-state')).toBe('ready'));
    const calls = messenger.sendPageFacts.mock.calls.length;
    const list = document.querySelector('ul.J9fJmf');
    for (const text of ['Manage your calendars', 'See your location']) {
      const item = document.createElement('li');
      item.textContent = text;
      list?.append(item);
    }
    await new Promise((resolve) => setTimeout(resolve, PAGE_FACTS_DEBOUNCE_MS + 100));
    expect(messenger.sendPageFacts.mock.calls.length).toBe(calls + 1);
    expect(messenger.sendPageFacts.mock.calls.at(-1)?.[1].scopeDescriptions).toContain('See your location');
  });

  // A page that never stops changing (a ticking clock, an animation written in the DOM, or a page doing it on
  // purpose) must not hold back what it shows: the quiet period has a limit.
  it('reads the page again while it keeps changing faster than the quiet period', async () => {
    const messenger = fakeMessenger(async () => ({ view: makeView() }));
    const controller = start(messenger);
    await waitFor(() => expect(controller.overlayHost.host.getAttribute('data-state')).toBe('ready'));
    const item = document.createElement('li');
    item.textContent = 'See your location';
    document.querySelector('ul.J9fJmf')?.append(item);
    const ticker = document.createElement('span');
    document.body.append(ticker);
    const churn = setInterval(() => {
      ticker.textContent = String(Date.now());
    }, PAGE_FACTS_DEBOUNCE_MS / 3);
    try {
      await new Promise((resolve) => setTimeout(resolve, PAGE_FACTS_MAX_WAIT_MS + PAGE_FACTS_DEBOUNCE_MS + 200));
      const sent = messenger.sendPageFacts.mock.calls.map((call) => call[1].scopeDescriptions ?? []);
      expect(sent.some((descriptions) => descriptions.includes('See your location'))).toBe(true);
    } finally {
      clearInterval(churn);
    }
  });

  it('does not send the same facts twice for changes that do not change them', async () => {
    const messenger = fakeMessenger(async () => ({ view: makeView() }));
    const controller = start(messenger);
    await waitFor(() => expect(controller.overlayHost.host.getAttribute('data-state')).toBe('ready'));
    // The first read names no provider (this page's host is not a consent host), the view then names Google, whose
    // extractor also lists what the page does not show: let one change carry those facts before counting.
    document.body.append(document.createElement('span'));
    await new Promise((resolve) => setTimeout(resolve, PAGE_FACTS_DEBOUNCE_MS + 50));
    const calls = messenger.sendPageFacts.mock.calls.length;
    document.body.append(document.createElement('span'));
    controller.overlayHost.host.remove();
    await new Promise((resolve) => setTimeout(resolve, PAGE_FACTS_DEBOUNCE_MS + 100));
    expect(messenger.sendPageFacts.mock.calls.length).toBe(calls);
  });

  it('ignores an older answer that arrives after a newer one', async () => {
    let resolveFirst: (reply: MessageReplies['consent/page-facts']) => void = () => {};
    const replies: Promise<MessageReplies['consent/page-facts']>[] = [
      new Promise((resolve) => (resolveFirst = resolve)),
      Promise.resolve({ view: makeView({ enforcement: 'block' }) }),
    ];
    let call = 0;
    const controller = start(fakeMessenger(() => replies[Math.min(call++, 1)] as Promise<MessageReplies['consent/page-facts']>));
    controller.refresh(true);
    const { host } = controller.overlayHost;
    await waitFor(() => expect(host.getAttribute('data-enforcement')).toBe('block'));
    resolveFirst({ view: makeView({ enforcement: 'inform' }) });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(host.getAttribute('data-enforcement')).toBe('block');
  });

  it('renders a hostile page app name as text', async () => {
    showFixture('hostile.html');
    const messenger = fakeMessenger(async (facts) => ({ view: { ...makeView(), appName: facts.appName } as OverlayView }));
    const controller = start(messenger);
    const { mountPoint } = controller.overlayHost;
    await waitFor(() => expect(within(mountPoint).getByTestId('app-name').textContent).toBe(HOSTILE_APP_NAME));
    expect(mountPoint.querySelector('img, script')).toBeNull();
  });
});

describe('after the page removes the host', () => {
  it('the modal gets the focus back', async () => {
    const controller = start(fakeMessenger(async () => ({ view: makeView({ enforcement: 'block' }) })));
    const { host, mountPoint } = controller.overlayHost;
    await waitFor(() => expect(within(mountPoint).getByRole('alertdialog')).toBeTruthy());
    host.remove();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(host.isConnected).toBe(true);
    const root = mountPoint.getRootNode() as ShadowRoot;
    expect(root.activeElement).toBe(within(mountPoint).getByRole('alertdialog'));
  });
});
