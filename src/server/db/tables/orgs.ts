import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  check,
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
import { ORG_EVENT_KINDS } from '../../../contracts/orgs.ts';
import { LEADERSHIP_POSTS, ORG_KINDS, SECTORS } from '../../../domain/org/index.ts';
import { ltree } from '../types.ts';
import { oneOf } from './closed-vocabulary.ts';

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
    /** A closed vocabulary (ORG_EVENT_KINDS), checked by the database. */
    kind: text('kind', { enum: ORG_EVENT_KINDS }).notNull(),
    effectiveOn: date('effective_on', { mode: 'string' }).notNull(),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    actorId: integer('actor_id'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('org_events_org_idx').on(t.orgId, t.effectiveOn),
    check('org_events_kind_check', oneOf(t.kind, ORG_EVENT_KINDS)),
  ],
);

/**
 * A committee's terms (届, docs/organizations.md §7): elected on a day until a day; the approval document of the
 * level above where the length or the date departs from the rule; ended by the next 换届. One current term per org.
 */
export const committeeTerms = pgTable(
  'committee_terms',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    electedOn: date('elected_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    electionDocNo: text('election_doc_no'),
    electionDocDate: date('election_doc_date', { mode: 'string' }),
    approvalDocNo: text('approval_doc_no'),
    approvalDocDate: date('approval_doc_date', { mode: 'string' }),
    endedOn: date('ended_on', { mode: 'string' }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('committee_terms_org_idx').on(t.orgId, t.electedOn),
    uniqueIndex('committee_terms_one_current').on(t.orgId).where(sql`${t.endedOn} is null`),
    check(
      'committee_terms_dates',
      sql`${t.endsOn} > ${t.electedOn} and (${t.endedOn} is null or ${t.endedOn} >= ${t.electedOn})`,
    ),
    // A term carried over from per-person terms (0015) may know its approval's number without its date.
    check('committee_terms_approval', sql`${t.approvalDocDate} is null or ${t.approvalDocNo} is not null`),
  ],
);

export const leadershipPost = pgEnum('leadership_post', LEADERSHIP_POSTS);

/**
 * 班子成员: who held which post from when to when. A committee post belongs to a term (届) and ends with it;
 * a 党小组长 or an appointed head has none. A post that ends keeps its row: history is never overwritten.
 */
export const leadershipPosts = pgTable(
  'leadership_posts',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    termId: integer('term_id').references(() => committeeTerms.id),
    post: leadershipPost('post').notNull(),
    holderName: text('holder_name').notNull(),
    startedOn: date('started_on', { mode: 'string' }).notNull(),
    leftOn: date('left_on', { mode: 'string' }),
    leftReason: text('left_reason'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('leadership_posts_org_idx').on(t.orgId), index('leadership_posts_term_idx').on(t.termId)],
);
