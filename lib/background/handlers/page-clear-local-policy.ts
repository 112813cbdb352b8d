/** `page/clear-local-policy`: the options page removes the imported local policy; the next source takes over at once. */
import type { MessageHandler } from '../../messages/router';
import { clearLocalPolicy } from '../local-policy-source';
import { applyPolicy } from '../policy-changes';
import { invalidatePolicy } from '../policy-cache';

export const handlePageClearLocalPolicy: MessageHandler<'page/clear-local-policy'> = async () => {
  await clearLocalPolicy();
  invalidatePolicy();
  await applyPolicy(Date.now());
  return { ok: true };
};
