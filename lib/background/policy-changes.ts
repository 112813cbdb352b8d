/**
 * This module's job is the browser: what follows a policy change (and a service-worker start): every running
 * flow is judged again so badges and overlays show the new verdict, submitted reviews follow the decision,
 * source errors reach the admin's webhook, and the remote config named by managed policy is kept on schedule.
 */
import { runDetached } from './detached-work';
import { refreshFlowView } from './flows';
import { isFlowExpired } from './flow-lifecycle';
import { getEffectivePolicy, invalidatePolicy } from './policy-cache';
import { reportPolicyErrors } from './policy-error-reporting';
import { checkRemoteConfigNow, ensureRemoteConfigSchedule, type RemoteCheck } from './remote-config-schedule';
import type { RemoteConfigTarget } from './remote-policy-source';
import { reconcileReviews } from './review-reconciliation';
import { listTabStates, readTabState } from './tab-state-store';
import { tabQueue } from './tab-queue';

export async function applyPolicy(now: number): Promise<{ flows: number; reviews: number }> {
  const cached = await getEffectivePolicy();
  const { compiled, error } = cached;
  if (error !== undefined) console.error(`Consent Gate policy: ${error}`);
  let flows = 0;
  for (const listed of await listTabStates()) {
    await tabQueue.run(listed.tabId, async () => {
      const state = await readTabState(listed.tabId);
      if (state === undefined || isFlowExpired(state, now)) return;
      await refreshFlowView(state, now);
      flows += 1;
    });
  }
  const changed = await reconcileReviews(compiled, new Date(now));
  void runDetached('report a policy error to the admin', reportPolicyErrors(cached, new Date(now)));
  void runDetached('check the remote config', followRemoteConfig(cached.remote));
  return { flows, reviews: changed.length };
}

async function applyRemoteCheck(check: RemoteCheck | undefined): Promise<void> {
  if (check?.changed !== true) return;
  invalidatePolicy();
  await applyPolicy(Date.now());
}

/** A newly named config is fetched at once, then on its alarm. */
async function followRemoteConfig(target: RemoteConfigTarget | undefined): Promise<void> {
  await applyRemoteCheck(await ensureRemoteConfigSchedule(target));
}

/** The alarm, or the options page's "check now": fetch the remote config and apply what changed. */
export async function checkRemoteConfigAndApply(): Promise<RemoteCheck> {
  const { remote } = await getEffectivePolicy();
  const check = await checkRemoteConfigNow(remote);
  await applyRemoteCheck(check);
  return check;
}
