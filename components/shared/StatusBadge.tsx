import type { ReviewStatus } from '../../lib/storage/records';
import { STATUS_LABELS } from '../../lib/strings/review';

export function StatusBadge({ status }: { status: ReviewStatus }) {
  return (
    <span class={`badge badge-${status}`} data-testid="status-badge" data-status={status}>
      {STATUS_LABELS[status]}
    </span>
  );
}
