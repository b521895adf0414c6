import { found } from '../../access/index.ts';
import { recordAudit } from '../../audit/audit.ts';
import { type Ctx, inTransaction } from '../../context.ts';
import { AppError } from '../../errors.ts';
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

export async function myTokens(ctx: Ctx) {
  return (await listTokens(ctx.db, ctx.principal.user.id)).map(view);
}

/** Issues a personal API token. The secret is returned this once; only its hash is kept. */
export async function issueToken(ctx: Ctx, input: { name: string; expiresOn?: string | null }) {
  if (input.expiresOn && input.expiresOn < ctx.today) {
    throw new AppError('rule_violation', '到期日不能早于今天', { reason: 'expires_in_past' });
  }
  const token = randomSecret('jct');
  const { user } = ctx.principal;
  return inTransaction(ctx, async (tx) => {
    const row = await insertToken(tx.db, {
      userId: user.id,
      name: input.name,
      tokenHash: sha256(token),
      prefix: token.slice(0, 10),
      expiresOn: input.expiresOn ?? null,
      createdAt: tx.at,
    });
    await recordAudit(tx, {
      action: 'api_token.create',
      entityType: 'api_token',
      entityId: row.id,
      orgId: user.orgId,
      after: { name: row.name, prefix: row.prefix, expiresOn: row.expiresOn, tokenHash: row.tokenHash },
    });
    return { ...view(row), token };
  });
}

export async function revokeMyToken(ctx: Ctx, input: { id: number }) {
  const { id } = input;
  const { user } = ctx.principal;
  const row = found(await findToken(ctx.db, user.id, id), '令牌');
  if (row.revokedAt) return;
  await inTransaction(ctx, async (tx) => {
    await revokeToken(tx.db, id, tx.at);
    await recordAudit(tx, {
      action: 'api_token.revoke',
      entityType: 'api_token',
      entityId: id,
      orgId: user.orgId,
      before: { revokedAt: null },
      after: { revokedAt: ctx.at },
    });
  });
}
