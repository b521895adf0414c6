import type { Actor, PendingStep } from '../../domain/access/index.ts';
import type { AnonCtx } from '../context.ts';

/** The authenticated user of a request, with the role assignments the rules need. */
export type Principal = {
  readonly actor: Actor;
  readonly user: {
    readonly id: number;
    readonly username: string;
    readonly name: string;
    readonly orgId: number;
    readonly mustChangePassword: boolean;
    /** The person the account belongs to (users.person_id): a member's self-service reaches its record by it. */
    readonly personId: number | null;
  };
  readonly assignments: readonly {
    readonly id: number;
    readonly role: Actor['assignments'][number]['role'];
    readonly orgId: number;
    readonly orgName: string;
    readonly orgPath: string;
    readonly endsOn: string | null;
  }[];
  readonly via: 'session' | 'token';
  /** What must be done before anything else (second-factor.ts); null when the session is complete. */
  readonly pendingStep: PendingStep | null;
  readonly secondFactor: { readonly enabled: boolean; readonly required: boolean };
  /** The session's token hash (for logout), when authenticated by cookie. */
  readonly sessionHash?: string;
};

/** What a request presents to prove who it is: a session cookie, or a personal API token (bearer). */
export type Credentials = { readonly via: Principal['via']; readonly secret: string };

/**
 * Who presents these credentials, or null when nobody valid does (unknown, expired, deactivated). The auth module
 * provides it; app.ts hands it to the authentication hook, so that the HTTP layer depends on no module.
 */
export type PrincipalResolver = (ctx: AnonCtx, credentials: Credentials) => Promise<Principal | null>;
