import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { REMINDER_NOTIFICATION_PREFIX, REMINDERS_ALARM, REMINDERS_SHOWN_KEY } from '../../../lib/background/reminders';
import { createReview, putReview, setReviewStatus } from '../../../lib/storage/reviews';
import { samplePrefill } from '../storage/sample-records';
import { fireAlarm, resetBackground, restartWorker, setPolicy, settleBackground, startBackground } from './background-harness';

const CLIENT = '1234.apps.googleusercontent.com';

beforeEach(() => {
  resetBackground();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-03-10T09:00:00'));
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

function shownNotifications() {
  return fakeBrowser.notifications.getAllCreateOptions();
}

async function approvedReviewExpiringOn(expiresOn: string) {
  await setPolicy({ approvedIntegrations: [{ provider: 'google', clientId: CLIENT, scopes: ['https://www.googleapis.com/auth/drive'], kind: 'pilot', expiresOn }] });
  const review = await createReview(samplePrefill());
  return setReviewStatus(review.id, 'approved');
}

describe('reminders', () => {
  it('at start, shows a due reminder once and sets the daily alarm', async () => {
    const review = await approvedReviewExpiringOn('2026-03-13');
    await startBackground();
    await settleBackground();
    const notifications = shownNotifications();
    const id = `${REMINDER_NOTIFICATION_PREFIX}approval-expiring:${review.id}`;
    expect(Object.keys(notifications)).toEqual([id]);
    expect(notifications[id]).toMatchObject({
      type: 'basic',
      title: 'Consent Gate: test access ends soon',
      message: expect.stringMatching(/^The test access for Acme Notes is valid through 2026-03-13: it ends in 3 days\./),
    });
    expect(await fakeBrowser.alarms.get(REMINDERS_ALARM)).toMatchObject({ periodInMinutes: 24 * 60 });
    expect((await fakeBrowser.storage.local.get(REMINDERS_SHOWN_KEY))[REMINDERS_SHOWN_KEY]).toEqual({ [`expiring:google:${CLIENT}:2026-03-13`]: '2026-03-10' });
  });

  it('does not repeat on the same day, even after a restart, and does on the next day', async () => {
    await approvedReviewExpiringOn('2026-03-13');
    await startBackground();
    await settleBackground();
    await fakeBrowser.notifications.clear(Object.keys(shownNotifications())[0]!);

    restartWorker();
    await startBackground();
    await fireAlarm(REMINDERS_ALARM);
    expect(Object.keys(shownNotifications())).toEqual([]);

    vi.setSystemTime(new Date('2026-03-11T09:00:00'));
    await fireAlarm(REMINDERS_ALARM);
    expect(Object.values(shownNotifications())).toEqual([expect.objectContaining({ message: expect.stringMatching(/it ends in 2 days/) })]);
  });

  it('reminds about a draft left for two days, and opens it on click', async () => {
    vi.setSystemTime(new Date('2026-03-07T09:00:00'));
    const draft = await putReview({ ...(await createReview(samplePrefill({ appName: 'Wiki Sync' }))), answers: { useCase: 'docs' } });
    vi.setSystemTime(new Date('2026-03-10T09:00:00'));
    await startBackground();
    await settleBackground();
    const id = `${REMINDER_NOTIFICATION_PREFIX}draft-unfinished:${draft.id}`;
    expect(shownNotifications()[id]).toMatchObject({ title: 'Consent Gate: your review is unfinished', message: expect.stringMatching(/Wiki Sync is still a draft/) });

    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await fakeBrowser.notifications.onClicked.trigger(id);
    await settleBackground();
    expect(create).toHaveBeenCalledWith({ url: `chrome-extension://${fakeBrowser.runtime.id}/review.html?id=${draft.id}`, active: true });
    expect(shownNotifications()[id]).toBeUndefined();
  });

  it('shows nothing when nothing is due', async () => {
    await approvedReviewExpiringOn('2026-04-30');
    await startBackground();
    await settleBackground();
    expect(shownNotifications()).toEqual({});
  });
});
