import type { z } from 'zod';
import type { MemberListQuery } from '../../../contracts/members.ts';
import { birthDateRange, educationCodesFor } from '../../../domain/membership/index.ts';
import { checkIdNumber, checkMobile } from '../../../domain/people/index.ts';
import type { IsoDate } from '../../../domain/shared/index.ts';
import { scopeFor, subtreeIn } from '../../access/index.ts';
import type { Ctx } from '../../context.ts';
import type { Scope } from '../../db/scope.ts';
import { invalidInput } from '../../errors.ts';
import { type MemberMatch, type MemberSearch, searchMembers } from './member-search.repo.ts';
import { listItemView } from './member-views.ts';

type ListQuery = z.output<typeof MemberListQuery>;

/**
 * What `q` means: a valid ID number matches exactly through its keyed hash (the stored numbers are never
 * decrypted to search); a mobile number matches exactly; ASCII letters match the start of the full pinyin or
 * of the initials; anything else the start of the name.
 */
export function matchOf(
  q: string | undefined,
  hash: (id: string) => string,
  today: IsoDate,
): MemberMatch | null {
  const text = q?.trim();
  if (!text) return null;
  const id = checkIdNumber(text, { today });
  if (id.ok) return { by: 'idHash', hash: hash(id.normalized) };
  if (/^[+\d][\d\s-]{10,}$/.test(text)) {
    const mobile = checkMobile(text);
    if (mobile.ok) return { by: 'mobile', mobile: mobile.normalized };
  }
  if (/^[a-zA-Z]+$/.test(text)) return { by: 'pinyin', prefix: text.toLowerCase() };
  return { by: 'name', prefix: text };
}

function educationOf(filter: string | undefined): readonly string[] | null {
  if (!filter) return null;
  const codes = educationCodesFor(filter);
  if (!codes) {
    throw invalidInput('学历筛选条件不正确', [
      {
        path: ['querystring', 'education'],
        message: '应为学历代码，或 college_or_above、postgraduate 等学历分组',
      },
    ]);
  }
  return codes;
}

/** The roster's filter (without paging and order) as the search takes it, in a scope (404 for an org outside it). */
export async function rosterFilter(
  ctx: Ctx,
  scope: Scope,
  query: Omit<ListQuery, 'page' | 'pageSize' | 'sort'>,
): Promise<Omit<MemberSearch, 'sort' | 'limit' | 'offset'>> {
  const { today } = ctx;
  const within = await subtreeIn(ctx, scope, query.orgId);
  const birth = query.ageBand ? birthDateRange(query.ageBand, today) : { from: null, to: null };
  return {
    scope,
    within,
    statuses: query.status,
    categories: query.category,
    gender: query.gender,
    birthFrom: birth.from,
    birthTo: birth.to,
    educationCodes: educationOf(query.education),
    admittedFrom: query.admittedFrom,
    admittedTo: query.admittedTo,
    mobile: query.mobile,
    hardship: query.hardship,
    match: matchOf(query.q, ctx.idCipher.hash, today),
  };
}

/** The members of the actor's `member.read` scope (or of one subtree in it), filtered, masked, paged. */
export async function listMembers(ctx: Ctx, query: ListQuery) {
  const { rows, total } = await searchMembers(ctx.db, {
    ...(await rosterFilter(ctx, scopeFor(ctx, 'member.read'), query)),
    sort: query.sort,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return { items: rows.map((r) => listItemView(ctx.idCipher, r)), total };
}
