/**
 * For readers that look for every fact on their page: each field they did not find is named as unread, so the
 * overlay says "not shown on this page" instead of staying silent. An empty permission list counts as not found.
 */
import { PAGE_FACT_FIELDS, type PageFacts } from '../evaluation';

export function withEveryMissingFieldUnread(facts: PageFacts): PageFacts {
  facts.unread = PAGE_FACT_FIELDS.filter((field) =>
    field === 'scopeDescriptions' ? (facts.scopeDescriptions ?? []).length === 0 : facts[field] === undefined,
  );
  return facts;
}
