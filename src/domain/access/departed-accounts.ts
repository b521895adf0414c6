import type { MemberStatus } from '../membership/index.ts';
import type { OrgFinding } from '../org/index.ts';
import { daysBetween, type IsoDate } from '../shared/index.ts';
import { keepsAccount } from './member-accounts.ts';

/**
 * An account still usable by someone who is no longer a member here (docs/security.md §2.1): the member left (出党,
 * death, transferred out of the deployment) while an active account stays linked to them — opened before accounts
 * were closed on leaving, reactivated by hand, or loaded so. Excess and expired accounts are disabled in time
 * (GB/T 22239-2019, 安全计算环境·访问控制); the org the member last belonged to, and those above it, must act.
 */
export const DEPARTED_ACCOUNT_ARTICLE = 'GB/T 22239-2019 安全计算环境·访问控制（及时停用多余的、过期的账户）';

export type DepartedAccountFacts = {
  readonly memberId: number;
  readonly name: string;
  readonly status: MemberStatus;
  /** The day the member left (their last 出党, death or transfer out), when the history has it. */
  readonly departedOn: IsoDate | null;
  /** The active account linked to the member's person. */
  readonly userId: number;
  readonly username: string;
};

/** How the message says the member left, by their status. */
const LEFT_HOW: Partial<Record<MemberStatus, string>> = {
  left: '出党',
  deceased: '去世',
  transferred_out: '转出本系统',
};

/** The to-do about the member's account on `today`: none while the member's status keeps an account. */
export function departedAccountFindings(f: DepartedAccountFacts, today: IsoDate): OrgFinding[] {
  if (keepsAccount(f.status)) return [];
  const since = f.departedOn === null ? '' : `于${f.departedOn}`;
  const days = f.departedOn === null ? null : daysBetween(f.departedOn, today);
  return [
    {
      kind: 'departed_member_account',
      severity: 'warning',
      message: `${f.name}${since}${LEFT_HOW[f.status] ?? '离开'}${days === null ? '' : `（${days}天前）`}，其账号 ${f.username} 仍可登录，应在“用户与权限”中停用`,
      article: DEPARTED_ACCOUNT_ARTICLE,
      date: f.departedOn,
      days,
      subject: { type: 'account', id: f.userId, name: f.name },
    },
  ];
}
