import type { Actor, PendingStep } from '../../domain/access/index.ts';

/** The authenticated user of a request, with the role assignments the rules need. */
export type Principal = {
  readonly actor: Actor;
  readonly user: {
    readonly id: number;
    readonly username: string;
    readonly name: string;
    readonly orgId: number;
    readonly mustChangePassword: boolean;
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
