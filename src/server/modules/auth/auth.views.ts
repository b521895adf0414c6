import type { FastifyReply } from 'fastify';
import { isCurrent, permissionsOf } from '../../../domain/access/index.ts';
import type { Principal } from '../../access/principal.ts';
import type { Deps } from '../../deps.ts';
import { SESSION_COOKIE } from '../../http/authenticate.ts';

export function meView(p: Principal, today: string) {
  const permissions = new Set(
    p.actor.assignments.filter((a) => isCurrent(a, today)).flatMap((a) => permissionsOf(a.role)),
  );
  const { personId: _personId, ...user } = p.user;
  return {
    ...user,
    assignments: [...p.assignments],
    permissions: [...permissions].sort(),
    via: p.via,
    pendingStep: p.pendingStep,
    secondFactor: { ...p.secondFactor },
  };
}

/** Open while any step is pending: who am I, and leaving. */
export const ANY_PENDING = {
  allowPendingPasswordChange: true,
  allowPendingSecondFactor: true,
  allowPendingEnrolment: true,
} as const;

/** The session cookie: HttpOnly, SameSite=Strict, Secure behind HTTPS. */
export function setSessionCookie(reply: FastifyReply, token: string, deps: Deps): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: deps.secureCookie,
  });
}
