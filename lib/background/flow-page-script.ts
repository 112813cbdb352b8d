/**
 * This module's job is the browser: the greeting script (entrypoints/consent-hello.ts) runs on consent-host pages
 * only while some tab is in a flow, and only in the Firefox build. Outside a flow no script of this extension runs
 * on those pages at all.
 *
 * Chromium names each document (`documentId`, Chromium 106+), so the navigation events alone put the overlay into
 * exactly the page that committed, also when the commit is what wakes a stopped service worker. Firefox before 153
 * names none: the commit injects into the tab's top frame, and this script covers a document that the commit's
 * injection missed, by asking from inside the document once it runs.
 *
 * Registered for the consent hosts as a whole, not a flow's own host: a flow moves between them (login.live.com to
 * account.live.com, a tenant's sign-in to the shared consent host). Not persisted across browser sessions, like the
 * flows themselves (storage.session).
 */
import { browser } from 'wxt/browser';
import { CONSENT_HOST_PATTERNS } from '../consent-hosts';
import { listTabStates } from './tab-state-store';

export const GREETING_SCRIPT_ID = 'consent-gate-greeting';
export const GREETING_SCRIPT_FILE = 'consent-hello.js';

/** Whether this build needs the greeting during flows: true for the Firefox build, which may meet Firefox 140-152. */
export const GREETING_DURING_FLOWS: boolean = import.meta.env.FIREFOX;

/** Registrations run one after the other, so that two flows ending at once cannot unregister twice. */
let queue: Promise<void> = Promise.resolve();

/**
 * Registers the greeting when a flow exists and it is not registered, unregisters it when none remains. Call after
 * a flow starts or ends. Resolves once the registration matches the flows; a failure rejects (the caller reports it).
 */
export function syncGreetingScript(enabled: boolean = GREETING_DURING_FLOWS): Promise<void> {
  if (!enabled) return Promise.resolve();
  const run = queue.then(matchRegistrationToFlows, matchRegistrationToFlows);
  queue = run.catch(() => undefined);
  return run;
}

async function matchRegistrationToFlows(): Promise<void> {
  const wanted = (await listTabStates()).length > 0;
  const registered = (await browser.scripting.getRegisteredContentScripts({ ids: [GREETING_SCRIPT_ID] })).length > 0;
  if (wanted && !registered) {
    await browser.scripting.registerContentScripts([
      {
        id: GREETING_SCRIPT_ID,
        matches: [...CONSENT_HOST_PATTERNS],
        js: [GREETING_SCRIPT_FILE],
        runAt: 'document_start',
        persistAcrossSessions: false,
      },
    ]);
  } else if (!wanted && registered) {
    await browser.scripting.unregisterContentScripts({ ids: [GREETING_SCRIPT_ID] });
  }
}
