import type { z } from 'zod';
import {
  ImportLimitsSchema,
  MemberAccountPolicySchema,
  OrgLifeSettingsSchema,
  OrgSettingsSchema,
  SecurityPolicySchema,
  type SettingGroup,
} from '../../../contracts/settings.ts';
import type { Permission } from '../../../domain/access/index.ts';
import {
  DEFAULT_MEMBER_ACCOUNT_POLICY,
  DEFAULT_SECURITY_POLICY,
  type MemberAccountPolicy,
  type SecurityPolicy,
} from '../../../domain/access/index.ts';
import {
  type ClosedPeriodPolicy,
  DEFAULT_LEDGER_POLICY,
  DEFAULT_TRANSFER_POLICY,
  type TransferPolicy,
} from '../../../domain/membership/index.ts';
import { DEFAULT_TERM_POLICY, type TermPolicy } from '../../../domain/org/index.ts';
import {
  type AppraisalTalkSettings,
  DEFAULT_APPRAISAL_TALK_SETTINGS,
  DEFAULT_ORG_LIFE_SETTINGS,
  type OrgLifeSettings,
} from '../../../domain/org-life/index.ts';
import { DEFAULT_UPLOAD_LIMITS, type UploadLimits } from '../../../domain/shared/index.ts';
import { type Acting, expectVersion, requirePermission } from '../../access/index.ts';
import { recordAudit } from '../../audit/audit.ts';
import { type Ctx, inTransaction } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { invalidInput, staleVersion } from '../../errors.ts';
import { findSetting, insertSetting, updateSetting } from './settings.repo.ts';

type GroupDefinition = {
  readonly schema: z.ZodType<Record<string, unknown>>;
  readonly defaults: Record<string, unknown>;
  readonly permission: Permission;
};

/** Each group of parameters has one owner (三员分立): security policy to the 安全管理员, the rest to the 系统管理员. */
const GROUPS: Record<SettingGroup, GroupDefinition> = {
  security: {
    schema: SecurityPolicySchema,
    defaults: DEFAULT_SECURITY_POLICY,
    permission: 'settings.security',
  },
  org: {
    schema: OrgSettingsSchema,
    defaults: { ...DEFAULT_TERM_POLICY, ...DEFAULT_TRANSFER_POLICY, ...DEFAULT_LEDGER_POLICY },
    permission: 'settings.system',
  },
  import: {
    schema: ImportLimitsSchema,
    defaults: DEFAULT_UPLOAD_LIMITS,
    permission: 'settings.system',
  },
  accounts: {
    schema: MemberAccountPolicySchema,
    defaults: DEFAULT_MEMBER_ACCOUNT_POLICY,
    permission: 'settings.system',
  },
  orgLife: {
    schema: OrgLifeSettingsSchema,
    defaults: { ...DEFAULT_ORG_LIFE_SETTINGS, ...DEFAULT_APPRAISAL_TALK_SETTINGS },
    permission: 'settings.system',
  },
};

async function readGroup(db: Db, group: SettingGroup) {
  const def = GROUPS[group];
  const row = await findSetting(db, group);
  // Stored values are merged over the defaults, so that a parameter added later has its default.
  const value = { ...def.defaults, ...(row?.value ?? {}) };
  return { group, value, version: row?.version ?? 0, updatedAt: row?.updatedAt.toISOString() ?? null };
}

export async function getSecurityPolicy(db: Db): Promise<SecurityPolicy> {
  return (await readGroup(db, 'security')).value as SecurityPolicy;
}

export async function getTermPolicy(db: Db): Promise<TermPolicy> {
  return (await readGroup(db, 'org')).value as TermPolicy;
}

export async function getTransferPolicy(db: Db): Promise<TransferPolicy> {
  const { transferValidityMonths } = (await readGroup(db, 'org')).value as TransferPolicy;
  return { transferValidityMonths };
}

/** What a change to a closed 增减台账 period does (docs/membership.md §8): refused, or booked as a correction. */
export async function getClosedPeriodPolicy(db: Db): Promise<ClosedPeriodPolicy> {
  return ((await readGroup(db, 'org')).value as { closedPeriodPolicy: ClosedPeriodPolicy })
    .closedPeriodPolicy;
}

/** 组织生活 parameters (exclusion reasons, 补课, check-in window, attachments) as the meetings module decides by. */
export async function getOrgLifeSettings(db: Db): Promise<OrgLifeSettings> {
  return (await readGroup(db, 'orgLife')).value as OrgLifeSettings;
}

/** 民主评议 and 谈心谈话 parameters (预备党员 graded, the 优秀 share, the talk pairings) as their modules decide by. */
export async function getAppraisalTalkSettings(db: Db): Promise<AppraisalTalkSettings> {
  const v = (await readGroup(db, 'orgLife')).value as unknown as AppraisalTalkSettings;
  return {
    appraisalGradeProbationary: v.appraisalGradeProbationary,
    appraisalExcellentDivisor: v.appraisalExcellentDivisor,
    talkPairings: v.talkPairings,
  };
}

/** 导入限制 as the importer enforces them. */
export async function getUploadLimits(db: Db): Promise<UploadLimits> {
  return (await readGroup(db, 'import')).value as UploadLimits;
}

/** 党员账号: the username rule and initial password length of the accounts opened for members. */
export async function getMemberAccountPolicy(db: Db): Promise<MemberAccountPolicy> {
  return (await readGroup(db, 'accounts')).value as MemberAccountPolicy;
}

function requireOwner(ctx: Acting, group: SettingGroup) {
  return requirePermission(ctx, GROUPS[group].permission);
}

export async function viewSettings(ctx: Ctx, input: { group: SettingGroup }) {
  requireOwner(ctx, input.group);
  return readGroup(ctx.db, input.group);
}

/** The group as it will be: the stored values with those sent over them, checked as a whole (400 otherwise). */
function parsedGroup(group: SettingGroup, value: Record<string, unknown>) {
  const parsed = GROUPS[group].schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw invalidInput(
    '参数不合法',
    parsed.error.issues.map((i) => ({ path: ['value', ...i.path.map(String)], message: i.message })),
  );
}

export async function changeSettings(
  ctx: Ctx,
  input: { group: SettingGroup; value: Record<string, unknown>; version: number },
) {
  const { group } = input;
  const role = requireOwner(ctx, group);
  return inTransaction(ctx, async (tx) => {
    const current = await readGroup(tx.db, group);
    const value = parsedGroup(group, { ...current.value, ...input.value });
    expectVersion(current, input.version);
    const by = tx.actor.userId;
    if (current.version === 0) {
      // Never saved: the first save inserts, and a concurrent first save finds the row there (409).
      if (!(await insertSetting(tx.db, group, value, by))) throw staleVersion();
    } else {
      await updateSetting(tx.db, group, value, current.version, by, tx.at);
    }
    await recordAudit(tx, {
      action: 'settings.update',
      entityType: 'settings',
      entityId: group,
      role,
      before: current.value,
      after: value,
    });
    return readGroup(tx.db, group);
  });
}

const ID_KEY_SETTING = 'id_key';

/**
 * The data remembers which key encrypted its ID numbers (a fingerprint, never the key). Starting with a
 * different key, after a lost key file or a mistyped JICENG_SECRET_KEY, would make every ID number
 * unreadable and new ones unmatchable with old ones: refuse to start instead, and say why.
 */
export async function ensureIdKeyFingerprint(db: Db, fingerprint: string): Promise<void> {
  const stored = await findSetting(db, ID_KEY_SETTING);
  if (!stored) {
    await insertSetting(db, ID_KEY_SETTING, { fingerprint }, null);
    return;
  }
  if (stored.value.fingerprint !== fingerprint) {
    throw new Error(
      '身份证号加密密钥与数据库中的数据不匹配：请使用原来的 secret.key 或 JICENG_SECRET_KEY。' +
        ' / The ID-number key does not match the data: restore the original secret.key or JICENG_SECRET_KEY.',
    );
  }
}
