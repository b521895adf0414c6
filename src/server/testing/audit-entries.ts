import type { AuditAction } from '../../contracts/audit.ts';
import type { Db } from '../db/client.ts';
import { auditLog } from '../db/tables/audit.ts';
import type { Tree } from './fixtures.ts';

/**
 * Audit rows around the edges of Beijing calendar days (test-only), besides the logins the tests make on
 * 2026-06-15. Beijing is UTC+8: 2026-06-01T16:00Z is 2026-06-02 00:00 in Beijing.
 */
export async function seedAuditEntries(db: Db, tree: Tree) {
  const row = (
    at: string,
    actorUsername: string | null,
    action: AuditAction,
    orgId: number | null,
    extra: Partial<typeof auditLog.$inferInsert> = {},
  ) => ({
    at: new Date(at),
    actorUsername,
    action,
    entityType: 'org' as const,
    entityId: orgId === null ? null : String(orgId),
    orgId,
    role: 'org_admin',
    diff: { before: { name: '旧名' }, after: { name: '新名' } },
    ip: '10.0.0.1',
    userAgent: 'vitest',
    ...extra,
  });
  await db.insert(auditLog).values([
    // 2026-06-01 23:59:59 Beijing
    row('2026-06-01T15:59:59Z', 'bob', 'org.update', tree.branchB1.id),
    // 2026-06-02 00:00:00 Beijing
    row('2026-06-01T16:00:00Z', 'alice', 'org.update', tree.communityA1.id),
    // 2026-06-02 23:59:59.999 Beijing
    row('2026-06-02T15:59:59.999Z', 'alice', 'user.create', tree.districtA.id, {
      entityType: 'user',
      entityId: '42',
      diff: { after: { username: 'x', passwordHash: '[已隐藏]' } },
    }),
    // 2026-06-03 00:00:00 Beijing, about no org (an unknown username failed to log in)
    row('2026-06-02T16:00:00Z', null, 'auth.login_failed', null, {
      entityType: 'user',
      role: null,
      diff: { note: { username: 'ghost', reason: 'unknown_user' } },
    }),
  ]);
}

/** Many rows in the same instant, so that an export has to page through ties. */
export async function seedManyEntries(db: Db, orgId: number, count: number, at: Date): Promise<void> {
  const rows = Array.from({ length: count }, (_, i) => ({
    at,
    actorUsername: 'bulk',
    action: 'org.update' as const,
    entityType: 'org' as const,
    entityId: String(i),
    orgId,
    diff: { after: { i } },
  }));
  await db.insert(auditLog).values(rows);
}
