/** `page/get-tab-state`: the popup asks what Consent Gate knows about a tab. */
import type { MessageHandler } from '../../messages/router';
import { readActiveFlow } from '../flows';
import { publicTabState } from '../tab-state-store';
import { tabQueue } from '../tab-queue';

export const handlePageGetTabState: MessageHandler<'page/get-tab-state'> = (message) =>
  tabQueue.run(message.tabId, async () => {
    const state = await readActiveFlow(message.tabId, Date.now());
    return { state: state === undefined ? null : publicTabState(state) };
  });
