import { OPTIONS_TEXT } from '../../lib/strings/options';
import { EventsSection } from './EventsSection';
import { IntegrationsSection } from './IntegrationsSection';
import { LocalPolicySection } from './LocalPolicySection';
import { OutboxSection } from './OutboxSection';
import { PolicyStatusSection } from './PolicyStatusSection';

export function OptionsPage() {
  return (
    <main class="options-page" data-testid="options-page">
      <h1>{OPTIONS_TEXT.heading}</h1>
      <PolicyStatusSection />
      <IntegrationsSection />
      <EventsSection />
      <OutboxSection />
      <LocalPolicySection />
    </main>
  );
}
