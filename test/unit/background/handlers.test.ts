import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { listEvents } from '../../../lib/storage/events';
import { createReview, getReview, listReviews, setReviewStatus } from '../../../lib/storage/reviews';
import { IDBObjectStore } from 'fake-indexeddb';
import {
  contentSender,
  deliver,
  deliverRaw,
  executeScript,
  overlayFileInjections,
  goBack,
  GOOGLE_CLIENT,
  navigate,
  pageSender,
  resetBackground,
  setPolicy,
  SOURCE_PAGE,
  startBackground,
  storedState,
  URLS,
} from './background-harness';

const TAB = 7;
const CONSENT = URLS.googleConsentPage;

beforeEach(async () => {
  resetBackground();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-03-01T10:00:00.000Z'));
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

async function startFlow(url: string = URLS.googleDrive): Promise<string> {
  await startBackground();
  await navigate(TAB, url);
  await navigate(TAB, CONSENT);
  const flowId = (await storedState(TAB))?.flowId;
  if (flowId === undefined) throw new Error('no flow captured');
  return flowId;
}

function hello(documentId?: string) {
  return deliver({ type: 'consent/hello', url: CONSENT }, contentSender(TAB, CONSENT, documentId === undefined ? {} : { documentId }));
}

function pageFacts(facts: Record<string, unknown> = { appName: 'Acme Notes', publisher: 'acme.example', verified: false }) {
  return deliver({ type: 'consent/page-facts', url: CONSENT, facts }, contentSender(TAB, CONSENT));
}

function action(flowId: string, chosen: 'continue' | 'start-review' | 'request-review' | 'cancel' | 'dismiss', reason?: string) {
  return deliver(
    { type: 'consent/action', flowId, action: chosen, ...(reason === undefined ? {} : { reason }) },
    contentSender(TAB, CONSENT, { index: 3 }),
  );
}

describe('consent/hello', () => {
  it('says inactive and injects nothing where no flow runs', async () => {
    await startBackground();
    expect(await hello('doc-1')).toEqual({ active: false });
    expect(executeScript).not.toHaveBeenCalled();
  });

  it('says active and injects the overlay into the document that asked, once', async () => {
    const flowId = await startFlow();
    expect(await hello('doc-1')).toEqual({ active: true, flowId });
    expect(await hello('doc-1')).toEqual({ active: true, flowId });
    expect(overlayFileInjections()).toHaveLength(1);
    expect(executeScript).toHaveBeenCalledWith({
      target: { tabId: TAB, documentIds: ['doc-1'] },
      files: ['/content-scripts/overlay.js'],
      injectImmediately: true,
    });
    // Its first view goes into the isolated world just before, so the overlay draws without a round trip.
    expect(executeScript).toHaveBeenCalledWith(expect.objectContaining({
      target: { tabId: TAB, documentIds: ['doc-1'] },
      args: ['__consentGateInitialView', expect.objectContaining({ flowId })],
    }));
    await hello('doc-2');
    expect(overlayFileInjections()).toHaveLength(2);
  });

  it('targets the top frame when the browser gives no document id (Firefox)', async () => {
    await startFlow();
    await hello();
    expect(executeScript).toHaveBeenCalledWith(expect.objectContaining({ target: { tabId: TAB, frameIds: [0] } }));
  });

  it('injects again when the same page is loaded again and the browser gives no document id (Firefox before 153)', async () => {
    const flowId = await startFlow();
    expect(await hello()).toEqual({ active: true, flowId });
    // A reload: a new document at the same URL, which greets again and must get its overlay again.
    expect(await hello()).toEqual({ active: true, flowId });
    expect(overlayFileInjections()).toHaveLength(2);
    expect((await storedState(TAB))?.injectedDocuments ?? []).not.toContain(CONSENT);
  });

  it('starts the flow itself when the page is an authorization request the navigation listener has not seen yet', async () => {
    await startBackground();
    const reply = await deliver({ type: 'consent/hello', url: URLS.googleDrive }, contentSender(TAB, URLS.googleDrive, { documentId: 'd' }));
    expect(reply).toEqual({ active: true, flowId: (await storedState(TAB))?.flowId });
    expect(overlayFileInjections()).toHaveLength(1);
  });

  it('judges by the URL the browser reports, not the one in the message', async () => {
    await startBackground();
    const reply = await deliver({ type: 'consent/hello', url: URLS.googleDrive }, contentSender(TAB, CONSENT));
    expect(reply).toEqual({ active: false });
  });

  it('still answers active when the overlay cannot be injected, and tries again next time', async () => {
    const flowId = await startFlow();
    let refused = false;
    executeScript.mockImplementation(async (injection) => {
      if (injection.files !== undefined && !refused) {
        refused = true;
        throw new Error('Cannot access contents of the page.');
      }
      return [];
    });
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await hello('doc-1')).toEqual({ active: true, flowId });
    expect(error).toHaveBeenCalledWith(expect.stringMatching(/could not load its overlay/), 'Cannot access contents of the page.');
    await hello('doc-1');
    expect(overlayFileInjections()).toHaveLength(2);
  });

  it('refuses a hello from an embedded frame', async () => {
    await startFlow();
    const reply = await deliver({ type: 'consent/hello', url: CONSENT }, contentSender(TAB, CONSENT, { frameId: 4 }));
    expect(reply).toEqual({ active: false });
    expect(executeScript).not.toHaveBeenCalled();
  });
});

describe('consent/page-facts', () => {
  it('replies the view with the page facts, the enforcement and the organization', async () => {
    await setPolicy({ enforcement: 'acknowledge', organization: { name: 'Acme Corp', supportContact: 'it@acme.example', supportUrl: 'https://help.acme.example/' } });
    const flowId = await startFlow();
    const { view } = await pageFacts();
    expect(view).toMatchObject({
      flowId,
      enforcement: 'acknowledge',
      appName: 'Acme Notes',
      request: { provider: 'google', clientId: GOOGLE_CLIENT, host: 'accounts.google.com', offlineAccess: true },
      evaluation: { verdict: 'needs-review' },
      organization: { name: 'Acme Corp', supportContact: 'it@acme.example', supportUrl: 'https://help.acme.example/' },
    });
    expect((await storedState(TAB))?.facts).toEqual({ appName: 'Acme Notes', publisher: 'acme.example', verified: false });
  });

  it('merges facts sent in several steps', async () => {
    await startFlow();
    await pageFacts({ appName: 'Acme Notes' });
    await pageFacts({ scopeDescriptions: ['See all your files'] });
    expect((await storedState(TAB))?.facts).toEqual({ appName: 'Acme Notes', scopeDescriptions: ['See all your files'] });
  });

  it('calls out a look-alike app: an approved name with another client id', async () => {
    await setPolicy({ approvedIntegrations: [{ name: 'Acme Notes', provider: 'google', clientId: 'the-real-one.apps.googleusercontent.com', scopes: ['openid'] }] });
    await startFlow();
    const { view } = await pageFacts({ appName: 'Acme Notes' });
    expect(view?.evaluation.findings.map((finding) => finding.rule)).toContain('look-alike-app');
  });

  it.each([
    ['warn', URLS.googleDrive, 'shown'],
    ['monitor', URLS.googleDrive, 'logged'],
    ['block', URLS.googleDrive, 'blocked'],
    ['block', URLS.googleSignIn, 'shown'],
    ['inform', URLS.googleSignIn, 'shown'],
  ] as const)('in %s mode logs the first sight of %s once as %s', async (enforcement, url, expected) => {
    await setPolicy({ enforcement });
    await startFlow(url);
    await pageFacts();
    await pageFacts({ account: 'dana@acme.example' });
    const events = await listEvents();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: expected, enforcement, provider: 'google', clientId: GOOGLE_CLIENT, host: 'accounts.google.com', appName: 'Acme Notes' });
  });

  it('logs nothing when enforcement is off', async () => {
    await setPolicy({ enforcement: 'off' });
    await startFlow();
    expect((await pageFacts()).view?.enforcement).toBe('off');
    expect(await listEvents()).toEqual([]);
  });

  it('still shows the overlay when the event log cannot be written, and logs on the next page', async () => {
    await startFlow();
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const add = vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementationOnce(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    expect((await pageFacts()).view).not.toBeNull();
    expect(error).toHaveBeenCalledWith(expect.stringMatching(/could not record the "shown" event/), expect.stringMatching(/disk is full/));
    add.mockRestore();
    await pageFacts();
    expect(await listEvents()).toHaveLength(1);
  });

  it('replies no view where no flow runs', async () => {
    await startBackground();
    expect(await pageFacts()).toEqual({ view: null });
  });
});

describe('consent/action', () => {
  it('refuses a click for a flow that is no longer the tab’s', async () => {
    await startFlow();
    expect(await action('another-flow', 'continue')).toEqual({ ok: false, error: expect.stringMatching(/no longer tracked/) });
  });

  it('continues and logs in warn mode', async () => {
    const flowId = await startFlow();
    await pageFacts();
    expect(await action(flowId, 'continue')).toEqual({ ok: true });
    expect((await listEvents())[0]).toMatchObject({ action: 'continued' });
  });

  it.each([undefined, '', '   '])('in acknowledge mode asks for a reason (given %j)', async (reason) => {
    await setPolicy({ enforcement: 'acknowledge' });
    const flowId = await startFlow();
    expect(await action(flowId, 'continue', reason)).toEqual({ ok: false, error: expect.stringMatching(/Type a reason/) });
    expect(await listEvents()).toEqual([]);
  });

  it('in acknowledge mode logs the reason', async () => {
    await setPolicy({ enforcement: 'acknowledge' });
    const flowId = await startFlow();
    expect(await action(flowId, 'continue', '  Pilot approved by Dana (ticket SEC-42)  ')).toEqual({ ok: true });
    expect((await listEvents())[0]).toMatchObject({ action: 'continued', reason: 'Pilot approved by Dana (ticket SEC-42)', enforcement: 'acknowledge' });
  });

  it('in acknowledge mode refuses to continue when the reason cannot be saved', async () => {
    await setPolicy({ enforcement: 'acknowledge' });
    const flowId = await startFlow();
    vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    expect(await action(flowId, 'continue', 'needed today')).toEqual({ ok: false, error: expect.stringMatching(/disk is full/) });
  });

  it('in acknowledge mode lets a sign-in-only app through without a reason', async () => {
    await setPolicy({ enforcement: 'acknowledge' });
    const flowId = await startFlow(URLS.googleSignIn);
    expect(await action(flowId, 'continue')).toEqual({ ok: true });
  });

  it.each([
    ['block mode, needs review', { enforcement: 'block' as const }],
    ['a blocked client', { blockedIntegrations: [{ provider: 'google' as const, clientId: GOOGLE_CLIENT, reason: 'Data leaves the EU' }] }],
  ])('does not continue in %s', async (_name, policy) => {
    await setPolicy(policy);
    const flowId = await startFlow();
    expect(await action(flowId, 'continue')).toEqual({ ok: false, error: expect.stringMatching(/Request a review instead/) });
  });

  it.each([
    ['start-review', 'review-started'],
    ['request-review', 'review-requested'],
  ] as const)('%s creates a draft from the detection and opens it next to the tab', async (chosen, logged) => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    const flowId = await startFlow();
    await pageFacts();
    const reply = await action(flowId, chosen);
    expect(reply).toEqual({ ok: true, reviewId: expect.any(String) });
    const reviewId = (reply as { reviewId: string }).reviewId;

    const review = await getReview(reviewId);
    expect(review).toMatchObject({
      status: 'draft',
      prefill: {
        provider: 'google',
        clientId: GOOGLE_CLIENT,
        appName: 'Acme Notes',
        publisher: 'acme.example',
        offlineAccess: true,
        verdict: 'needs-review',
        // Reduced for the reviewer: access_type is not on the allowlist, the source page keeps its origin only.
        requestUrl: `https://accounts.google.com/o/oauth2/v2/auth?client_id=${encodeURIComponent(GOOGLE_CLIENT)}&response_type=code&scope=${encodeURIComponent('https://www.googleapis.com/auth/drive')}&redirect_uri=${encodeURIComponent('https://notes.example/callback')}`,
        redirectUri: 'https://notes.example/callback',
        sourceUrl: new URL(SOURCE_PAGE).origin,
      },
    });
    expect(review?.prefill.scopes).toEqual([
      expect.objectContaining({ scope: 'https://www.googleapis.com/auth/drive', description: expect.any(String), access: expect.arrayContaining(['read']), dataClasses: expect.arrayContaining(['files']) }),
    ]);
    expect(review?.prefill.findings.length).toBeGreaterThan(0);
    expect(create).toHaveBeenCalledWith({
      url: `chrome-extension://${fakeBrowser.runtime.id}/review.html?id=${reviewId}`,
      active: true,
      openerTabId: TAB,
      index: 4,
      windowId: 0,
    });
    expect((await listEvents()).map((event) => event.action)).toEqual([logged, 'shown']);
  });

  it('stores no state, nonce, login hint, PKCE challenge or redirect query in the draft', async () => {
    const secrets = ['STATE-7f3a', 'NONCE-91bc', 'jane.doe@corp.example', 'CHALLENGE-E9Melhoa2Owv', 'SESSION-5d2e'];
    const url =
      `${URLS.googleDrive}&state=${secrets[0]}&nonce=${secrets[1]}&login_hint=${encodeURIComponent(secrets[2]!)}` +
      `&code_challenge=${secrets[3]}&code_challenge_method=S256`;
    const flowId = await startFlow(url.replace('notes.example%2Fcallback', `notes.example%2Fcallback%3Fsession%3D${secrets[4]}`));
    await pageFacts();
    const { reviewId } = (await action(flowId, 'start-review')) as { reviewId: string };
    const stored = JSON.stringify(await getReview(reviewId));
    expect(stored).toContain(GOOGLE_CLIENT);
    for (const secret of secrets) expect(stored).not.toContain(secret);
  });

  it('replies the storage error when the review cannot be saved', async () => {
    const flowId = await startFlow();
    vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    expect(await action(flowId, 'start-review')).toEqual({ ok: false, error: expect.stringMatching(/could not save the new review: the disk is full/) });
  });

  it('cancel goes back to the page the person came from and ends the flow', async () => {
    const update = vi.spyOn(fakeBrowser.tabs, 'update').mockResolvedValue({} as never);
    const flowId = await startFlow();
    await pageFacts();
    expect(await action(flowId, 'cancel')).toEqual({ ok: true });
    expect(update).toHaveBeenCalledWith(TAB, { url: SOURCE_PAGE });
    expect(goBack).not.toHaveBeenCalled();
    expect(await storedState(TAB)).toBeUndefined();
    expect((await listEvents())[0]).toMatchObject({ action: 'cancelled' });
  });

  it('cancel goes back in history when the source page is unknown', async () => {
    await startBackground();
    await navigate(TAB, URLS.googleDrive, 'committed');
    const flowId = (await storedState(TAB))!.flowId;
    expect(await action(flowId, 'cancel')).toEqual({ ok: true });
    expect(goBack).toHaveBeenCalledWith(TAB);
  });

  it('dismiss changes nothing', async () => {
    const flowId = await startFlow();
    expect(await action(flowId, 'dismiss')).toEqual({ ok: true });
    expect(await storedState(TAB)).toBeDefined();
  });
});

describe('page/get-tab-state', () => {
  it('gives the popup the public state without the background’s bookkeeping', async () => {
    const flowId = await startFlow();
    await hello('doc-1');
    await pageFacts();
    const { state } = await deliver({ type: 'page/get-tab-state', tabId: TAB }, pageSender());
    expect(state).toMatchObject({ flowId, tabId: TAB, sourceUrl: SOURCE_PAGE, facts: { appName: 'Acme Notes' }, view: { appName: 'Acme Notes' } });
    expect(state).not.toHaveProperty('injectedDocuments');
    expect(state).not.toHaveProperty('firstSightLogged');
  });

  it('gives null for a tab without a flow', async () => {
    await startBackground();
    expect(await deliver({ type: 'page/get-tab-state', tabId: 99 }, pageSender())).toEqual({ state: null });
  });

  it('refuses a content script asking for a tab’s state', async () => {
    await startFlow();
    expect(await deliverRaw({ type: 'page/get-tab-state', tabId: TAB }, contentSender(TAB, CONSENT))).toMatchObject({ ok: false, refused: true });
  });
});

describe('page/show-overlay', () => {
  it('injects the overlay into the tab of the flow', async () => {
    await startFlow(URLS.genericWrite);
    expect(await deliver({ type: 'page/show-overlay', tabId: TAB }, pageSender())).toEqual({ ok: true });
    expect(executeScript).toHaveBeenCalledWith(expect.objectContaining({ target: { tabId: TAB, frameIds: [0] }, files: ['/content-scripts/overlay.js'] }));
  });

  it('explains when the tab has no flow', async () => {
    await startBackground();
    expect(await deliver({ type: 'page/show-overlay', tabId: TAB }, pageSender())).toEqual({ ok: false, error: expect.stringMatching(/has not detected/) });
  });

  it('explains when the browser does not allow the injection', async () => {
    await startFlow(URLS.genericWrite);
    executeScript.mockRejectedValueOnce(new Error('Missing host permission for the tab'));
    expect(await deliver({ type: 'page/show-overlay', tabId: TAB }, pageSender())).toEqual({
      ok: false,
      error: 'Consent Gate could not show its panel on this page: Missing host permission for the tab',
    });
  });
});

describe('page/review-submitted', () => {
  it('explains an unknown review', async () => {
    await startBackground();
    expect(await deliver({ type: 'page/review-submitted', reviewId: 'missing' }, pageSender('/review.html'))).toEqual({
      ok: false,
      error: expect.stringMatching(/could not find that review/),
    });
  });

  it('marks the review approved at once when the policy already approves the app', async () => {
    await setPolicy({ approvedIntegrations: [{ provider: 'google', clientId: GOOGLE_CLIENT, scopes: ['https://www.googleapis.com/auth/drive'] }] });
    const flowId = await startFlow(URLS.googleSignIn);
    const { reviewId } = (await action(flowId, 'start-review')) as { reviewId: string };
    await getReview(reviewId).then((review) => createReview({ ...review!.prefill, requestUrl: URLS.googleDrive }));
    const [forDrive] = (await listReviews()).filter((review) => review.prefill.requestUrl === URLS.googleDrive);
    await setReviewStatus(forDrive!.id, 'submitted');
    expect(await deliver({ type: 'page/review-submitted', reviewId: forDrive!.id }, pageSender('/review.html'))).toEqual({ ok: true });
    expect((await getReview(forDrive!.id))?.status).toBe('approved');
    expect((await getReview(reviewId))?.status).toBe('draft');
  });
});

describe('the router in the background', () => {
  it.each([
    ['another extension', { id: 'other', url: CONSENT, tab: { id: TAB } }],
    ['an empty sender', {}],
  ])('refuses %s', async (_name, sender) => {
    await startFlow();
    expect(await deliverRaw({ type: 'consent/hello', url: CONSENT }, sender)).toMatchObject({ ok: false, refused: true });
    expect(executeScript).not.toHaveBeenCalled();
  });
});
