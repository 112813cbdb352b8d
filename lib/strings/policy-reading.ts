/** The options page's notice while the background still reads policy sources (after a browser start). */
import type { PolicyReadSource } from '../messages/protocol';

export const READ_SOURCE_LABELS: Record<PolicyReadSource, string> = {
  managed: 'managed policy',
  remote: 'remote config',
  local: 'local policy',
};

export const POLICY_READING_TEXT = {
  snapshotNotice: (sources: string, savedAt: string | undefined) =>
    `Showing the last known policy${savedAt === undefined ? '' : ` (as of ${savedAt})`} while Consent Gate reads the ${sources}. It updates by itself.`,
  readingNotice: (sources: string) => `Consent Gate is reading the ${sources}\u2026`,
  sourceReading: 'being read\u2026',
};

/** "managed policy", "managed policy and remote config", "managed policy, remote config and local policy". */
export function listSources(sources: readonly PolicyReadSource[]): string {
  const names = sources.map((source) => READ_SOURCE_LABELS[source]);
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
