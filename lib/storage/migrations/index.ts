/** Every schema migration, in version order. Adding one here raises DATABASE_VERSION. */
import { initialMigration } from './001-initial';
import { reviewClientIndexMigration } from './002-review-client-index';
import { outboxMigration } from './003-outbox';
import { policyStateMigration } from './004-policy-state';
import { reduceReviewPrefillMigration } from './005-reduce-review-prefill';
import type { Migration } from './migration';

export const MIGRATIONS: readonly Migration[] = [
  initialMigration,
  reviewClientIndexMigration,
  outboxMigration,
  policyStateMigration,
  reduceReviewPrefillMigration,
];
