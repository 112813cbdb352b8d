/** `page/get-policy-status`: the options page and the popup ask which policy is in force, from where, and what failed. */
import type { MessageHandler } from '../../messages/router';
import { getEffectivePolicy } from '../policy-cache';

export const handlePageGetPolicyStatus: MessageHandler<'page/get-policy-status'> = async () => {
  const { status } = await getEffectivePolicy();
  return { ok: true, status };
};
