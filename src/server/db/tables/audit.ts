import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import {
  AUDIT_ACTIONS,
  AUDIT_ENTITY_TYPES,
  AUDIT_NOTE_REASONS,
  AUDITED_REFUSAL_ACTIONS,
} from '../../../contracts/audit.ts';
import { oneOf } from './closed-vocabulary.ts';

/**
 * The audit log (审计日志): append-only. A trigger (migration `audit_log_append_only`) rejects UPDATE,
 * DELETE and TRUNCATE, so the rule holds whatever code runs against the database.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: integer('actor_id'),
    actorUsername: text('actor_username'),
    /** The role under which the action was authorized. */
    role: text('role'),
    /** Closed vocabularies (contracts/audit.ts), checked by the database. */
    action: text('action', { enum: AUDIT_ACTIONS }).notNull(),
    entityType: text('entity_type', { enum: AUDIT_ENTITY_TYPES }).notNull(),
    entityId: text('entity_id'),
    /** The org the entity belongs to: the audit log is scoped like everything else. */
    orgId: integer('org_id'),
    diff: jsonb('diff').$type<Record<string, unknown>>(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at),
    index('audit_log_entity_idx').on(t.entityType, t.entityId),
    index('audit_log_actor_idx').on(t.actorId),
    check('audit_log_action_check', oneOf(t.action, AUDIT_ACTIONS)),
    check('audit_log_entity_type_check', oneOf(t.entityType, AUDIT_ENTITY_TYPES)),
    // A refusal's reason (note.reason) is of its closed vocabulary; other actions' notes may hold a person's words.
    check(
      'audit_log_note_reason_check',
      sql`not (${oneOf(t.action, AUDITED_REFUSAL_ACTIONS)}) or ${oneOf(sql`(${t.diff} -> 'note' ->> 'reason')`, AUDIT_NOTE_REASONS)}`,
    ),
  ],
);
