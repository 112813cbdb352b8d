/**
 * `page/get-policy-snapshot`: the options page asks, without waiting, for the last known policy status and the
 * sources still being read. When nothing is being read the policy in force is at hand and is the answer.
 */
import type { MessageHandler } from '../../messages/router';
import { getEffectivePolicy, sourcesBeingRead } from '../policy-cache';
import { readPolicySnapshot } from '../policy-snapshot';

export const handlePageGetPolicySnapshot: MessageHandler<'page/get-policy-snapshot'> = async () => {
  // Starts the read if none is running (a worker that just woke), so `reading` names what is outstanding now.
  const inForce = getEffectivePolicy();
  const reading = sourcesBeingRead();
  if (reading.length === 0) return { ok: true, status: (await inForce).status, reading: [] };
  // The page asks for the full status in parallel; its failure is reported there, not here.
  inForce.catch(() => undefined);
  const kept = await readPolicySnapshot();
  return kept === undefined ? { ok: true, status: null, reading } : { ok: true, status: kept.status, reading, savedAt: kept.savedAt };
};
