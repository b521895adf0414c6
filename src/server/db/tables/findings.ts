import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
} from 'drizzle-orm/pg-core';
import { FINDING_KINDS, type FindingKind, SEVERITIES, type Severity } from '../../../domain/org/index.ts';
import { TODO_INPUTS, type TodoInput } from '../../todos/inputs.ts';
import { ltree } from '../types.ts';
import { orgs } from './orgs.ts';

function oneOf(column: string, values: readonly string[]) {
  return sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(', ')})`);
}

/**
 * The to-do list as of one day (findings_meta.as_of): one row per (org, kind, subject) found, with what the list shows and
 * sorts by. Kept by the writes that change a producer's inputs, in their transaction, and recomputed whole when
 * the day changes (src/server/todos/keep.ts). The org's path is kept with it (a move rewrites it: migration
 * 0013), so that a scope's list and counts read this table alone.
 */
export const findings = pgTable(
  'findings',
  {
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    /** The org's path, as orgs.path. */
    path: ltree('path').notNull(),
    kind: text('kind').$type<FindingKind>().notNull(),
    severity: text('severity').$type<Severity>().notNull(),
    /** The severity's place in the list: 0 critical, 1 warning, 2 info (compareFindings). */
    urgency: smallint('urgency').notNull(),
    /** The date the finding is about (the term end, the day a vacancy began); null when undated. */
    date: date('date', { mode: 'string' }),
    days: integer('days'),
    message: text('message').notNull(),
    article: text('article').notNull(),
    /**
     * Whom an org's finding is about, when it is about one of its members or transfers: `member:<id>` or
     * `transfer:<id>` (FindingSubject); '' for the org itself. An org has one finding of a kind per subject.
     */
    subject: text('subject').notNull().default(''),
    /** The subject's name as the list shows it (a person's name), kept with the row like the message. */
    subjectName: text('subject_name'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.kind, t.subject] }),
    index('findings_kind_idx').on(t.kind, t.severity),
    index('findings_order_idx').on(t.urgency, t.date, t.orgId),
    index('findings_path_gist').using('gist', t.path),
    check('findings_kind_check', oneOf('kind', FINDING_KINDS)),
    check('findings_severity_check', oneOf('severity', SEVERITIES)),
  ],
);

/** The day the findings table is computed for (`key` = 'findings'); none, or another day, means it must be recomputed. */
export const findingsMeta = pgTable('findings_meta', {
  key: text('key').primaryKey(),
  asOf: date('as_of', { mode: 'string' }),
});

/**
 * Orgs whose findings' inputs changed and are not yet recomputed: appended by triggers (migration
 * 0011_findings_refresh_triggers) in the writer's transaction, taken by the refresh at its end. `org_id` null:
 * every org (a change of the term policy).
 */
export const findingsDirty = pgTable(
  'findings_dirty',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    orgId: integer('org_id'),
    input: text('input').$type<TodoInput>().notNull(),
  },
  () => [check('findings_dirty_input_check', oneOf('input', TODO_INPUTS))],
);
