/**
 * This module's job is the browser: registers every background listener. Called synchronously at the top of
 * `defineBackground`, because an MV3 service worker only receives the events whose listeners were added in its
 * first turn.
 */
import { browser } from 'wxt/browser';
import { CONSENT_HOST_PATTERNS } from '../consent-hosts';
import { createMessageRouter } from '../messages/router';
import { urlOrigin } from '../messages/sender';
import { handleNavigation, handlePageUpdate, handleRequest } from './capture';
import { runDetached as report } from './detached-work';
import { BACKGROUND_HANDLERS } from './handlers';
import { NOTIFICATION_PREFIX } from './flow-notification';
import { MIN_ALARM_MS, OUTBOX_ALARM, requestFlush } from './outbox';
import { applyPolicy, checkRemoteConfigAndApply } from './policy-changes';
import { invalidatePolicy, isPolicyChange, isPolicyStateChange } from './policy-cache';
import { onPolicyStateChanged } from '../storage/policy-state';
import { REMOTE_CONFIG_ALARM } from './remote-config-schedule';
import { ensureReminderAlarm, openReminder, reminderReviewId, REMINDERS_ALARM, showDueReminders } from './reminders';
import { cleanUpTabStates, handleTabRemoved, handleTabReplaced } from './tab-cleanup';

/** Permissions are fixed at install time, so the manifest says what this worker may register. */
function hasPermission(permission: string): boolean {
  const permissions: readonly string[] = browser.runtime.getManifest().permissions ?? [];
  return permissions.includes(permission);
}

/**
 * Returns the start-up work (clean-up of stale flows, the policy resolved and applied to reviews, queued webhook
 * deliveries sent, reminders); it never rejects.
 */
export function registerBackground(): Promise<void> {
  const extension = { id: browser.runtime.id, origin: urlOrigin(browser.runtime.getURL('/')) ?? '' };
  const route = createMessageRouter(BACKGROUND_HANDLERS, { extension });

  browser.runtime.onMessage.addListener((message: unknown, sender) => route(message, sender));

  browser.webNavigation.onBeforeNavigate.addListener((details) => {
    void report('check a navigation', handleNavigation(details, 'before-navigate'));
  });
  browser.webNavigation.onCommitted.addListener((details) => {
    void report('follow a navigation', handleNavigation(details, 'committed'));
  });
  // A single-page consent screen can move to another request without loading a document (History API): the
  // flow must follow, or the page would keep the previous request's view.
  browser.webNavigation.onHistoryStateUpdated.addListener((details) => {
    void report('follow a page update', handlePageUpdate(details));
  });
  // With the `webRequest` permission (in the manifest; a build without it still works): it sees each URL of a
  // server redirect chain on the consent hosts (app -> 302 -> authorization URL -> 302 -> sign-in), which
  // webNavigation reports only as its end points, and the body of an authorization request sent as a form POST.
  // Observed only: the listener is not blocking and returns nothing.
  if (hasPermission('webRequest')) {
    browser.webRequest.onBeforeRequest.addListener(
      (details) => {
        void report('check a request', handleRequest(details));
        return undefined;
      },
      { urls: [...CONSENT_HOST_PATTERNS], types: ['main_frame'] },
      ['requestBody'],
    );
  }
  browser.webNavigation.onTabReplaced.addListener((details) => {
    void report('follow a replaced tab', handleTabReplaced(details));
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    void report('forget a closed tab', handleTabRemoved(tabId));
  });

  // Per-tab flow state lives in storage.session: keep it away from content scripts explicitly, whatever the
  // browser's default access level is (Firefox has no setAccessLevel; its content scripts cannot reach it).
  const session = browser.storage.session as { setAccessLevel?: (options: { accessLevel: string }) => Promise<void> } | undefined;
  if (typeof session?.setAccessLevel === 'function') {
    const setAccessLevel = session.setAccessLevel.bind(session);
    void report('restrict session storage to the extension', Promise.resolve().then(() => setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' })));
  }

  browser.storage.onChanged.addListener((changes, areaName) => {
    if (!isPolicyChange(changes, areaName)) return;
    invalidatePolicy();
    void report('apply the new policy', applyPolicy(Date.now()));
  });
  // The local policy lives in IndexedDB, not storage.local: another extension context that changes it says so here.
  onPolicyStateChanged(({ keys }) => {
    if (!isPolicyStateChange(keys)) return;
    invalidatePolicy();
    void report('apply the new policy', applyPolicy(Date.now()));
  });

  browser.alarms.onAlarm.addListener((alarm) => {
    switch (alarm.name) {
      case REMOTE_CONFIG_ALARM:
        void report('check the remote config', checkRemoteConfigAndApply());
        return;
      case OUTBOX_ALARM:
        // Also what falls due before the next alarm could fire: otherwise a delivery due a few seconds from now
        // waits a whole extra alarm period.
        void report('send its webhook deliveries', requestFlush(Math.random, MIN_ALARM_MS));
        return;
      case REMINDERS_ALARM:
        void report('show its reminders', showDueReminders(new Date()));
        return;
    }
  });

  browser.notifications.onClicked.addListener((notificationId) => {
    if (reminderReviewId(notificationId) !== undefined) {
      void report('open a reminder', openReminder(notificationId));
      return;
    }
    if (!notificationId.startsWith(NOTIFICATION_PREFIX)) return;
    void report('close its notification', browser.notifications.clear(notificationId));
    // Chromium 127+ opens the popup from here; elsewhere the notification text points to the toolbar button.
    if (typeof browser.action.openPopup === 'function') void report('open the popup', browser.action.openPopup());
  });

  return report(
    'start up',
    (async () => {
      const now = Date.now();
      await cleanUpTabStates(now);
      await applyPolicy(now);
      // Deliveries queued before the worker stopped go out now; the alarm covers the ones not yet due.
      void report('send its webhook deliveries', requestFlush());
      await ensureReminderAlarm();
      await showDueReminders(new Date(now));
    })(),
  );
}
