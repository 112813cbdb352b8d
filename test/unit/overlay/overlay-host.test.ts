import { afterEach, describe, expect, it } from 'vitest';
import { createOverlayHost, HOST_SELECTOR, type OverlayHost } from '../../../components/overlay/overlay-host';

const hosts: OverlayHost[] = [];
function create(): OverlayHost {
  const overlayHost = createOverlayHost(document);
  hosts.push(overlayHost);
  return overlayHost;
}

/** MutationObserver callbacks run as microtasks; a macrotask turn lets them all settle. */
const settle = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));

afterEach(() => {
  for (const overlayHost of hosts.splice(0)) overlayHost.disconnect();
  document.getElementById('hostile-cover')?.remove();
});

describe('the overlay host', () => {
  it('is a built-in <div data-consent-gate> child of <html> with a closed shadow root', () => {
    const { host, mountPoint } = create();
    expect(host.localName).toBe('div');
    expect(host.hasAttribute('data-consent-gate')).toBe(true);
    expect(document.querySelector(HOST_SELECTOR)).toBe(host);
    expect(host.parentNode).toBe(document.documentElement);
    expect(host.shadowRoot).toBeNull();
    expect(mountPoint.getRootNode()).not.toBe(document);
  });

  it('attaches even when the page defined a consent-gate custom element that claims the shadow root', () => {
    // What a hostile page can do in its own world before our script runs; the host's tag is out of its reach.
    class Squatter extends HTMLElement {
      constructor() {
        super();
        this.attachShadow({ mode: 'closed' });
      }
    }
    if (!customElements.get('consent-gate')) customElements.define('consent-gate', Squatter);
    const { host, mountPoint } = create();
    expect(host).not.toBeInstanceOf(Squatter);
    expect(mountPoint.getRootNode()).not.toBe(document);
    expect(host.parentNode).toBe(document.documentElement);
  });

  it('puts its marker back when the page removes it', async () => {
    const overlayHost = create();
    overlayHost.host.removeAttribute('data-consent-gate');
    await settle();
    expect(overlayHost.host.getAttribute('data-consent-gate')).toBe('');
  });

  it('runs no top-layer watch where the browser has no popovers (happy-dom has none)', () => {
    const overlayHost = create();
    expect(typeof overlayHost.host.showPopover).toBe('undefined');
    expect(overlayHost.topLayerStats()).toBeNull();
  });

  it('works before <body> exists', () => {
    const doc = document.implementation.createHTMLDocument('');
    doc.body.remove();
    const overlayHost = createOverlayHost(doc);
    expect(overlayHost.host.parentNode).toBe(doc.documentElement);
    overlayHost.disconnect();
  });

  it('styles itself with all: initial, a maximal z-index and !important on every declaration', () => {
    const { host } = create();
    expect(host.style.getPropertyValue('z-index')).toBe('2147483647');
    expect(host.style.getPropertyPriority('z-index')).toBe('important');
    expect(host.style.getPropertyValue('display')).toBe('block');
    expect(host.style.getPropertyPriority('visibility')).toBe('important');
    expect(host.style.getPropertyValue('pointer-events')).toBe('none');
  });

  it('keeps the data attributes it was given', () => {
    const overlayHost = create();
    overlayHost.setAttributes({ 'data-verdict': 'needs-review', 'data-state': 'ready' });
    expect(overlayHost.host.getAttribute('data-verdict')).toBe('needs-review');
    overlayHost.setAttributes({ 'data-state': undefined });
    expect(overlayHost.host.hasAttribute('data-state')).toBe(false);
  });
});

describe('when the page attacks the host', () => {
  it.each([
    { name: 'removes it', attack: (host: HTMLElement) => host.remove() },
    { name: 'moves it into the body', attack: (host: HTMLElement) => document.body.append(host) },
    { name: 'restyles it inline', attack: (host: HTMLElement) => host.setAttribute('style', 'display:none') },
    { name: 'sets opacity through the CSSOM', attack: (host: HTMLElement) => host.style.setProperty('opacity', '0', 'important') },
    { name: 'transforms it away', attack: (host: HTMLElement) => (host.style.transform = 'translateX(-9999px)') },
    { name: 'sets hidden', attack: (host: HTMLElement) => (host.hidden = true) },
    { name: 'makes it inert', attack: (host: HTMLElement) => host.setAttribute('inert', '') },
    { name: 'forges its verdict', attack: (host: HTMLElement) => host.setAttribute('data-verdict', 'approved') },
    { name: 'removes its verdict', attack: (host: HTMLElement) => host.removeAttribute('data-verdict') },
    { name: 'adds a class', attack: (host: HTMLElement) => (host.className = 'hidden') },
  ])('it repairs itself when the page $name', async ({ attack }) => {
    const overlayHost = create();
    overlayHost.setAttributes({ 'data-verdict': 'needs-review' });
    const styleBefore = overlayHost.host.getAttribute('style');
    attack(overlayHost.host);
    await settle();
    const { host } = overlayHost;
    expect(host.parentNode).toBe(document.documentElement);
    expect(host.getAttribute('style')).toBe(styleBefore);
    expect(host.getAttribute('data-verdict')).toBe('needs-review');
    for (const name of ['hidden', 'inert', 'class']) expect(host.hasAttribute(name)).toBe(false);
    expect(overlayHost.repairs()).toBeGreaterThan(0);
  });

  it('stays the last child when the page covers it with a later element (no top layer here)', async () => {
    const { host } = create();
    const cover = document.createElement('div');
    cover.id = 'hostile-cover';
    cover.style.cssText = 'position:fixed;inset:0;z-index:2147483647';
    document.documentElement.append(cover);
    await settle();
    expect(document.documentElement.lastElementChild).toBe(host);
  });

  it('comes back when <html> itself is replaced', async () => {
    const { host } = create();
    const original = document.documentElement;
    const replacement = document.createElement('html');
    replacement.append(document.createElement('body'));
    original.remove();
    document.append(replacement);
    await settle();
    expect(host.parentNode).toBe(replacement);
    replacement.remove();
    document.append(original);
    await settle();
    expect(host.parentNode).toBe(original);
  });

  it('does not turn a page that fights back into a busy loop', async () => {
    const overlayHost = create();
    let removals = 0;
    const fighter = new MutationObserver(() => {
      if (overlayHost.host.isConnected) {
        overlayHost.host.remove();
        removals += 1;
      }
    });
    fighter.observe(document.documentElement, { childList: true });
    overlayHost.host.remove();
    await settle(50);
    fighter.disconnect();
    // A burst of immediate repairs, then one repair per back-off period, instead of an endless microtask loop.
    expect(overlayHost.repairs()).toBeLessThanOrEqual(41);
    expect(removals).toBeLessThanOrEqual(41);
    await settle(300);
    expect(overlayHost.host.parentNode).toBe(document.documentElement);
  });

  it('stops guarding when disconnected', async () => {
    const overlayHost = createOverlayHost(document);
    overlayHost.disconnect();
    await settle();
    expect(overlayHost.host.isConnected).toBe(false);
  });
});
