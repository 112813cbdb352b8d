/** Every message the background answers, one handler per message type (lib/messages/protocol.ts). */
import type { MessageHandlers } from '../../messages/router';
import { handleConsentAction } from './consent-action';
import { handleConsentHello } from './consent-hello';
import { handleConsentPageFacts } from './consent-page-facts';
import { handlePageGetTabState } from './page-get-tab-state';
import { handlePageReviewSubmitted } from './page-review-submitted';
import { handlePageShowOverlay } from './page-show-overlay';

export const BACKGROUND_HANDLERS: MessageHandlers = {
  'consent/hello': handleConsentHello,
  'consent/page-facts': handleConsentPageFacts,
  'consent/action': handleConsentAction,
  'page/get-tab-state': handlePageGetTabState,
  'page/show-overlay': handlePageShowOverlay,
  'page/review-submitted': handlePageReviewSubmitted,
};
