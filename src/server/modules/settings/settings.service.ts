import type { z } from 'zod';
import {
  ImportLimitsSchema,
  OrgSettingsSchema,
  SecurityPolicySchema,
  type SettingGroup,
} from '../../../contracts/settings.ts';
import type { Actor, Permission } from '../../../domain/access/index.ts';
import { DEFAULT_SECURITY_POLICY, type SecurityPolicy } from '../../../domain/access/index.ts';
import { DEFAULT_TRANSFER_POLICY, type TransferPolicy } from '../../../domain/membership/index.ts';
import { DEFAULT_TERM_POLICY, type TermPolicy } from '../../../domain/org/index.ts';
import { DEFAULT_UPLOAD_LIMITS, type UploadLimits } from '../../../domain/shared/index.ts';
import { type AuditContext, recordAudit } from '../../audit/audit.ts';
import type { Db } from '../../db/client.ts';
import type { Deps } from '../../deps.ts';
import { requirePermission } from '../../http/access.ts';
import { invalidInput, staleVersion } from '../../http/errors.ts';
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
    defaults: { ...DEFAULT_TERM_POLICY, ...DEFAULT_TRANSFER_POLICY },
    permission: 'settings.system',
  },
  import: {
    schema: ImportLimitsSchema,
    defaults: DEFAULT_UPLOAD_LIMITS,
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

/** 导入限制 as the importer enforces them. */
export async function getUploadLimits(db: Db): Promise<UploadLimits> {
  return (await readGroup(db, 'import')).value as UploadLimits;
}

function requireOwner(actor: Actor, group: SettingGroup, today: string) {
  return requirePermission(actor, GROUPS[group].permission, today);
}

export async function viewSettings(deps: Deps, actor: Actor, group: SettingGroup) {
  requireOwner(actor, group, deps.clock.today());
  return readGroup(deps.db, group);
}

export async function changeSettings(
  deps: Deps,
  actor: Actor,
  ctx: AuditContext,
  group: SettingGroup,
  input: { value: Record<string, unknown>; version: number },
) {
  const role = requireOwner(actor, group, deps.clock.today());
  const def = GROUPS[group];
  return deps.db.transaction(async (tx) => {
    const current = await readGroup(tx, group);
    const parsed = def.schema.safeParse({ ...current.value, ...input.value });
    if (!parsed.success) {
      throw invalidInput(
        '参数不合法',
        parsed.error.issues.map((i) => ({ path: ['value', ...i.path.map(String)], message: i.message })),
      );
    }
    if (input.version !== current.version) throw staleVersion();
    const saved =
      current.version === 0
        ? (await insertSetting(tx, group, parsed.data, actor.userId)) && (await findSetting(tx, group))
        : await updateSetting(tx, group, parsed.data, current.version, actor.userId, ctx.at);
    if (!saved) throw staleVersion();
    await recordAudit(tx, ctx, {
      action: 'settings.update',
      entityType: 'settings',
      entityId: group,
      role,
      before: current.value,
      after: parsed.data,
    });
    return readGroup(tx, group);
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
