/**
 * `page/send-test-event`: the options page tests one configured endpoint. The message names a role
 * (events, review, slack), never a URL: the URL comes from the policy in force (lib/background/test-delivery.ts).
 */
import type { MessageHandler } from '../../messages/router';
import { sendTestDelivery } from '../test-delivery';

export const handlePageSendTestEvent: MessageHandler<'page/send-test-event'> = (message) => sendTestDelivery(message.destination);
