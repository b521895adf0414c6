import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  customType,
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
import { IMPORT_BATCH_STATUSES, IMPORT_FORMATS, IMPORT_MODES } from '../../../contracts/member-import.ts';
import {
  ENTRY_KINDS,
  GENDERS,
  LEFT_REASONS,
  MEMBER_CATEGORIES,
  MEMBER_EVENT_KINDS,
  MEMBER_STATUSES,
} from '../../../domain/membership/index.ts';
import { oneOf } from './closed-vocabulary.ts';
import { orgs } from './orgs.ts';
import { users } from './users.ts';

/** Raw bytes (PostgreSQL `bytea`), read and written as a Buffer. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType() {
    return 'bytea';
  },
  fromDriver(value) {
    return Buffer.isBuffer(value) ? value : Buffer.from(value);
  },
});

export const gender = pgEnum('gender', GENDERS);

/**
 * A natural person (人员): identity only, shared by members, applicants and residents. The ID number is
 * stored encrypted (AES-256-GCM) and found through a keyed hash (HMAC-SHA256) that also keeps it unique.
 */
export const persons = pgTable(
  'persons',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    name: text('name').notNull(),
    /** Full pinyin without tones or spaces (张三丰 → zhangsanfeng), for search. */
    namePinyin: text('name_pinyin').notNull(),
    /** Pinyin initials (zsf), for search. */
    nameInitials: text('name_initials').notNull(),
    gender: gender('gender').notNull(),
    /** 民族 code (docs/official-forms.md §5.2), a string: `01` … `56`, `91`, `92`. */
    ethnicity: text('ethnicity'),
    birthDate: date('birth_date', { mode: 'string' }),
    idNumberEnc: text('id_number_enc'),
    idNumberHash: text('id_number_hash'),
    /** Recorded as a legacy 15-digit number (accepted with a warning). */
    idNumberLegacy: boolean('id_number_legacy').notNull().default(false),
    /** 学历 code, a string (`21`, `1A`). */
    education: text('education'),
    /** 工作岗位 code, a string (`0212`, `123`, `502`). */
    workPost: text('work_post'),
    phoneMobile: text('phone_mobile'),
    phoneLandline: text('phone_landline'),
    address: text('address'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('persons_id_number_hash_unique').on(t.idNumberHash),
    index('persons_name_prefix').on(t.name.op('text_pattern_ops')),
    index('persons_pinyin_prefix').on(t.namePinyin.op('text_pattern_ops')),
    index('persons_initials_prefix').on(t.nameInitials.op('text_pattern_ops')),
    index('persons_phone_mobile').on(t.phoneMobile),
    // Bringing age bands to today moves only the members born on a few dates.
    index('persons_birth_date').on(t.birthDate),
  ],
);

export const memberCategory = pgEnum('member_category', MEMBER_CATEGORIES);

/** Party standing of a person (党员): placed in exactly one branch or group. */
export const members = pgTable(
  'members',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    personId: integer('person_id')
      .notNull()
      .references(() => persons.id),
    /** A 党支部, or a 党小组 inside one. */
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    /** A closed vocabulary (MEMBER_STATUSES), checked by the database. */
    status: text('status', { enum: MEMBER_STATUSES }).notNull(),
    /** The T10 category of a 出党 (LEFT_REASONS, checked by the database); null for any other status. */
    leftReason: text('left_reason', { enum: LEFT_REASONS }),
    category: memberCategory('category').notNull(),
    /** 入党时间: the date of the 支部大会 resolution (党章第七条). */
    admittedOn: date('admitted_on', { mode: 'string' }).notNull(),
    /** 转正时间. */
    confirmedOn: date('confirmed_on', { mode: 'string' }),
    /** End of the 预备期: admission + 1 year, later if extended (docs/membership.md §3.2, §3.4). */
    probationEndsOn: date('probation_ends_on', { mode: 'string' }),
    /** 流动党员 and where to (外出流向). */
    isMobile: boolean('is_mobile').notNull().default(false),
    outflowDestination: text('outflow_destination'),
    /** 困难党员. */
    isHardship: boolean('is_hardship').notNull().default(false),
    /** The date contact was lost, for an `unreachable` member. */
    lostContactOn: date('lost_contact_on', { mode: 'string' }),
    /** Reference of the letter for a member transferred out of the deployment. */
    transferLetterNo: text('transfer_letter_no'),
    importBatchId: integer('import_batch_id'),
    /**
     * The day the member arrived in this deployment's records, and how (ENTRY_KINDS: 发展, 转入 from outside,
     * 恢复党籍, 重新入党, 建库): the 增减台账 counts the arrival on that day (docs/membership.md §8).
     */
    enteredOn: date('entered_on', { mode: 'string' }).notNull(),
    enteredBy: text('entered_by', { enum: ENTRY_KINDS }).notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('members_person_unique').on(t.personId),
    index('members_org_idx').on(t.orgId),
    index('members_import_batch_idx').on(t.importBatchId),
    check('members_status_check', oneOf(t.status, MEMBER_STATUSES)),
    check('members_left_reason_check', oneOf(t.leftReason, LEFT_REASONS)),
    check('members_entered_by_check', oneOf(t.enteredBy, ENTRY_KINDS)),
  ],
);

/**
 * Effective-dated history of a member (docs/design.md §1.4; docs/membership.md §4): admission and first registration, status,
 * category and org changes. The membership ledger (增减台账) of any org and period is derived from these.
 */
export const memberEvents = pgTable(
  'member_events',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    /** A closed vocabulary (MEMBER_EVENT_KINDS), checked by the database. */
    kind: text('kind', { enum: MEMBER_EVENT_KINDS }).notNull(),
    /** The org the member belonged to when it happened (for an org change: the org left). */
    orgId: integer('org_id').notNull(),
    /** For an org change, the org joined. */
    toOrgId: integer('to_org_id'),
    fromValue: text('from_value'),
    toValue: text('to_value'),
    /** When it happened: the date of the decision or the act (入党 and 转正 by the 支部大会's date). */
    effectiveOn: date('effective_on', { mode: 'string' }).notNull(),
    /**
     * The date the 增减台账 and the statistics count it on (docs/membership.md §8): the approval date of a
     * decision that needs one, the day of arrival in this deployment's records for a `registered` event, a day
     * of the current period for a correction to a closed one; otherwise `effective_on`.
     */
    countedOn: date('counted_on', { mode: 'string' }).notNull(),
    reason: text('reason'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    importBatchId: integer('import_batch_id'),
    actorId: integer('actor_id'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('member_events_member_idx').on(t.memberId, t.effectiveOn),
    index('member_events_org_idx').on(t.orgId, t.countedOn),
    index('member_events_to_org_idx').on(t.toOrgId, t.countedOn),
    check('member_events_kind_check', oneOf(t.kind, MEMBER_EVENT_KINDS)),
  ],
);

/** 导入批次: a committed import, which can be undone while its members have no later changes. */
export const importBatches = pgTable(
  'import_batches',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    /** The org under which the import was made (its scope). */
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    fileName: text('file_name').notNull(),
    /** Closed vocabularies (contracts/member-import.ts), checked by the database. */
    format: text('format', { enum: IMPORT_FORMATS }).notNull(),
    mode: text('mode', { enum: IMPORT_MODES }).notNull(),
    rowCount: integer('row_count').notNull(),
    importedCount: integer('imported_count').notNull(),
    errorCount: integer('error_count').notNull(),
    status: text('status', { enum: IMPORT_BATCH_STATUSES }).notNull().default('committed'),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    undoneBy: integer('undone_by').references(() => users.id),
    undoneAt: timestamp('undone_at', { withTimezone: true }),
  },
  (t) => [
    check('import_batches_format_check', oneOf(t.format, IMPORT_FORMATS)),
    check('import_batches_mode_check', oneOf(t.mode, IMPORT_MODES)),
    check('import_batches_status_check', oneOf(t.status, IMPORT_BATCH_STATUSES)),
  ],
);

export const TRANSFER_STATUSES = ['pending', 'received', 'rejected', 'cancelled', 'completed_out'] as const;

/**
 * 组织关系转接 (党员教育管理工作条例第二十五条): from the sending org to a receiving org inside the deployment,
 * or out of it. The sending org stays responsible until the receiver accepts.
 */
export const transfers = pgTable(
  'transfers',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    fromOrgId: integer('from_org_id')
      .notNull()
      .references(() => orgs.id),
    /** Null when the member leaves the deployment. */
    toOrgId: integer('to_org_id').references(() => orgs.id),
    /** The receiving organization's name outside the deployment. */
    externalOrgName: text('external_org_name'),
    status: text('status', { enum: TRANSFER_STATUSES }).notNull(),
    letterNo: text('letter_no').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    validUntil: date('valid_until', { mode: 'string' }).notNull(),
    reason: text('reason'),
    decidedOn: date('decided_on', { mode: 'string' }),
    rejectionReason: text('rejection_reason'),
    createdBy: integer('created_by').references(() => users.id),
    decidedBy: integer('decided_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('transfers_member_idx').on(t.memberId),
    index('transfers_from_idx').on(t.fromOrgId, t.status),
    index('transfers_to_idx').on(t.toOrgId, t.status),
  ],
);

/**
 * Files an import produces for the user to download later (the error workbook of a dry run): kept in the
 * database so that any server process can serve them, and removed after `expires_at`.
 */
export const importFiles = pgTable(
  'import_files',
  {
    id: text('id').primaryKey(),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    createdBy: integer('created_by').references(() => users.id),
    /** The batch a committed import's error workbook belongs to: undoing the batch removes it. */
    batchId: integer('batch_id').references(() => importBatches.id),
    fileName: text('file_name').notNull(),
    content: bytea('content').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('import_files_expires_idx').on(t.expiresAt)],
);
