import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import {
  BASE_KINDS,
  type DuesRuleSet,
  LEDGER_ENTRY_KINDS,
  PAYMENT_METHODS,
  REDUCTION_KINDS,
  REDUCTION_STATUSES,
} from '../../../domain/dues/index.ts';
import { MEMBER_CATEGORIES } from '../../../domain/membership/index.ts';
import { oneOf } from './closed-vocabulary.ts';
import { orgs } from './orgs.ts';
import { members } from './people.ts';
import { users } from './users.ts';

/** A date column holding a dues month: its first day (docs/dues.md §0). */
const firstOfMonth = (name: string, column: unknown) => check(name, sql`extract(day from ${column}) = 1`);

/**
 * The deployment's versions of the dues rules (CFG, docs/dues.md §7): none means the national default
 * (DEFAULT_DUES_RULES). A version applies from `valid_from` (a month's first day) until the next one's.
 */
export const duesRuleSets = pgTable(
  'dues_rule_sets',
  {
    version: text('version').primaryKey(),
    validFrom: date('valid_from', { mode: 'string' }).notNull().unique(),
    rules: jsonb('rules').$type<Omit<DuesRuleSet, 'version' | 'validFrom'>>().notNull(),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** The optimistic lock of the editor (参数配置 → 党费收缴标准): only a version not yet in force changes. */
    revision: integer('revision').notNull().default(1),
  },
  (t) => [firstOfMonth('dues_rule_sets_valid_from_check', t.validFrom)],
);

/** One pay item of a base as entered, counted or listed apart (docs/dues.md §2: items that never count). */
export type DuesBaseItem = { readonly label: string; readonly amount: number; readonly counted: boolean };

/**
 * A member's dues base (计算基数, docs/dues.md §2) from a month on, until their next one: how it is made (`kind`),
 * its items in 分 as entered (the counted ones and those listed apart so that the base can be checked), the personal
 * income tax deducted, and the base itself. Pay is personal data (docs/dues.md §11): read in scope, never listed.
 */
export const duesBases = pgTable(
  'dues_bases',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    /** The first day of the first month it applies to. */
    fromMonth: date('from_month', { mode: 'string' }).notNull(),
    /** A closed vocabulary (BASE_KINDS), checked by the database. */
    kind: text('kind', { enum: BASE_KINDS }).notNull(),
    items: jsonb('items').$type<DuesBaseItem[]>().notNull().default(sql`'[]'::jsonb`),
    /** 个人所得税, in 分: the only deduction (docs/dues.md §2). */
    incomeTax: integer('income_tax').notNull().default(0),
    /** The base, in 分: the counted items less the tax (as the domain computes it). */
    amount: integer('amount').notNull(),
    note: text('note'),
    setBy: integer('set_by').references(() => users.id),
    setAt: timestamp('set_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('dues_bases_member_month').on(t.memberId, t.fromMonth),
    firstOfMonth('dues_bases_from_month_check', t.fromMonth),
    check('dues_bases_kind_check', oneOf(t.kind, BASE_KINDS)),
    check('dues_bases_amounts_check', sql`${t.amount} >= 0 and ${t.incomeTax} >= 0`),
  ],
);

/**
 * 减免 (docs/dues.md §6, 第七条): 少交 (a monthly amount) or 免交 for a range of months, decided by the branch and
 * approved by the 党委 one level up; only an approved one changes a charge.
 */
export const duesReductions = pgTable(
  'dues_reductions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    /** The member's branch when it was recorded. */
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    /** A closed vocabulary (REDUCTION_KINDS), checked by the database. */
    kind: text('kind', { enum: REDUCTION_KINDS }).notNull(),
    fromMonth: date('from_month', { mode: 'string' }).notNull(),
    toMonth: date('to_month', { mode: 'string' }).notNull(),
    /** 少交: what is paid each month instead, in 分; null for 免交. */
    monthlyAmount: integer('monthly_amount'),
    reason: text('reason').notNull(),
    /** The date of the branch's discussion (支部研究). */
    branchDecidedOn: date('branch_decided_on', { mode: 'string' }).notNull(),
    /** A closed vocabulary (REDUCTION_STATUSES), checked by the database. */
    status: text('status', { enum: REDUCTION_STATUSES }).notNull().default('pending'),
    /** The approval of the level above (or its refusal): who, when, and its note. */
    decidedBy: integer('decided_by').references(() => users.id),
    decidedOn: date('decided_on', { mode: 'string' }),
    decisionNote: text('decision_note'),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('dues_reductions_member_idx').on(t.memberId, t.fromMonth),
    index('dues_reductions_org_idx').on(t.orgId, t.status),
    firstOfMonth('dues_reductions_from_month_check', t.fromMonth),
    firstOfMonth('dues_reductions_to_month_check', t.toMonth),
    check('dues_reductions_range_check', sql`${t.toMonth} >= ${t.fromMonth}`),
    check('dues_reductions_kind_check', oneOf(t.kind, REDUCTION_KINDS)),
    check('dues_reductions_status_check', oneOf(t.status, REDUCTION_STATUSES)),
    check(
      'dues_reductions_amount_check',
      sql`(${t.kind} = 'reduce') = (${t.monthlyAmount} is not null) and coalesce(${t.monthlyAmount}, 0) >= 0`,
    ),
    check(
      'dues_reductions_decision_check',
      sql`(${t.status} in ('approved', 'rejected')) = (${t.decidedOn} is not null and ${t.decidedBy} is not null)`,
    ),
  ],
);

/**
 * 应缴: what each member owes for a month (docs/dues.md §8), derived from their base, category and standing and the
 * rules in force — never typed by hand — at the branch that holds their relation (on the month's first day by
 * default). Recomputed when a base, a category or a reduction changes; what was paid is in the ledger.
 */
export const duesCharges = pgTable(
  'dues_charges',
  {
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    month: date('month', { mode: 'string' }).notNull(),
    /** The 党支部 the member owes to that month. */
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    /** A closed vocabulary (MEMBER_CATEGORIES): the member's category that month. */
    category: text('category', { enum: MEMBER_CATEGORIES }).notNull(),
    /** The base and rate it was computed from (null for a flat amount). */
    base: integer('base'),
    rateBp: integer('rate_bp'),
    /** What the rules give, before any reduction, and what is owed (after an approved reduction), in 分. */
    fullAmount: integer('full_amount').notNull(),
    amount: integer('amount').notNull(),
    reductionId: integer('reduction_id').references(() => duesReductions.id),
    ruleVersion: text('rule_version').notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.memberId, t.month] }),
    index('dues_charges_org_month_idx').on(t.orgId, t.month),
    firstOfMonth('dues_charges_month_check', t.month),
    check('dues_charges_category_check', oneOf(t.category, MEMBER_CATEGORIES)),
    check('dues_charges_amounts_check', sql`${t.amount} >= 0 and ${t.amount} <= ${t.fullAmount}`),
  ],
);

/**
 * The dues ledger (docs/dues.md §9): append-only, enforced by the database like the audit log. A payment is one
 * entry per month it covers (a quarter paid at once: three entries sharing its `receipt`); a correction is a
 * reversal of one entry (its amount negated, with a reason) plus a new entry; a voluntary 特殊党费 has no month.
 */
export const duesLedger = pgTable(
  'dues_ledger',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    /** A closed vocabulary (LEDGER_ENTRY_KINDS), checked by the database. */
    kind: text('kind', { enum: LEDGER_ENTRY_KINDS }).notNull(),
    /** The dues month paid for (its first day); null for 特殊党费. */
    month: date('month', { mode: 'string' }),
    /** In 分: positive for a payment and 特殊党费, the reversed entry's amount negated for a reversal. */
    amount: integer('amount').notNull(),
    /** The day the money was received. */
    paidOn: date('paid_on', { mode: 'string' }).notNull(),
    /** A closed vocabulary (PAYMENT_METHODS), checked by the database. */
    method: text('method', { enum: PAYMENT_METHODS }),
    /** The payment provider's reference (method `external`) or the bank's. */
    externalRef: text('external_ref'),
    /** The org that collected it: the member's branch, or where a 流动党员 paid (docs/dues.md §4). */
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    /** Paid on the member's behalf (by a relative or another member, §4): by whom. */
    paidBy: text('paid_by'),
    /** A month paid ahead (按季度预交, §4) with the branch's consent: who gave it. */
    prepaymentConsentBy: text('prepayment_consent_by'),
    /** Entries of one payment share it. */
    receipt: text('receipt').notNull(),
    /** A reversal: the entry it reverses (at most once), and why. */
    reversesId: integer('reverses_id'),
    reason: text('reason'),
    /** 特殊党费 of at least the threshold (第十一条): goes wholly to the centre. */
    toCentre: boolean('to_centre').notNull().default(false),
    recordedBy: integer('recorded_by').references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('dues_ledger_member_month_idx').on(t.memberId, t.month),
    index('dues_ledger_org_month_idx').on(t.orgId, t.month),
    uniqueIndex('dues_ledger_reversed_once').on(t.reversesId),
    firstOfMonth('dues_ledger_month_check', t.month),
    check('dues_ledger_kind_check', oneOf(t.kind, LEDGER_ENTRY_KINDS)),
    check('dues_ledger_method_check', oneOf(t.method, PAYMENT_METHODS)),
    check(
      'dues_ledger_shape_check',
      sql`case ${t.kind}
            when 'payment' then ${t.month} is not null and ${t.amount} > 0 and ${t.reversesId} is null
            when 'special_dues' then ${t.month} is null and ${t.amount} > 0 and ${t.reversesId} is null
            when 'reversal' then ${t.reversesId} is not null and ${t.amount} < 0 and coalesce(${t.reason}, '') <> ''
          end`,
    ),
  ],
);
