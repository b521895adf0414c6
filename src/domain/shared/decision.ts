/**
 * A rule answers with a decision and a reason the UI can show, never a bare boolean (docs/design.md §1.1).
 * `reason` is a stable English key for programs; `message` is Chinese for people; `article` cites the rule.
 *
 * The reason is typed by the closed list of its area (`<AREA>_REASONS` in src/domain/<area>/reasons.ts): a rule
 * answers `Decision<OrgReason>`, so a reason its area does not list fails the type check where it is written.
 * The areas' lists, with the server's own, make the API's closed vocabulary of error reasons, each with its
 * Chinese label (src/contracts/errors.ts).
 */
export type Denial<R extends string> = {
  readonly ok: false;
  readonly reason: R;
  readonly message: string;
  readonly article?: string;
  readonly details?: Readonly<Record<string, unknown>>;
};
export type Decision<R extends string> = { readonly ok: true } | Denial<R>;

export const allow: { readonly ok: true } = { ok: true };

export function deny<const R extends string>(
  reason: R,
  message: string,
  extra: { article?: string; details?: Record<string, unknown> } = {},
): Denial<R> {
  return { ok: false, reason, message, ...extra };
}

/** The first denial among several decisions, or `allow`. */
export function firstDenial<R extends string>(...decisions: Decision<R>[]): Decision<R> {
  return decisions.find((d) => !d.ok) ?? allow;
}
