/** Every message the background answers, one handler per message type (lib/messages/protocol.ts). */
import type { MessageHandlers } from '../../messages/router';
import { handleConsentAction } from './consent-action';
import { handleConsentHello } from './consent-hello';
import { handleConsentPageFacts } from './consent-page-facts';
import { handleDeviceCodePageShown } from './device-code-page-shown';
import { handlePageClearLocalPolicy } from './page-clear-local-policy';
import { handlePageGetOutbox } from './page-get-outbox';
import { handlePageGetPolicySnapshot } from './page-get-policy-snapshot';
import { handlePageGetPolicyStatus } from './page-get-policy-status';
import { handlePageGetTabState } from './page-get-tab-state';
import { handlePageImportLocalPolicy } from './page-import-local-policy';
import { handlePageRefreshRemoteConfig } from './page-refresh-remote-config';
import { handlePageReviewSubmitted } from './page-review-submitted';
import { handlePageSendTestEvent } from './page-send-test-event';
import { handlePageShowOverlay } from './page-show-overlay';

export const BACKGROUND_HANDLERS: MessageHandlers = {
  'consent/hello': handleConsentHello,
  'consent/page-facts': handleConsentPageFacts,
  'consent/action': handleConsentAction,
  'device-code/page-shown': handleDeviceCodePageShown,
  'page/get-tab-state': handlePageGetTabState,
  'page/show-overlay': handlePageShowOverlay,
  'page/review-submitted': handlePageReviewSubmitted,
  'page/get-policy-status': handlePageGetPolicyStatus,
  'page/import-local-policy': handlePageImportLocalPolicy,
  'page/clear-local-policy': handlePageClearLocalPolicy,
  'page/refresh-remote-config': handlePageRefreshRemoteConfig,
  'page/get-outbox': handlePageGetOutbox,
  'page/send-test-event': handlePageSendTestEvent,
  'page/get-policy-snapshot': handlePageGetPolicySnapshot,
};
