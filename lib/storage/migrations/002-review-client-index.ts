import type { Migration } from './migration';

/**
 * Find the reviews of one app (provider + client id) without reading them all: the background marks them
 * approved or declined when the policy decides on that client. IndexedDB fills a new index from existing records.
 */
export const reviewClientIndexMigration: Migration = {
  version: 2,
  description: 'Index reviews by provider and client id.',
  migrate(_database, transaction) {
    transaction.objectStore('reviews').createIndex('client', ['prefill.provider', 'prefill.clientId']);
  },
};
