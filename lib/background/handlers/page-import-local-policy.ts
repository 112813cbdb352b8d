/**
 * `page/import-local-policy`: the options page imports a policy file. Refused with every validation error when the
 * file is invalid, and when managed policy sets `allowLocalPolicy: false`. Applied before the reply, so the
 * status the page asks for next already shows it.
 */
import type { MessageHandler } from '../../messages/router';
import { importLocalPolicy } from '../local-policy-source';
import { applyPolicy } from '../policy-changes';
import { getEffectivePolicy, invalidatePolicy } from '../policy-cache';

export const handlePageImportLocalPolicy: MessageHandler<'page/import-local-policy'> = async (message) => {
  const { status } = await getEffectivePolicy();
  const result = await importLocalPolicy(message.text, status.sources.local.allowed, new Date());
  if (!result.ok) {
    return {
      ok: false,
      error: result.error,
      ...(result.errors === undefined ? {} : { errors: result.errors.map(({ path, message: text, fix }) => ({ path, message: text, fix })) }),
    };
  }
  invalidatePolicy();
  await applyPolicy(Date.now());
  return { ok: true };
};
