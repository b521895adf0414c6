import {
  AGE_BANDS,
  ENTRY_KINDS,
  GENDERS,
  LEAVING_CATEGORIES,
  LEFT_REASONS,
  MEMBER_CATEGORIES,
  MEMBER_EVENT_KINDS,
  MEMBER_STATUSES,
  type MemberEventKind,
  REQUIRED_FIELD_MESSAGES,
  STATUS_CHANGE_KINDS,
} from '../domain/membership/index.ts';
import {
  IdSchema,
  IsoDateSchema,
  optionalText,
  PageQuery,
  pageOf,
  patchText,
  text,
  VersionSchema,
} from './common.ts';
import { ApprovalInput, MemberDecisionView } from './member-decisions.ts';
import { z } from './zod-zh.ts';

export const MemberStatusSchema = z.enum(MEMBER_STATUSES);
export const MemberCategorySchema = z.enum(MEMBER_CATEGORIES);
export const GenderSchema = z.enum(GENDERS);
export const LeftReasonSchema = z.enum(LEFT_REASONS);
/** The T10 category of a new 出党 (docs/membership.md §5). */
export const LeavingCategorySchema = z.enum(LEAVING_CATEGORIES);

/** A boolean flag in a query string: `true`/`1` or `false`/`0`; absent means "either". */
const QueryFlag = z
  .enum(['true', 'false', '1', '0'])
  .optional()
  .transform((v) => (v === undefined ? undefined : v === 'true' || v === '1'));

/** Comma-separated values in a query string: `status=full,probationary`. */
function listOf<T extends [string, ...string[]]>(values: T) {
  return z
    .string()
    .optional()
    .transform((s) =>
      s
        ? s
            .split(',')
            .map((v) => v.trim())
            .filter(Boolean)
        : undefined,
    )
    .pipe(z.array(z.enum(values)).optional());
}

export const MEMBER_SORTS = ['name', 'admittedOn', '-admittedOn', 'birthDate', '-birthDate', 'org'] as const;

export const MemberListQuery = PageQuery.extend({
  /** Members of this org's subtree (must be in scope); the whole scope by default. */
  orgId: IdSchema.optional(),
  status: listOf([...MEMBER_STATUSES]),
  category: listOf([...MEMBER_CATEGORIES]),
  gender: GenderSchema.optional(),
  /** Official age bands (≤30, 31–35 … ≥61) as of today. */
  ageBand: z.enum(AGE_BANDS).optional(),
  /** A 学历 code, or a statistics band such as `college_or_above`. */
  education: z.string().trim().max(32).optional(),
  admittedFrom: IsoDateSchema.optional(),
  admittedTo: IsoDateSchema.optional(),
  mobile: QueryFlag,
  hardship: QueryFlag,
  /** Name prefix, full pinyin prefix, pinyin initials prefix, an exact ID number or an exact mobile number. */
  q: z.string().trim().max(64).optional(),
  sort: z.enum(MEMBER_SORTS).default('name'),
});

export const MemberListItem = z.object({
  id: z.number().int(),
  personId: z.number().int(),
  name: z.string(),
  gender: GenderSchema,
  ethnicity: z.string().nullable(),
  birthDate: IsoDateSchema.nullable(),
  /** Masked unless revealed: 110105********002X. */
  idNumber: z.string().nullable(),
  /** Masked: 138****1234. */
  phoneMobile: z.string().nullable(),
  education: z.string().nullable(),
  workPost: z.string().nullable(),
  orgId: z.number().int(),
  orgName: z.string(),
  status: MemberStatusSchema,
  category: MemberCategorySchema,
  admittedOn: IsoDateSchema,
  confirmedOn: IsoDateSchema.nullable(),
  isMobile: z.boolean(),
  isHardship: z.boolean(),
  version: z.number().int(),
});
export type MemberListItem = z.infer<typeof MemberListItem>;
export const MemberPage = pageOf(MemberListItem);

/** The kind of a history row (member_events.kind, closed by the database), and its Chinese name. */
export const MemberEventKindSchema = z.enum(MEMBER_EVENT_KINDS);
export const MEMBER_EVENT_KIND_LABELS: Record<MemberEventKind, string> = {
  registered: '登记入册',
  confirmed: '转正',
  probation_extended: '延长预备期',
  suspended: '停止党籍',
  restored: '恢复党籍',
  marked_unreachable: '标记失联',
  marked_reachable: '恢复联系',
  left: '出党',
  died: '去世',
  category_changed: '变更人员类别',
  org_changed: '组织关系转接',
  transferred_out: '转出本系统',
};

export const MemberEventView = z.object({
  id: z.number().int(),
  kind: MemberEventKindSchema,
  orgId: z.number().int(),
  orgName: z.string().nullable(),
  toOrgId: z.number().int().nullable(),
  toOrgName: z.string().nullable(),
  fromValue: z.string().nullable(),
  toValue: z.string().nullable(),
  effectiveOn: IsoDateSchema,
  /** The date the 增减台账 counts it on: the approval's for an approved decision (docs/membership.md §12). */
  countedOn: IsoDateSchema,
  /** The approval of the level above, for a decision that needed one (批准机关, 批准日期, 批复文号). */
  approval: z
    .object({ approvingOrgName: z.string(), approvedOn: IsoDateSchema, documentNo: z.string() })
    .nullable(),
  reason: z.string().nullable(),
  recordedAt: z.string(),
});

export const MemberDetail = MemberListItem.extend({
  phoneLandline: z.string().nullable(),
  address: z.string().nullable(),
  leftReason: LeftReasonSchema.nullable(),
  probationEndsOn: IsoDateSchema.nullable(),
  outflowDestination: z.string().nullable(),
  lostContactOn: IsoDateSchema.nullable(),
  transferLetterNo: z.string().nullable(),
  /** True when idNumber / phones are shown whole (own record, or revealed and audited). */
  revealed: z.boolean(),
  events: z.array(MemberEventView),
  /** 支部大会 decisions waiting for the approval of the level above (docs/membership.md §12). */
  decisions: z.array(MemberDecisionView),
  /** Warnings the rules raised but did not block on (a legacy 15-digit ID number). */
  warnings: z.array(z.object({ reason: z.string(), message: z.string() })),
  can: z.object({ edit: z.boolean(), reveal: z.boolean(), changeStatus: z.boolean(), transfer: z.boolean() }),
});
export type MemberDetail = z.infer<typeof MemberDetail>;

export const MemberDetailQuery = z.object({
  /** `idNumber` (org_admin only; audited). */
  reveal: z.enum(['idNumber']).optional(),
});

export const PersonInput = z.object({
  name: text(50),
  /** Derived from the ID number when one is given; a contradicting value is refused. */
  gender: GenderSchema.optional(),
  birthDate: IsoDateSchema.optional(),
  idNumber: optionalText(32),
  ethnicity: optionalText(8),
  education: optionalText(8),
  workPost: optionalText(8),
  phoneMobile: optionalText(20),
  phoneLandline: optionalText(20),
  address: optionalText(200),
});

/** A code the record must have: given, within the field's length (the code itself is checked by the rules). */
const requiredCode = (message: string) => z.string().trim().min(1, message).max(8, '不能超过8个字符');

/**
 * The person of a new member: 民族, 学历 and 工作岗位 required, the one set the form and the import share
 * (STANDING_REQUIRED_FIELDS; a new member is 预备 or 正式).
 */
export const NewMemberPersonInput = PersonInput.extend({
  ethnicity: requiredCode(REQUIRED_FIELD_MESSAGES.ethnicity),
  education: requiredCode(REQUIRED_FIELD_MESSAGES.education),
  workPost: requiredCode(REQUIRED_FIELD_MESSAGES.workPost),
});

export const CreateMemberBody = z.object({
  person: NewMemberPersonInput,
  orgId: IdSchema,
  status: z.enum(['probationary', 'full']),
  category: MemberCategorySchema,
  admittedOn: IsoDateSchema,
  confirmedOn: IsoDateSchema.nullish(),
  /**
   * A documented extension of the 预备期: its new end, 6–12 months after the first year (docs/membership.md
   * §3.4). A 正式党员 whose 预备期 was extended is confirmed on that day.
   */
  probationEndsOn: IsoDateSchema.nullish(),
  isMobile: z.boolean().default(false),
  outflowDestination: optionalText(200),
  isHardship: z.boolean().default(false),
  /**
   * The 基层党委's approval of the admission (发展党员工作细则第二十八条): the ledger counts the new member on its
   * date; 入党时间 stays the 支部大会's (docs/membership.md §12). Recorded by the level above the branch only.
   */
  approval: ApprovalInput.optional(),
  /**
   * How the member came into this deployment's records and when (docs/membership.md §8): the 增减台账 counts the
   * arrival on that day in its line. Without it: a 发展 on the 入党时间 (or the approval's date).
   */
  entry: z
    .object({
      by: z.enum(ENTRY_KINDS).meta({ description: '进入方式' }),
      on: IsoDateSchema.nullish().meta({ description: '进入本系统的日期' }),
    })
    .optional(),
});

/** How a member came into the records (members.entered_by), as the form and the member page name it. */
export const ENTRY_KIND_LABELS: Record<(typeof ENTRY_KINDS)[number], string> = {
  admitted: '发展党员',
  transferred_in: '从系统外转入',
  restored: '恢复党籍',
  readmitted: '重新入党',
  initial_load: '建库（录入已有党员）',
};

export const UpdateMemberBody = z.object({
  version: VersionSchema,
  person: PersonInput.partial().optional(),
  category: MemberCategorySchema.optional(),
  isMobile: z.boolean().optional(),
  outflowDestination: optionalText(200).optional(),
  isHardship: z.boolean().optional(),
});

/** Status changes, each decided by the rules (docs/membership.md §4). */
export const StatusChangeKindSchema = z.enum(STATUS_CHANGE_KINDS);

export const MemberEventBody = z.object({
  version: VersionSchema,
  kind: StatusChangeKindSchema,
  effectiveOn: IsoDateSchema,
  reason: optionalText(500),
  /** For `leave`: the T10 category (docs/membership.md §5). */
  leftReason: LeavingCategorySchema.optional(),
  /**
   * For `leave`: the org above that filed (退党), approved (劝退, 除名, 不予承认, 取消预备党员资格) or decided it
   * (开除党籍), its document number (not needed for a filing) and its date.
   */
  approvalOrgName: optionalText(100),
  approvalDocumentNo: optionalText(100),
  approvalOn: IsoDateSchema.optional(),
  /** For `leave` as 自行脱党除名: 经多方查找确实无法取得联系. */
  unreachable: z.boolean().optional(),
  /** For `extend_probation`: the new end of the 预备期. */
  probationEndsOn: IsoDateSchema.optional(),
  /** For `mark_unreachable`: when contact was lost (defaults to effectiveOn). */
  lostContactOn: IsoDateSchema.optional(),
});

/** What a member may change on their own record (self-service). */
/** The member's own phones and address: only the fields sent change; an empty one clears it. */
export const UpdateOwnContactBody = z.object({
  version: VersionSchema,
  phoneMobile: patchText(20),
  phoneLandline: patchText(20),
  address: patchText(200),
});
