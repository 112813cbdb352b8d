import type { PolicySourceId } from '../../lib/policy-sources/resolve-effective-policy';
import { SOURCE_DESCRIPTIONS, SOURCE_LABELS } from '../../lib/strings/options';

export function SourceBadge({ source }: { source: PolicySourceId }) {
  return (
    <span class={`badge badge-source-${source}`} title={SOURCE_DESCRIPTIONS[source]} data-testid="source-badge" data-source={source}>
      {SOURCE_LABELS[source]}
    </span>
  );
}
