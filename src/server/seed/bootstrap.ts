import { count, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../audit/audit.ts';
import { inTransaction, type WorkCtx } from '../context.ts';
import { nextOrgId } from '../db/client.ts';
import { orgs } from '../db/tables/orgs.ts';
import { roleAssignments, users } from '../db/tables/users.ts';
import { hashPassword } from '../security/passwords.ts';
import { generatePassword } from '../security/tokens.ts';

export const ADMIN_USERNAME = 'admin';

/** The root org of an empty deployment: a 地方党委 that the administrator then builds the tree under. */
export async function ensureRootOrg(
  ctx: Pick<WorkCtx, 'db' | 'today'>,
  name: string,
): Promise<{ id: number; created: boolean }> {
  const { db, today } = ctx;
  const [root] = await db
    .select({ id: orgs.id })
    .from(orgs)
    .where(isNull(orgs.parentId))
    .orderBy(orgs.id)
    .limit(1);
  if (root) return { id: root.id, created: false };
  const id = await nextOrgId(db);
  await db.insert(orgs).values({
    id,
    parentId: null,
    path: String(id),
    name,
    kind: 'local_committee',
    sector: 'government',
    establishedOn: today,
  });
  return { id, created: true };
}

/**
 * The first start creates `admin`, a 系统管理员 at the root. Its password comes from JICENG_ADMIN_PASSWORD,
 * or is generated, returned once for the console, and must be changed at first login. Audited as the start-up
 * job's (`ctx`, whose actor is `system`).
 */
export async function ensureAdmin(
  ctx: WorkCtx,
  rootOrgId: number,
  configured: string | undefined,
): Promise<{ created: boolean; generatedPassword?: string }> {
  const [{ n } = { n: 0 }] = await ctx.db
    .select({ n: count() })
    .from(users)
    .where(eq(users.username, ADMIN_USERNAME));
  if (n > 0) return { created: false };
  const generated = configured ? undefined : generatePassword();
  const passwordHash = await hashPassword(configured ?? (generated as string));
  await inTransaction(ctx, async (tx) => {
    const [admin] = await tx.db
      .insert(users)
      .values({
        username: ADMIN_USERNAME,
        name: '系统管理员',
        orgId: rootOrgId,
        passwordHash,
        mustChangePassword: generated !== undefined,
      })
      .returning();
    const id = (admin as { id: number }).id;
    await tx.db.insert(roleAssignments).values({ userId: id, role: 'system_admin', orgId: rootOrgId });
    await recordAudit(tx, {
      action: 'user.bootstrap',
      entityType: 'user',
      entityId: id,
      orgId: rootOrgId,
      after: {
        username: ADMIN_USERNAME,
        role: 'system_admin',
        passwordHash,
        mustChangePassword: generated !== undefined,
      },
    });
  });
  return generated ? { created: true, generatedPassword: generated } : { created: true };
}
