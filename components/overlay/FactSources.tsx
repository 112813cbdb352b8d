/**
 * "Where this comes from": the lines of fact-sources.ts, as text nodes only (page names and publishers are
 * page-controlled). A name that differs from the approved one is marked for styling and screen readers alike by its
 * own sentence, not by colour.
 */
import type { PageFacts } from '../../lib/evaluation';
import type { OverlayView } from '../../lib/messages/protocol';
import { overlayStrings } from '../../lib/strings/overlay';
import { describeFactSources } from './fact-sources';

export function FactSources({ view, pageFacts }: { view: OverlayView; pageFacts?: PageFacts }) {
  const lines = describeFactSources(view, pageFacts);
  if (lines.length === 0) return null;
  return (
    <section aria-labelledby="cg-sources-title" data-testid="fact-sources">
      <h3 class="section-title" id="cg-sources-title">
        {overlayStrings.factSources.heading}
      </h3>
      <ul class="list">
        {lines.map((line) => (
          <li key={line.kind} data-source={line.kind}>
            {line.text}
          </li>
        ))}
      </ul>
    </section>
  );
}
