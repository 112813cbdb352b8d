/** `page/refresh-remote-config`: the options page checks the signed remote config now instead of on schedule. */
import type { MessageHandler } from '../../messages/router';
import { checkRemoteConfigAndApply } from '../policy-changes';

export const handlePageRefreshRemoteConfig: MessageHandler<'page/refresh-remote-config'> = async () => {
  const { outcome } = await checkRemoteConfigAndApply();
  return { ok: true, outcome };
};
