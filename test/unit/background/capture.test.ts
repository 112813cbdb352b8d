import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { FLOW_TTL_MS } from '../../../lib/background/flow-lifecycle';
import { cleanUpTabStates } from '../../../lib/background/tab-cleanup';
import { forgetPeekedTabStates } from '../../../lib/background/tab-state-store';
import { resetPolicyCache } from '../../../lib/background/policy-cache';
import { executeScript, getFrame, overlayFileInjections, navigate, resetBackground, settle, setPolicy, SOURCE_PAGE, startBackground, storedState, URLS, contentSender, deliver, pageSender, setManifestPermissions } from './background-harness';

const TAB = 5;

beforeEach(async () => {
  resetBackground();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-03-01T10:00:00.000Z'));
  await startBackground();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('capture', () => {
  it('starts a flow at an authorization request, before the provider redirects', async () => {
    await navigate(TAB, URLS.googleDrive, 'before-navigate');
    const state = await storedState(TAB);
    expect(state).toMatchObject({
      tabId: TAB,
      capturedAt: Date.parse('2026-03-01T10:00:00.000Z'),
      sourceUrl: SOURCE_PAGE,
      request: { provider: 'google', clientId: '123.apps.googleusercontent.com', scopes: ['https://www.googleapis.com/auth/drive'], offlineAccess: true },
      view: { enforcement: 'warn', evaluation: { verdict: 'needs-review' } },
    });
    expect(state?.flowId).toMatch(/^[0-9a-f-]{36}$/);
    expect(state?.view?.flowId).toBe(state?.flowId);
    expect(getFrame).toHaveBeenCalledWith({ tabId: TAB, frameId: 0 });
  });

  it('keeps nothing for an ordinary page', async () => {
    await navigate(TAB, URLS.unrelated);
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
    expect(await fakeBrowser.action.getBadgeText({ tabId: TAB })).toBe('');
  });

  it.each([
    ['a sub-frame', { frameId: 3 }],
    ['a prerendered page', { documentLifecycle: 'prerender' }],
    ['a navigation outside any tab', { tabId: -1 }],
  ])('ignores %s', async (_name, extra) => {
    await fakeBrowser.webNavigation.onBeforeNavigate.trigger({ tabId: TAB, frameId: 0, url: URLS.googleDrive, ...extra } as never);
    await navigate(TAB, URLS.unrelated, 'before-navigate');
    expect(await storedState(TAB)).toBeUndefined();
  });

  it('leaves the source unknown when the previous page is not a web page', async () => {
    getFrame.mockResolvedValueOnce({ url: 'chrome://newtab/' });
    await navigate(TAB, URLS.googleDrive, 'before-navigate');
    expect((await storedState(TAB))?.sourceUrl).toBeUndefined();
  });

  it('leaves the source unknown when the tab is gone', async () => {
    getFrame.mockRejectedValueOnce(new Error('No tab with id: 5.'));
    await navigate(TAB, URLS.googleDrive, 'before-navigate');
    expect(await storedState(TAB)).toMatchObject({ tabId: TAB });
    expect((await storedState(TAB))?.sourceUrl).toBeUndefined();
  });

  it('catches an authorization URL that only shows up at commit (a server redirect led there)', async () => {
    await navigate(TAB, URLS.googleDrive, 'committed');
    expect(await storedState(TAB)).toMatchObject({ request: { clientId: '123.apps.googleusercontent.com' } });
  });

  it('keeps one flow through the provider pages and ends it at the redirect URI', async () => {
    await navigate(TAB, URLS.googleDrive);
    const flowId = (await storedState(TAB))?.flowId;
    for (const url of [URLS.googleChooser, URLS.googleSignInPage, URLS.googleConsentPage]) {
      await navigate(TAB, url);
      expect((await storedState(TAB))?.flowId).toBe(flowId);
      expect(await fakeBrowser.action.getBadgeText({ tabId: TAB })).toBe('!');
    }
    await navigate(TAB, URLS.callback);
    expect(await storedState(TAB)).toBeUndefined();
    expect(await fakeBrowser.action.getBadgeText({ tabId: TAB })).toBe('');
  });

  it('sets the badge again after each commit (Chromium clears tab badges on navigation)', async () => {
    await navigate(TAB, URLS.googleDrive);
    await fakeBrowser.action.setBadgeText({ tabId: TAB, text: '' });
    await navigate(TAB, URLS.googleConsentPage);
    expect(await fakeBrowser.action.getBadgeText({ tabId: TAB })).toBe('!');
  });

  it.each([
    ['an unrelated host', URLS.unrelated],
    ['the app itself without the redirect path', 'https://notes.example/settings'],
  ])('ends the flow when the tab commits to %s', async (_name, url) => {
    await navigate(TAB, URLS.googleDrive);
    await navigate(TAB, url, 'before-navigate');
    expect(await storedState(TAB)).toBeDefined();
    await navigate(TAB, url, 'committed');
    expect(await storedState(TAB)).toBeUndefined();
  });

  it('keeps the flow through a federated sign-in at the company identity provider and back', async () => {
    await navigate(TAB, URLS.googleDrive);
    const flowId = (await storedState(TAB))?.flowId;
    await navigate(TAB, 'https://adfs.acme.example/adfs/ls/?SAMLRequest=abc', 'both', { transitionType: 'link', transitionQualifiers: ['server_redirect'] });
    await navigate(TAB, 'https://adfs.acme.example/adfs/ls/?client-request-id=1', 'both', { transitionType: 'form_submit' });
    expect((await storedState(TAB))?.flowId).toBe(flowId);
    await navigate(TAB, URLS.googleConsentPage, 'both', { transitionType: 'form_submit', transitionQualifiers: ['server_redirect'] });
    expect((await storedState(TAB))?.flowId).toBe(flowId);
  });

  it('ends the flow at an authorization response even without a known redirect URI', async () => {
    await navigate(TAB, 'https://github.com/login/oauth/authorize?client_id=Iv1.abc&scope=repo');
    expect(await storedState(TAB)).toBeDefined();
    await navigate(TAB, 'https://ci.example/auth/github/callback?code=123&state=s', 'both', { transitionQualifiers: ['server_redirect'] });
    expect(await storedState(TAB)).toBeUndefined();
  });

  it('keeps the flow on the identity provider host itself, also off the consent-host list', async () => {
    await navigate(TAB, URLS.genericWrite);
    await navigate(TAB, URLS.genericLogin);
    expect(await storedState(TAB)).toMatchObject({ request: { host: 'sso.acme-idp.example' } });
  });

  it('ends a flow after 30 minutes', async () => {
    await navigate(TAB, URLS.googleDrive);
    vi.setSystemTime(Date.now() + FLOW_TTL_MS - 1000);
    await navigate(TAB, URLS.googleConsentPage);
    expect(await storedState(TAB)).toBeDefined();
    vi.setSystemTime(Date.now() + 2000);
    await navigate(TAB, URLS.googleConsentPage);
    expect(await storedState(TAB)).toBeUndefined();
  });

  it('starts a new flow, with the same source page, when the same app asks for other scopes', async () => {
    await navigate(TAB, URLS.googleSignIn);
    const first = await storedState(TAB);
    getFrame.mockResolvedValueOnce({ url: 'https://accounts.google.com/signin/oauth/consent' });
    await navigate(TAB, URLS.googleDrive);
    const second = await storedState(TAB);
    expect(second?.flowId).not.toBe(first?.flowId);
    expect(second?.request.scopes).toEqual(['https://www.googleapis.com/auth/drive']);
    expect(second?.sourceUrl).toBe(SOURCE_PAGE);
  });

  it('keeps the flows of different tabs apart', async () => {
    await navigate(1, URLS.googleDrive);
    await navigate(2, URLS.googleSignIn);
    expect((await storedState(1))?.view?.evaluation.verdict).toBe('needs-review');
    expect((await storedState(2))?.view?.evaluation.verdict).toBe('allowed');
    expect(await fakeBrowser.action.getBadgeText({ tabId: 1 })).toBe('!');
    expect(await fakeBrowser.action.getBadgeText({ tabId: 2 })).toBe('✓');
  });

  it('forgets the flow when its tab closes', async () => {
    await navigate(TAB, URLS.googleDrive);
    await fakeBrowser.tabs.onRemoved.trigger(TAB, { isWindowClosing: false, windowId: 0 });
    await navigate(TAB, URLS.unrelated, 'before-navigate');
    expect(await storedState(TAB)).toBeUndefined();
  });

  it('moves the flow to the tab that replaced its tab', async () => {
    await navigate(TAB, URLS.googleDrive);
    const flowId = (await storedState(TAB))?.flowId;
    await fakeBrowser.webNavigation.onTabReplaced.trigger({ replacedTabId: TAB, tabId: 9, timeStamp: Date.now() });
    await navigate(9, URLS.googleConsentPage);
    expect(await storedState(TAB)).toBeUndefined();
    expect(await storedState(9)).toMatchObject({ flowId, tabId: 9 });
  });

  it('survives a service-worker restart: the state lives in storage.session', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'about:blank' });
    await navigate(tab.id!, URLS.googleDrive);
    const before = await storedState(tab.id!);
    // A stopped worker keeps no memory and no listeners: only storage.session carries over.
    fakeBrowser.runtime.resetState();
    resetPolicyCache();
    await startBackground();
    const reply = await deliver({ type: 'page/get-tab-state', tabId: tab.id! }, pageSender());
    expect(reply.state?.flowId).toBe(before?.flowId);
    const hello = await deliver({ type: 'consent/hello', url: URLS.googleConsentPage }, contentSender(tab.id!, URLS.googleConsentPage));
    expect(hello).toEqual({ active: true, flowId: before?.flowId });
  });
});

describe('clean-up at start', () => {
  it('drops flows of closed tabs and flows past their time, keeps the rest', async () => {
    const open = await fakeBrowser.tabs.create({ url: 'about:blank' });
    const stale = await fakeBrowser.tabs.create({ url: 'about:blank' });
    await navigate(open.id!, URLS.googleDrive);
    await navigate(42, URLS.googleDrive);
    vi.setSystemTime(Date.now() + FLOW_TTL_MS / 2);
    await navigate(stale.id!, URLS.googleSignIn);
    vi.setSystemTime(Date.now() + FLOW_TTL_MS / 2 + 1);

    expect(await cleanUpTabStates(Date.now())).toBe(2);
    expect(await storedState(42)).toBeUndefined();
    expect(await storedState(open.id!)).toBeUndefined();
    expect(await storedState(stale.id!)).toBeDefined();
  });

  it('does nothing when there is nothing to clean', async () => {
    expect(await cleanUpTabStates(Date.now())).toBe(0);
  });
});

describe('redirect chains, with the optional webRequest permission', () => {
  it('registers nothing without the permission', async () => {
    const addListener = vi.fn();
    Object.assign(fakeBrowser.webRequest.onBeforeRequest, { addListener });
    resetBackground();
    await startBackground();
    expect(addListener).not.toHaveBeenCalled();
  });

  it('catches the authorization URL in the middle of a server redirect chain', async () => {
    resetBackground();
    setManifestPermissions(['storage', 'webNavigation', 'scripting', 'activeTab', 'notifications', 'webRequest']);
    let listener: ((details: { tabId: number; url: string; type: string }) => void) | undefined;
    const addListener = vi.fn((callback: typeof listener, _filter: unknown) => {
      listener = callback;
    });
    Object.assign(fakeBrowser.webRequest.onBeforeRequest, { addListener });
    await startBackground();
    expect(addListener).toHaveBeenCalledWith(
      expect.any(Function),
      { urls: expect.arrayContaining(['https://accounts.google.com/*']), types: ['main_frame'] },
      ['requestBody'],
    );

    // app -> 302 -> authorization URL -> 302 -> sign-in page: webNavigation reports the start and the end only.
    await navigate(TAB, 'https://notes.example/connect/google', 'before-navigate');
    listener?.({ tabId: TAB, url: URLS.googleDrive, type: 'main_frame' });
    await navigate(TAB, URLS.googleSignInPage, 'committed');
    expect(await storedState(TAB)).toMatchObject({ request: { scopes: ['https://www.googleapis.com/auth/drive'] }, sourceUrl: SOURCE_PAGE });
  });

  type RequestListener = (details: { tabId: number; url: string; type: string; method?: string; requestBody?: unknown }) => void;

  async function withRequestListener(): Promise<RequestListener> {
    resetBackground();
    setManifestPermissions(['storage', 'webNavigation', 'scripting', 'activeTab', 'notifications', 'webRequest']);
    let listener: RequestListener | undefined;
    Object.assign(fakeBrowser.webRequest.onBeforeRequest, { addListener: vi.fn((callback: RequestListener) => { listener = callback; }) });
    await startBackground();
    if (listener === undefined) throw new Error('no webRequest listener');
    return listener;
  }

  const POST_FIELDS = {
    client_id: ['post-app.apps.googleusercontent.com'],
    response_type: ['code'],
    scope: ['openid https://www.googleapis.com/auth/gmail.modify'],
    redirect_uri: ['https://notes.example/callback'],
  };

  it('catches an authorization request sent as a form POST (OpenID Connect Core 3.1.2.1), from its body', async () => {
    const listener = await withRequestListener();
    const action = 'https://accounts.google.com/o/oauth2/v2/auth';
    // webNavigation sees only the bare endpoint; the body carries the request.
    await navigate(TAB, action, 'before-navigate');
    expect(await storedState(TAB)).toBeUndefined();
    listener({ tabId: TAB, url: action, type: 'main_frame', method: 'POST', requestBody: { formData: { ...POST_FIELDS, password: ['hunter2'] } } });
    await settle(TAB);
    await navigate(TAB, action, 'committed');
    const state = await storedState(TAB);
    expect(state).toMatchObject({
      request: { provider: 'google', clientId: 'post-app.apps.googleusercontent.com', scopes: ['openid', 'https://www.googleapis.com/auth/gmail.modify'] },
      view: { request: { clientId: 'post-app.apps.googleusercontent.com' }, evaluation: { verdict: 'needs-review' } },
    });
    expect(state?.request.anomalies[0]).toMatch(/form POST/);
    expect(state?.request.url).not.toContain('hunter2');
  });

  it('a form POST of another app ends the running flow and starts the posted one', async () => {
    const listener = await withRequestListener();
    await navigate(TAB, URLS.googleSignIn);
    const first = await storedState(TAB);
    listener({ tabId: TAB, url: 'https://accounts.google.com/o/oauth2/v2/auth', type: 'main_frame', method: 'POST', requestBody: { formData: POST_FIELDS } });
    await settle(TAB);
    const second = await storedState(TAB);
    expect(second?.request.clientId).toBe('post-app.apps.googleusercontent.com');
    expect(second?.flowId).not.toBe(first?.flowId);
  });

  it('leaves a POST that is not an authorization request (a sign-in form) to the running flow', async () => {
    const listener = await withRequestListener();
    await navigate(TAB, URLS.googleDrive);
    const before = await storedState(TAB);
    listener({ tabId: TAB, url: 'https://accounts.google.com/v3/signin/challenge/pwd', type: 'main_frame', method: 'POST', requestBody: { formData: { password: ['hunter2'] } } });
    await settle(TAB);
    expect((await storedState(TAB))?.flowId).toBe(before?.flowId);
  });

  it('reads a GET the same as before, whatever body field the browser reports', async () => {
    const listener = await withRequestListener();
    listener({ tabId: TAB, url: URLS.googleDrive, type: 'main_frame', method: 'GET', requestBody: null });
    await settle(TAB);
    expect((await storedState(TAB))?.request.anomalies.some((text) => /form POST/.test(text))).toBe(false);
  });
});

describe('a tab\'s flow follows its request', () => {
  const OTHER_APP = URLS.googleDrive.replace('client_id=123.', 'client_id=456.');

  it('a second app in the same tab replaces the first app\'s flow, view and all', async () => {
    await setPolicy({ enforcement: 'warn', approvedIntegrations: [{ provider: 'google', clientId: '123.apps.googleusercontent.com', scopes: ['openid', 'email'], name: 'Notes' }] });
    await navigate(TAB, URLS.googleSignIn);
    const first = await storedState(TAB);
    expect(first?.view?.evaluation.verdict).toBe('approved');
    await navigate(TAB, OTHER_APP);
    const second = await storedState(TAB);
    expect(second?.flowId).not.toBe(first?.flowId);
    expect(second?.view).toMatchObject({ flowId: second?.flowId, request: { clientId: '456.apps.googleusercontent.com' }, evaluation: { verdict: 'needs-review' } });
  });

  it('follows a single-page consent screen that moves to another request without loading a page', async () => {
    await navigate(TAB, URLS.googleSignIn);
    await fakeBrowser.webNavigation.onHistoryStateUpdated.trigger({
      tabId: TAB, frameId: 0, url: OTHER_APP, parentFrameId: -1, timeStamp: Date.now(), processId: 1,
      transitionType: 'link', transitionQualifiers: [], documentId: 'DOC-SPA',
    } as never);
    await settle(TAB);
    const state = await storedState(TAB);
    expect(state?.request.clientId).toBe('456.apps.googleusercontent.com');
    // The document that already runs the overlay is asked again, so it shows the new request.
    expect(overlayFileInjections().map((injection) => injection.target)).toContainEqual({ tabId: TAB, documentIds: ['DOC-SPA'] });
  });

  it('lets ordinary History API updates pass without touching the flow', async () => {
    await navigate(TAB, URLS.googleDrive);
    const before = await storedState(TAB);
    for (const url of [URLS.unrelated, URLS.googleConsentPage, `${URLS.callback}#done`]) {
      await fakeBrowser.webNavigation.onHistoryStateUpdated.trigger({
        tabId: TAB, frameId: 0, url, parentFrameId: -1, timeStamp: Date.now(), processId: 1, transitionType: 'link', transitionQualifiers: [],
      } as never);
    }
    await settle(TAB);
    expect(await storedState(TAB)).toEqual(before);
  });
});

describe('overlay injection at commit', () => {
  async function commit(url: string, documentId?: string) {
    await fakeBrowser.webNavigation.onCommitted.trigger({
      tabId: TAB, frameId: 0, url, parentFrameId: -1, timeStamp: Date.now(), processId: 1,
      transitionType: 'link', transitionQualifiers: [], ...(documentId === undefined ? {} : { documentId }),
    } as never);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }

  it('injects the overlay into a consent-host page of a flow as soon as it commits, once per document', async () => {
    await navigate(TAB, URLS.googleDrive, 'before-navigate');
    await fakeBrowser.webNavigation.onCommitted.trigger({
      tabId: TAB, frameId: 0, url: URLS.googleConsentPage, parentFrameId: -1, timeStamp: Date.now(), processId: 1,
      transitionType: 'link', transitionQualifiers: ['server_redirect'], documentId: 'DOC-1',
    } as never);
    await fakeBrowser.webNavigation.onCommitted.trigger({
      tabId: TAB, frameId: 0, url: URLS.googleConsentPage, parentFrameId: -1, timeStamp: Date.now(), processId: 1,
      transitionType: 'link', transitionQualifiers: ['server_redirect'], documentId: 'DOC-1',
    } as never);
    await vi.waitFor(async () => expect((await storedState(TAB))?.injectedDocuments).toEqual(['DOC-1']));
    expect(overlayFileInjections()).toHaveLength(1);
    expect(executeScript).toHaveBeenCalledWith(expect.objectContaining({ target: { tabId: TAB, documentIds: ['DOC-1'] }, injectImmediately: true }));
  });

  it('without the worker memory of the flow (a restart), injects from the stored flow on the queued path, once', async () => {
    await navigate(TAB, URLS.googleDrive, 'before-navigate');
    forgetPeekedTabStates();
    await commit(URLS.googleConsentPage, 'DOC-9');
    await vi.waitFor(async () => expect((await storedState(TAB))?.injectedDocuments).toEqual(['DOC-9']));
    await commit(URLS.googleConsentPage, 'DOC-9');
    expect(overlayFileInjections()).toHaveLength(1);
  });

  function seededClientIds(): string[] {
    return executeScript.mock.calls
      .map(([injection]) => injection)
      .filter((injection) => injection.func !== undefined)
      .map((injection) => (injection.args?.[1] as { request: { clientId: string } }).request.clientId);
  }

  it('never seeds a page with the previous request\'s view while the new request waits in the queue', async () => {
    const otherApp = URLS.googleDrive.replace('client_id=123.', 'client_id=456.');
    await navigate(TAB, URLS.googleSignIn, 'before-navigate');
    // The next request's onBeforeNavigate and its commit arrive together, before the queue has run the first.
    const before = fakeBrowser.webNavigation.onBeforeNavigate.trigger({ tabId: TAB, frameId: 0, url: otherApp, parentFrameId: -1, timeStamp: Date.now() } as never);
    const committed = fakeBrowser.webNavigation.onCommitted.trigger({
      tabId: TAB, frameId: 0, url: URLS.googleConsentPage, parentFrameId: -1, timeStamp: Date.now(), processId: 1,
      transitionType: 'link', transitionQualifiers: ['server_redirect'], documentId: 'DOC-RACE',
    } as never);
    await Promise.all([before, committed]);
    await settle(TAB);
    expect(seededClientIds()).toEqual(['456.apps.googleusercontent.com']);
    expect((await storedState(TAB))?.injectedDocuments).toEqual(['DOC-RACE']);
  });

  it('never seeds a page that carries another request with the running flow\'s view', async () => {
    const otherApp = URLS.googleDrive.replace('client_id=123.', 'client_id=456.');
    await navigate(TAB, URLS.googleSignIn);
    await commit(otherApp, 'DOC-OTHER');
    await settle(TAB);
    expect(seededClientIds()).toEqual(['456.apps.googleusercontent.com']);
  });

  it('injects again when the flow changed between an early injection and its queued commit', async () => {
    const otherApp = URLS.googleDrive.replace('client_id=123.', 'client_id=456.');
    await navigate(TAB, URLS.googleSignIn);
    // A page update to another request is queued; before it runs, a consent page commits and is injected early
    // with the flow this worker still knows.
    const updated = fakeBrowser.webNavigation.onHistoryStateUpdated.trigger({
      tabId: TAB, frameId: 0, url: otherApp, parentFrameId: -1, timeStamp: Date.now(), processId: 1,
      transitionType: 'link', transitionQualifiers: [], documentId: 'DOC-SPA',
    } as never);
    const committed = fakeBrowser.webNavigation.onCommitted.trigger({
      tabId: TAB, frameId: 0, url: URLS.googleConsentPage, parentFrameId: -1, timeStamp: Date.now(), processId: 1,
      transitionType: 'link', transitionQualifiers: [], documentId: 'DOC-X',
    } as never);
    await Promise.all([updated, committed]);
    await settle(TAB);
    const intoX = executeScript.mock.calls
      .map(([injection]) => injection as { target: { documentIds?: string[] }; func?: unknown; args?: unknown[] })
      .filter((injection) => injection.func !== undefined && injection.target.documentIds?.[0] === 'DOC-X')
      .map((injection) => (injection.args?.[1] as { request: { clientId: string } }).request.clientId);
    expect(intoX).toEqual(['123.apps.googleusercontent.com', '456.apps.googleusercontent.com']);
    expect((await storedState(TAB))?.injectedDocuments).toContain('DOC-X');
  });

  it('leaves pages outside the consent hosts, pages without a document id, and tabs without a flow alone', async () => {
    await commit(URLS.unrelated, 'DOC-2');
    await navigate(TAB, URLS.genericWrite, 'before-navigate');
    await commit(URLS.genericLogin, 'DOC-3');
    await navigate(TAB, URLS.googleDrive, 'before-navigate');
    await commit(URLS.googleConsentPage);
    expect(executeScript).not.toHaveBeenCalled();
  });
});

