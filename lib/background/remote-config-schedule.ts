/**
 * This module's job is the browser: when the signed remote config is checked. An alarm per refresh, the admin's
 * interval plus jitter (so a fleet started on the same morning spreads out), sooner with backoff after a failure.
 * A newly configured URL or key is checked at once. Checks run one at a time.
 */
import { browser } from 'wxt/browser';
import { nextRefreshDelayMinutes, type RefreshOutcome } from '../policy-sources/fetch-remote-config';
import {
  browserFetch,
  isSameTarget,
  loadStoredRemoteConfig,
  refreshRemotePolicy,
  type RemoteConfigTarget,
  type RemoteFetch,
  type StoredRemoteConfig,
} from './remote-policy-source';

export const REMOTE_CONFIG_ALARM = 'consent-gate:remote-config';

/** Chromium fires alarms no sooner than 30 seconds after they are set (packed extensions, Chromium 120+). */
const MIN_ALARM_MINUTES = 0.5;

let chain: Promise<unknown> = Promise.resolve();

/** Runs checks one after another, so two triggers never fetch and store at the same time. */
function serialize<T>(task: () => Promise<T>): Promise<T> {
  const result = chain.then(task);
  chain = result.then(
    () => undefined,
    () => undefined,
  );
  return result;
}

async function scheduleNext(target: RemoteConfigTarget, stored: StoredRemoteConfig, random: () => number): Promise<void> {
  const delayInMinutes = Math.max(MIN_ALARM_MINUTES, nextRefreshDelayMinutes(target.refreshMinutes, stored.failures, random));
  await browser.alarms.create(REMOTE_CONFIG_ALARM, { delayInMinutes });
}

export interface RemoteCheck {
  outcome: RefreshOutcome | 'not-configured';
  /** The effective policy must be resolved again. */
  changed: boolean;
}

export interface ScheduleOptions {
  now?: () => Date;
  random?: () => number;
  fetch?: RemoteFetch;
}

/** Checks now (the options page's button, or the alarm) and sets the next alarm. */
export function checkRemoteConfigNow(target: RemoteConfigTarget | undefined, options: ScheduleOptions = {}): Promise<RemoteCheck> {
  return serialize(async () => {
    if (target === undefined) {
      await browser.alarms.clear(REMOTE_CONFIG_ALARM);
      return { outcome: 'not-configured', changed: false };
    }
    const result = await refreshRemotePolicy(target, (options.now ?? (() => new Date()))(), options.fetch ?? browserFetch);
    await scheduleNext(target, result.stored, options.random ?? Math.random);
    return { outcome: result.outcome, changed: result.changed };
  });
}

/**
 * After the policy changed or the worker started: no config, no alarm; a new URL or key is checked at once;
 * otherwise an alarm is kept (alarms may be lost at browser restart), due when the last check says.
 * Resolves to the check it ran, if any.
 */
export function ensureRemoteConfigSchedule(target: RemoteConfigTarget | undefined, options: ScheduleOptions = {}): Promise<RemoteCheck | undefined> {
  return serialize(async () => {
    if (target === undefined) {
      await browser.alarms.clear(REMOTE_CONFIG_ALARM);
      return undefined;
    }
    const stored = await loadStoredRemoteConfig();
    if (!isSameTarget(stored, target) || stored.attemptedAt === undefined) {
      const now = (options.now ?? (() => new Date()))();
      const result = await refreshRemotePolicy(target, now, options.fetch ?? browserFetch);
      await scheduleNext(target, result.stored, options.random ?? Math.random);
      return { outcome: result.outcome, changed: result.changed };
    }
    if ((await browser.alarms.get(REMOTE_CONFIG_ALARM)) !== undefined) return undefined;
    const now = (options.now ?? (() => new Date()))().getTime();
    const delay = nextRefreshDelayMinutes(target.refreshMinutes, stored.failures, options.random ?? Math.random);
    const due = Date.parse(stored.attemptedAt) + delay * 60_000;
    await browser.alarms.create(REMOTE_CONFIG_ALARM, { delayInMinutes: Math.max(MIN_ALARM_MINUTES, (due - now) / 60_000) });
    return undefined;
  });
}
