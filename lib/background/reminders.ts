/**
 * This module's job is the browser: the daily reminders (lib/background/due-reminders.ts) as notifications. Runs
 * at every service-worker start and on a daily alarm; what was shown today is remembered in storage.local, so a
 * worker that starts ten times a day still reminds once. Clicking a reminder opens its review.
 */
import { browser } from 'wxt/browser';
import { toIsoDate } from '../policy/iso-date';
import { listReviews } from '../storage/reviews';
import { backgroundStrings } from './background-strings';
import { dueReminders, rememberShown, type Reminder, type ShownReminders } from './due-reminders';
import { NOTIFICATION_ICONS } from './flow-notification';
import { reviewPageUrl } from './handlers/consent-action';
import { getEffectivePolicy } from './policy-cache';
import { errorMessage } from '../error-message';

export const REMINDERS_ALARM = 'consent-gate:reminders';
export const REMINDERS_SHOWN_KEY = 'reminders:shown';
export const REMINDER_NOTIFICATION_PREFIX = 'consent-gate-reminder:';

const DAY_MINUTES = 24 * 60;

/** The daily alarm; created once (alarms outlive the worker, and usually the browser session). */
export async function ensureReminderAlarm(): Promise<void> {
  if ((await browser.alarms.get(REMINDERS_ALARM)) !== undefined) return;
  await browser.alarms.create(REMINDERS_ALARM, { delayInMinutes: DAY_MINUTES, periodInMinutes: DAY_MINUTES });
}

function notificationId(reminder: Reminder): string {
  return `${REMINDER_NOTIFICATION_PREFIX}${reminder.kind}:${reminder.reviewId}`;
}

/** The review a reminder notification opens, or `undefined` for other notifications. */
export function reminderReviewId(id: string): string | undefined {
  if (!id.startsWith(REMINDER_NOTIFICATION_PREFIX)) return undefined;
  const rest = id.slice(REMINDER_NOTIFICATION_PREFIX.length);
  const separator = rest.indexOf(':');
  return separator < 0 ? undefined : rest.slice(separator + 1);
}

/** Shows what is due today and not yet shown today. Returns the reminders shown. */
export async function showDueReminders(now: Date): Promise<Reminder[]> {
  const today = toIsoDate(now);
  const [{ policy }, reviews, stored] = await Promise.all([
    getEffectivePolicy(),
    listReviews(),
    browser.storage.local.get(REMINDERS_SHOWN_KEY),
  ]);
  const raw = stored[REMINDERS_SHOWN_KEY];
  const shownBefore: ShownReminders = typeof raw === 'object' && raw !== null ? (raw as ShownReminders) : {};
  const due = dueReminders(policy, reviews, today, shownBefore);
  const shown: Reminder[] = [];
  for (const reminder of due) {
    try {
      await browser.notifications.create(notificationId(reminder), {
        type: 'basic',
        iconUrl: NOTIFICATION_ICONS['needs-review'],
        title: backgroundStrings.reminderTitle(reminder),
        message: backgroundStrings.reminderMessage(reminder),
        priority: 1,
      });
      shown.push(reminder);
    } catch (error) {
      // Not remembered as shown, so the next start or the next day's alarm tries again.
      console.error('Consent Gate could not show a reminder:', errorMessage(error));
    }
  }
  const remembered = rememberShown(shownBefore, shown, today);
  if (JSON.stringify(remembered) !== JSON.stringify(shownBefore)) await browser.storage.local.set({ [REMINDERS_SHOWN_KEY]: remembered });
  return shown;
}

/** A click on a reminder opens its review in a new tab. */
export async function openReminder(id: string): Promise<boolean> {
  const reviewId = reminderReviewId(id);
  if (reviewId === undefined) return false;
  await browser.notifications.clear(id);
  await browser.tabs.create({ url: reviewPageUrl(reviewId), active: true });
  return true;
}
