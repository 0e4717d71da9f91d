import type { FeatureMigrations } from '../storage.ts';

/**
 * Access reviews: a review names groups, reviewers and a due date; each membership found when it
 * started is an item with a decision (keep / remove, with a reason), and what applying it did.
 * Kept after they are applied: they are the evidence an audit asks for.
 */
export const accessReviewMigrations: FeatureMigrations = {
  feature: 'access-reviews',
  steps: [
    `CREATE TABLE access_reviews (
       id TEXT PRIMARY KEY,
       account_id TEXT NOT NULL,
       name TEXT NOT NULL,
       groups TEXT NOT NULL,
       reviewers TEXT NOT NULL,
       due_at TEXT NOT NULL,
       created_by TEXT NOT NULL,
       created_at TEXT NOT NULL,
       state TEXT NOT NULL,
       applied_by TEXT,
       applied_at TEXT
     )`,
    'CREATE INDEX access_reviews_account ON access_reviews (account_id, created_at)',
    `CREATE TABLE access_review_items (
       id TEXT PRIMARY KEY,
       review_id TEXT NOT NULL REFERENCES access_reviews(id) ON DELETE CASCADE,
       position INTEGER NOT NULL,
       group_id TEXT NOT NULL,
       group_name TEXT NOT NULL,
       grants_admin INTEGER NOT NULL,
       member_id TEXT NOT NULL,
       member_email TEXT,
       member_status TEXT,
       decision TEXT,
       reason TEXT,
       decided_by TEXT,
       decided_at TEXT,
       outcome TEXT,
       applied_at TEXT
     )`,
    'CREATE INDEX access_review_items_review ON access_review_items (review_id, position)',
  ],
};
