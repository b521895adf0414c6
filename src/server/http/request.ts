import type { FastifyRequest } from 'fastify';
import type { AuditContext } from '../audit/audit.ts';
import type { Clock } from '../clock.ts';
import { unauthenticated } from './errors.ts';
import type { Principal } from './principal.ts';

/** The authenticated principal; the authentication hook has already answered 401 on closed routes. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw unauthenticated();
  return request.principal;
}

/** Who, from where and when, for the audit log. */
export function auditContextOf(request: FastifyRequest, clock: Clock): AuditContext {
  const p = request.principal;
  return {
    actorId: p?.user.id ?? null,
    actorUsername: p?.user.username ?? null,
    ip: request.ip ?? null,
    userAgent: request.headers['user-agent']?.slice(0, 500) ?? null,
    at: clock.now(),
  };
}
