import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { LEADERSHIP_POSTS, ORG_KINDS, SECTORS } from '../../../domain/org/index.ts';
import { ltree } from '../types.ts';

export const orgKind = pgEnum('org_kind', ORG_KINDS);
export const sector = pgEnum('sector', SECTORS);

export const orgs = pgTable(
  'orgs',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    parentId: integer('parent_id').references((): AnyPgColumn => orgs.id),
    path: ltree('path').notNull(),
    name: text('name').notNull(),
    kind: orgKind('kind').notNull(),
    sector: sector('sector').notNull(),
    code: text('code'),
    establishedOn: date('established_on', { mode: 'string' }),
    approvalDocNo: text('approval_doc_no'),
    dissolvedOn: date('dissolved_on', { mode: 'string' }),
    dissolutionReason: text('dissolution_reason'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('orgs_path_gist').using('gist', t.path),
    index('orgs_parent_idx').on(t.parentId),
    uniqueIndex('orgs_code_unique').on(t.code),
    index('orgs_name_trgm').using('gin', t.name.op('gin_trgm_ops')),
  ],
);

/** Effective-dated history of an org: founding, edits, moves, dissolution (docs/design.md §1.4). */
export const orgEvents = pgTable(
  'org_events',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    kind: text('kind', { enum: ['established', 'updated', 'moved', 'dissolved'] }).notNull(),
    effectiveOn: date('effective_on', { mode: 'string' }).notNull(),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    actorId: integer('actor_id'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('org_events_org_idx').on(t.orgId, t.effectiveOn)],
);

export const leadershipPost = pgEnum('leadership_post', LEADERSHIP_POSTS);

/** 班子成员 and their terms (届期). A post that ends keeps its row: history is never overwritten. */
export const leadershipPosts = pgTable(
  'leadership_posts',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    post: leadershipPost('post').notNull(),
    holderName: text('holder_name').notNull(),
    startedOn: date('started_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    extensionDocNo: text('extension_doc_no'),
    leftOn: date('left_on', { mode: 'string' }),
    leftReason: text('left_reason'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('leadership_posts_org_idx').on(t.orgId)],
);
