import { describe, expect, it } from 'vitest';
import type { PageFacts } from '../../../lib/evaluation';
import { withEveryMissingFieldUnread } from '../../../lib/page-facts/mark-unread';

describe('withEveryMissingFieldUnread', () => {
  it.each<[string, PageFacts, PageFacts['unread']]>([
    ['nothing found: every field unread', {}, ['appName', 'publisher', 'verified', 'scopeDescriptions', 'account']],
    ['an empty permission list counts as not found', { appName: 'A', scopeDescriptions: [] }, ['publisher', 'verified', 'scopeDescriptions', 'account']],
    ['verified false is a fact, not a gap', { verified: false, publisher: 'P' }, ['appName', 'scopeDescriptions', 'account']],
    ['everything found: nothing unread', { appName: 'A', publisher: 'P', verified: true, scopeDescriptions: ['Read mail'], account: 'a@b' }, []],
  ])('%s', (_name, facts, unread) => {
    expect(withEveryMissingFieldUnread({ ...facts }).unread).toEqual(unread);
  });
});
