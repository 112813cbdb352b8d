/** `page/get-outbox`: the options page shows the webhook outbox (queued, failed, dropped) and the configured endpoints. */
import type { MessageHandler } from '../../messages/router';
import { readOutboxStatus } from '../outbox-status';

export const handlePageGetOutbox: MessageHandler<'page/get-outbox'> = async () => ({ ok: true, outbox: await readOutboxStatus() });
