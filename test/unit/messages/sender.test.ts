import { describe, expect, it } from 'vitest';
import { classifySender, senderContext, type SenderFields } from '../../../lib/messages/sender';

const ID = 'panefockkbeooobjemlcjihjpegnkkcd';
const FIREFOX = { id: 'consent-gate@consentgate.example', origin: 'moz-extension://6b1c0a52-2f3e-4a4e-9b51-1f2a3b4c5d6e' };
const tab = { id: 7, index: 2, windowId: 1 };

describe('classifySender (Chromium)', () => {
  it.each<[string, SenderFields, 'content-script' | 'extension-page' | undefined]>([
    ['the popup (no tab)', { id: ID, url: `chrome-extension://${ID}/popup.html` }, 'extension-page'],
    ['the review page opened in a tab', { id: ID, url: `chrome-extension://${ID}/review.html?id=1`, tab }, 'extension-page'],
    ['a content script on a consent host', { id: ID, url: 'https://accounts.google.com/signin/oauth/consent', tab, frameId: 0 }, 'content-script'],
    ['a content script on a local demo host', { id: ID, url: 'http://localhost:3000/interaction/abc', tab }, 'content-script'],
    ['another extension page', { id: 'abcdefghijklmnopabcdefghijklmnop', url: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/popup.html' }, undefined],
    ['another extension claiming our page url', { id: 'abcdefghijklmnopabcdefghijklmnop', url: `chrome-extension://${ID}/popup.html` }, undefined],
    ['another extension content script', { id: 'abcdefghijklmnopabcdefghijklmnop', url: 'https://accounts.google.com/', tab }, undefined],
    ['no id', { url: 'https://accounts.google.com/', tab }, undefined],
    ['no url', { id: ID, tab }, undefined],
    ['an unparsable url', { id: ID, url: 'not a url', tab }, undefined],
    ['a web page without a tab', { id: ID, url: 'https://accounts.google.com/' }, undefined],
    ['a tab without an id', { id: ID, url: 'https://accounts.google.com/', tab: {} }, undefined],
    ['a negative tab id (no real tab)', { id: ID, url: 'https://accounts.google.com/', tab: { id: -1 } }, undefined],
    ['a file: page in a tab', { id: ID, url: 'file:///tmp/x.html', tab }, undefined],
    ['a data: page in a tab', { id: ID, url: 'data:text/html,<p>x', tab }, undefined],
    ['a look-alike extension origin', { id: ID, url: `chrome-extension://${ID}x/popup.html`, tab }, undefined],
    ['an empty sender (as fakeBrowser sends)', {}, undefined],
  ])('%s', (_name, sender, expected) => {
    expect(classifySender(sender, ID)).toBe(expected);
  });

  it('refuses everything when the extension id is empty', () => {
    expect(classifySender({ id: '', url: 'chrome-extension:///popup.html' }, '')).toBeUndefined();
  });
});

describe('classifySender (Firefox: page origin differs from the id)', () => {
  it.each<[string, SenderFields, 'content-script' | 'extension-page' | undefined]>([
    ['the popup', { id: FIREFOX.id, url: `${FIREFOX.origin}/popup.html` }, 'extension-page'],
    ['the review page in a tab', { id: FIREFOX.id, url: `${FIREFOX.origin}/review.html`, tab }, 'extension-page'],
    ['a content script', { id: FIREFOX.id, url: 'https://login.microsoftonline.com/common/oauth2/v2.0/authorize', tab }, 'content-script'],
    ['a page of another install', { id: FIREFOX.id, url: 'moz-extension://00000000-0000-0000-0000-000000000000/popup.html', tab }, undefined],
  ])('%s', (_name, sender, expected) => {
    expect(classifySender(sender, FIREFOX)).toBe(expected);
  });
});

describe('senderContext', () => {
  it('keeps the tab, frame and document the browser reported', () => {
    expect(senderContext('content-script', { id: ID, url: 'https://github.com/login/oauth/authorize', tab, frameId: 0, documentId: 'doc-1' })).toEqual({
      kind: 'content-script',
      url: 'https://github.com/login/oauth/authorize',
      tabId: 7,
      tabIndex: 2,
      windowId: 1,
      frameId: 0,
      documentId: 'doc-1',
    });
  });

  it('leaves out what the browser did not report', () => {
    expect(senderContext('extension-page', { id: ID, url: `chrome-extension://${ID}/popup.html` })).toEqual({
      kind: 'extension-page',
      url: `chrome-extension://${ID}/popup.html`,
    });
  });
});
