import { BRANCH_KINDS } from '../domain/org/index.ts';
import { IdSchema, IsoDateSchema, optionalText, PageQuery, pageOf, text, VersionSchema } from './common.ts';
import { z } from './zod-zh.ts';

export const TRANSFER_STATUSES = ['pending', 'received', 'rejected', 'cancelled', 'completed_out'] as const;
export const TransferStatusSchema = z.enum(TRANSFER_STATUSES);

export const CreateTransferBody = z
  .object({
    memberId: IdSchema,
    /** A branch or group inside the deployment… */
    toOrgId: IdSchema.optional(),
    /** …or the receiving organization's full name outside it. */
    externalOrgName: optionalText(200),
    letterNo: text(100),
    issuedOn: IsoDateSchema,
    /** Defaults to issuedOn plus the configured validity (3 months). */
    validUntil: IsoDateSchema.optional(),
    reason: optionalText(500),
  })
  .refine((b) => (b.toOrgId === undefined) !== (b.externalOrgName === null), {
    message: '请选择接收党组织，或填写系统外接收党组织名称（二者选一）',
    path: ['toOrgId'],
  });

export const TransferView = z.object({
  id: z.number().int(),
  memberId: z.number().int(),
  memberName: z.string(),
  fromOrgId: z.number().int(),
  fromOrgName: z.string(),
  toOrgId: z.number().int().nullable(),
  toOrgName: z.string().nullable(),
  externalOrgName: z.string().nullable(),
  status: TransferStatusSchema,
  letterNo: z.string(),
  issuedOn: IsoDateSchema,
  validUntil: IsoDateSchema,
  /** Pending past its validity. */
  overdue: z.boolean(),
  reason: z.string().nullable(),
  decidedOn: IsoDateSchema.nullable(),
  rejectionReason: z.string().nullable(),
  version: z.number().int(),
  can: z.object({ receive: z.boolean(), reject: z.boolean(), cancel: z.boolean() }),
});
export type TransferView = z.infer<typeof TransferView>;
export const TransferPage = pageOf(TransferView);

export const TransferListQuery = PageQuery.extend({
  /** Transfers leaving or arriving in this subtree; the whole scope by default. */
  orgId: IdSchema.optional(),
  /** One member's transfers (still only those either side of which lies in the scope). */
  memberId: IdSchema.optional(),
  direction: z.enum(['outgoing', 'incoming', 'both']).default('both'),
  status: TransferStatusSchema.optional(),
  overdue: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true')),
});

export const ReceiveTransferBody = z.object({ version: VersionSchema, receivedOn: IsoDateSchema });
export const RejectTransferBody = z.object({ version: VersionSchema, reason: text(500) });
export const CancelTransferBody = z.object({ version: VersionSchema });

/**
 * Receiving orgs to choose from when issuing a letter: branches and groups anywhere in the deployment (a transfer
 * may go beyond the sender's scope, 条例第二十五条), found by name or exact code. Names only, nothing personal.
 */
export const ReceivingOrgQuery = z.object({
  q: z.string().trim().min(1, '请输入组织名称或代码').max(50),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

export const ReceivingOrgView = z.object({
  id: z.number().int(),
  name: z.string(),
  /** A 党支部 of any kind (联合, 临时, 流动党员党支部 too) or a 党小组: where members are placed. */
  kind: z.enum([...BRANCH_KINDS, 'group']),
  code: z.string().nullable(),
  /** The parent's name, to tell apart branches of the same name. */
  parentName: z.string().nullable(),
});

/** The configured validity of an introduction letter, readable by whoever issues one. */
export const TransferPolicyView = z.object({ transferValidityMonths: z.number().int() });

/**
 * What the printed 组织关系介绍信 needs (docs/official-forms.md §11): its three parts (存根, 介绍信, 回执) carry the
 * same particulars. Names, not codes; the ID number whole only for an actor with `member.reveal` (docs/security.md
 * §3), masked otherwise (`idNumberWhole` says which). Handing it out is audited (`transfer.print`).
 */
export const TransferLetterView = z.object({
  id: z.number().int(),
  letterNo: z.string(),
  status: TransferStatusSchema,
  issuedOn: IsoDateSchema,
  validUntil: IsoDateSchema,
  /** 有效期 N 天. */
  validityDays: z.number().int(),
  member: z.object({
    name: z.string(),
    gender: z.enum(['male', 'female']),
    /** 周岁 on the issue date; null without a birth date. */
    age: z.number().int().nullable(),
    /** 民族 by name (汉族), null when not recorded. */
    ethnicity: z.string().nullable(),
    /** 正式党员 / 预备党员 on the issue date. */
    standing: z.enum(['full', 'probationary']),
    idNumber: z.string().nullable(),
    idNumberWhole: z.boolean(),
  }),
  /** The sending org (the issuer), by its full name. */
  fromOrgName: z.string(),
  /** The receiving org: a branch or group of the deployment, or the name typed for one outside it. */
  toOrgName: z.string(),
  /** The date it was received in Jiceng (for the 回执), null until then. */
  receivedOn: IsoDateSchema.nullable(),
});
export type TransferLetterView = z.infer<typeof TransferLetterView>;
