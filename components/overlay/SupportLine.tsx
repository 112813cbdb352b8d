import type { OverlayView } from '../../lib/messages/protocol';
import { overlayStrings } from '../../lib/strings/overlay';
import { safeSupportHref } from './overlay-display';

/** "Questions? Contact <support>" from the policy's organization settings; nothing when the policy names no one. */
export function SupportLine({ organization }: { organization: OverlayView['organization'] }) {
  const { supportContact, supportUrl } = organization;
  if (!supportContact && !supportUrl) return null;
  const href = safeSupportHref(supportUrl, supportContact);
  const label = supportContact ?? overlayStrings.supportLink;
  return (
    <p class="support" data-testid="support">
      {overlayStrings.supportPrefix}{' '}
      {href ? (
        <a href={href} target="_blank" rel="noopener noreferrer">
          {label}
        </a>
      ) : (
        label
      )}
    </p>
  );
}

export function brandLine(organization: OverlayView['organization']): string {
  return organization.name ? overlayStrings.checkedBy(organization.name) : overlayStrings.productName;
}
