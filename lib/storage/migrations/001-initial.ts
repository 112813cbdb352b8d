import type { Migration } from './migration';

/** Review requests by id, and the consent-event log keyed by an increasing number (its order of arrival). */
export const initialMigration: Migration = {
  version: 1,
  description: 'Create the reviews and events stores.',
  migrate(database) {
    const reviews = database.createObjectStore('reviews', { keyPath: 'id' });
    reviews.createIndex('status', 'status');
    reviews.createIndex('updatedAt', 'updatedAt');

    const events = database.createObjectStore('events', { keyPath: 'id', autoIncrement: true });
    events.createIndex('at', 'at');
  },
};
