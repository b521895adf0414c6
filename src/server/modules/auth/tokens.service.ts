import type { AuditContext } from '../../audit/audit.ts';
import { recordAudit } from '../../audit/audit.ts';
import type { Deps } from '../../deps.ts';
import { AppError, notFound } from '../../http/errors.ts';
import type { Principal } from '../../http/principal.ts';
import { randomSecret, sha256 } from '../../security/tokens.ts';
import { findToken, insertToken, listTokens, revokeToken, type TokenRow } from './auth.repo.ts';

function view(row: TokenRow) {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    expiresOn: row.expiresOn,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

export async function myTokens(deps: Deps, principal: Principal) {
  return (await listTokens(deps.db, principal.user.id)).map(view);
}

/** Issues a personal API token. The secret is returned this once; only its hash is kept. */
export async function issueToken(
  deps: Deps,
  ctx: AuditContext,
  principal: Principal,
  input: { name: string; expiresOn?: string | null },
) {
  if (input.expiresOn && input.expiresOn < deps.clock.today()) {
    throw new AppError('rule_violation', '到期日不能早于今天', { reason: 'expires_in_past' });
  }
  const token = randomSecret('jct');
  return deps.db.transaction(async (tx) => {
    const row = await insertToken(tx, {
      userId: principal.user.id,
      name: input.name,
      tokenHash: sha256(token),
      prefix: token.slice(0, 10),
      expiresOn: input.expiresOn ?? null,
      createdAt: ctx.at,
    });
    await recordAudit(tx, ctx, {
      action: 'api_token.create',
      entityType: 'api_token',
      entityId: row.id,
      orgId: principal.user.orgId,
      after: { name: row.name, prefix: row.prefix, expiresOn: row.expiresOn, tokenHash: row.tokenHash },
    });
    return { ...view(row), token };
  });
}

export async function revokeMyToken(deps: Deps, ctx: AuditContext, principal: Principal, id: number) {
  const row = await findToken(deps.db, principal.user.id, id);
  if (!row) throw notFound('令牌');
  if (row.revokedAt) return;
  await deps.db.transaction(async (tx) => {
    await revokeToken(tx, id, ctx.at);
    await recordAudit(tx, ctx, {
      action: 'api_token.revoke',
      entityType: 'api_token',
      entityId: id,
      orgId: principal.user.orgId,
      before: { revokedAt: null },
      after: { revokedAt: ctx.at },
    });
  });
}
