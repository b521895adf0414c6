import type { FastifyBaseLogger } from 'fastify';
import type { Actor } from '../domain/access/index.ts';
import type { IsoDate } from '../domain/shared/index.ts';
import type { Principal } from './access/principal.ts';
import type { AuditContext } from './audit/audit.ts';
import { transactionAuditingRefusals } from './audit/audited-refusal.ts';
import { type Clock, isoDateIn } from './clock.ts';
import type { Db } from './db/client.ts';
import { transactionWithRetry } from './db/retry.ts';
import type { IdCipher } from './security/crypto.ts';
import { settleFindings } from './todos/keep.ts';
import type { TodoRegistry } from './todos/registry.ts';

/**
 * The context of one unit of work — a request, or a job (start-up data, the recovery command, a backup's audit
 * row, a benchmark) — built once at its start and handed to every service as its first argument. The clock is
 * read once: `at` and `today` are the same instant, so that one request never straddles midnight.
 */
export type Moment = {
  /** The instant of the work: what it stamps (createdAt, updatedAt, the audit row). */
  readonly at: Date;
  /** The calendar day of `at` in the deployment's time zone: what the rules decide by. */
  readonly today: IsoDate;
};

/** Every unit of work: its moment, the database it works in (a transaction inside inTransaction), who for the audit. */
export type WorkCtx = Moment & {
  readonly db: Db;
  /** Who, from where and when, for the audit rows it writes (audit/audit.ts). */
  readonly audit: AuditContext;
  /**
   * The app's to-do producers (app.ts for a request, main.ts or the script for a job): inTransaction keeps their
   * findings table with them. A context without it leaves its marks to the next read (todos/keep.ts).
   */
  readonly todos?: TodoRegistry | undefined;
};

/** What a request's services need besides the database: the ID cipher, the logger, the to-do producers. */
export type RequestServices = {
  readonly idCipher: IdCipher;
  readonly log: FastifyBaseLogger;
  readonly todos?: TodoRegistry | undefined;
};

/** A request without an actor (login, health, and the authentication itself): a service needing one cannot take it. */
export type AnonCtx = WorkCtx & RequestServices;

/** A request by an authenticated principal: its actor (the roles the rules read) and its account and session. */
export type Ctx = AnonCtx & {
  readonly actor: Actor;
  readonly principal: Principal;
};

/** Reads the clock once: the instant, and its calendar day in the clock's time zone. */
export function readClock(clock: Clock): Moment {
  const at = clock.now();
  return { at, today: isoDateIn(at, clock.timeZone) };
}

/** Where a request comes from, as the audit log records it. */
export type Caller = { readonly ip: string | null; readonly userAgent: string | null };

/** The audit context of a moment: the principal's account when there is one (also on public routes). */
function auditOf(moment: Moment, caller: Caller, principal: Principal | null): AuditContext {
  return {
    actorId: principal?.user.id ?? null,
    actorUsername: principal?.user.username ?? null,
    ip: caller.ip,
    userAgent: caller.userAgent,
    at: moment.at,
  };
}

/** The context of a request before (or without) an actor. */
export function anonCtx(
  services: RequestServices & { readonly db: Db },
  moment: Moment,
  caller: Caller,
  principal: Principal | null = null,
): AnonCtx {
  return {
    ...moment,
    db: services.db,
    idCipher: services.idCipher,
    log: services.log,
    todos: services.todos,
    audit: auditOf(moment, caller, principal),
  };
}

/** The context of a request by `principal`, at the moment of `anon`. */
export function actorCtx(anon: AnonCtx, principal: Principal): Ctx {
  const caller = { ip: anon.audit.ip, userAgent: anon.audit.userAgent };
  return { ...anon, audit: auditOf(anon, caller, principal), actor: principal.actor, principal };
}

/**
 * The context of a job run by the server or an operator, not a signed-in user: the audit rows it writes name
 * `actorUsername` (`system`, `命令行`) and no account. With the app's to-do producers (`todoRegistryOf(MODULES)`,
 * as main.ts wires them) its transactions settle the findings their writes change, as a request's do; `undefined`
 * only for a job that writes none of the findings' inputs or runs before there is a table to keep.
 */
export function jobCtx(
  db: Db,
  moment: Moment,
  actorUsername: string,
  todos: TodoRegistry | undefined,
): WorkCtx {
  return { ...moment, db, todos, audit: jobAudit(moment.at, actorUsername) };
}

/** The audit context of a job at `at`: for a job that writes nothing but its audit row (a backup, a restore). */
export function jobAudit(at: Date, actorUsername: string): AuditContext {
  return { actorId: null, actorUsername, ip: null, userAgent: null, at };
}

export type TransactionOptions = {
  /** Run the work again when PostgreSQL chose it as a deadlock victim (db/retry.ts). */
  readonly retryDeadlocks?: boolean;
  /** Keep the audit row of an AuditedRefusal, written after the rollback (audit/audited-refusal.ts). */
  readonly auditRefusals?: boolean;
};

/** Marks the context of a transaction, so that one nested in it leaves the findings to the outermost. */
const IN_TRANSACTION = Symbol('in transaction');

/**
 * Runs `work` in one transaction with the same context, its `db` the transaction: repos then take `ctx.db`, never
 * a separate transaction argument, and everything `work` writes lands together or not at all. At its end, still
 * in the transaction, the findings its writes changed are recomputed (todos/keep.ts, settleFindings).
 */
export async function inTransaction<C extends WorkCtx, T>(
  ctx: C,
  work: (tx: C) => Promise<T>,
  options: TransactionOptions = {},
): Promise<T> {
  const outermost = !(IN_TRANSACTION in ctx);
  const body = async (db: Db) => {
    const tx = { ...ctx, db, [IN_TRANSACTION]: true };
    const result = await work(tx);
    if (outermost && ctx.todos) await settleFindings(tx, ctx.todos);
    return result;
  };
  if (options.retryDeadlocks) return transactionWithRetry(ctx.db, body);
  if (options.auditRefusals) return transactionAuditingRefusals(ctx, body);
  return ctx.db.transaction(body);
}
