import type { Migration } from './migration';

/**
 * Webhook deliveries waiting to be sent (consent events, reviews, policy errors), so a delivery survives a
 * service-worker restart or a day offline. Keys increase with every add, so key order is arrival order and the
 * bound drops the oldest first; `nextAttemptAt` finds what is due without reading the whole queue.
 */
export const outboxMigration: Migration = {
  version: 3,
  description: 'Create the outbox store of webhook deliveries.',
  migrate(database) {
    const outbox = database.createObjectStore('outbox', { keyPath: 'id', autoIncrement: true });
    outbox.createIndex('nextAttemptAt', 'nextAttemptAt');
  },
};
