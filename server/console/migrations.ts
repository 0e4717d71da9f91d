import { membershipIndexMigrations } from './membership-index/schema.ts';
import { journalMigrations } from './journal/schema.ts';
import { findingsMigrations } from './findings/dismissals.ts';
import type { FeatureMigrations } from './storage.ts';
import { writeOnceMigrations } from './write-once.ts';
import { membershipEndsMigrations } from './membership-ends/schema.ts';
import { accessReviewMigrations } from './access-reviews/schema.ts';

/**
 * Every console feature's tables, one entry per feature (membership index, journal, findings…).
 * Append a step to a feature's list to change its schema; never edit an applied step.
 */
export const consoleFeatureMigrations: FeatureMigrations[] = [membershipIndexMigrations, journalMigrations, findingsMigrations, writeOnceMigrations, membershipEndsMigrations, accessReviewMigrations];
