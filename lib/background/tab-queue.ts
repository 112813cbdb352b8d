/** The one queue that orders every change to a tab's flow state, shared by navigation listeners and handlers. */
import { createKeyedQueue } from './keyed-queue';

export const tabQueue = createKeyedQueue();
