import dayjs, { type Dayjs } from 'dayjs';
import { MemberListQuery } from '../../../contracts/members.ts';
import type { AgeBand, Gender, MemberCategory, MemberStatus } from '../../../domain/membership/index.ts';
import type { MemberFilterQuery, MemberQuery, MemberSort } from '../../api/members.ts';
import { DATE_FORMAT } from '../../ui/dates.ts';

/** The filter form of the roster as antd holds it. */
export type MemberFilterValues = {
  orgId?: number;
  status?: MemberStatus[];
  category?: MemberCategory[];
  gender?: Gender;
  ageBand?: AgeBand;
  education?: string;
  admitted?: [Dayjs | null, Dayjs | null] | null;
  mobile?: MemberFilterQuery['mobile'];
  hardship?: MemberFilterQuery['hardship'];
};

export const DEFAULT_PAGE_SIZE = 20;
export const DEFAULT_SORT: MemberSort = 'name';

const list = (values: readonly string[] | undefined) =>
  values && values.length > 0 ? values.join(',') : undefined;
const day = (value: Dayjs | null | undefined) => (value ? value.format(DATE_FORMAT) : undefined);

/** Drops empty values, so that equal filters give equal query keys and clean URLs. */
function compact<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined && v !== null && v !== ''),
  ) as T;
}

/** Form values and the search box → the query string of GET /api/members (and of the export). */
export function filterToQuery(values: MemberFilterValues, q?: string): MemberFilterQuery {
  return compact({
    orgId: values.orgId,
    status: list(values.status),
    category: list(values.category),
    gender: values.gender,
    ageBand: values.ageBand,
    education: values.education,
    admittedFrom: day(values.admitted?.[0]),
    admittedTo: day(values.admitted?.[1]),
    mobile: values.mobile,
    hardship: values.hardship,
    q: q?.trim() || undefined,
  });
}

/** The query back into form values (a page opened from a link or after going back). */
export function queryToFilter(query: MemberFilterQuery): MemberFilterValues {
  const from = query.admittedFrom ? dayjs(query.admittedFrom, DATE_FORMAT) : null;
  const to = query.admittedTo ? dayjs(query.admittedTo, DATE_FORMAT) : null;
  return compact({
    orgId: query.orgId,
    status: query.status ? (query.status.split(',') as MemberStatus[]) : undefined,
    category: query.category ? (query.category.split(',') as MemberCategory[]) : undefined,
    gender: query.gender,
    ageBand: query.ageBand,
    education: query.education,
    admitted: from || to ? [from, to] : undefined,
    mobile: query.mobile,
    hardship: query.hardship,
  });
}

const TEXT_KEYS = ['status', 'category', 'education', 'admittedFrom', 'admittedTo', 'q'] as const;
/** Closed lists: a value the contract does not know is left out rather than sent to be refused. */
const CHOICES = { gender: MemberListQuery.shape.gender, ageBand: MemberListQuery.shape.ageBand };
const FLAG_KEYS = ['mobile', 'hardship'] as const;

function positiveInt(value: string | null): number | undefined {
  const n = Number(value);
  return value && Number.isInteger(n) && n > 0 ? n : undefined;
}

/** The list's state lives in the URL, so that a detail page's 返回 finds the same page and filter. */
export function queryFromSearch(params: URLSearchParams): MemberQuery {
  const query: MemberQuery = { page: positiveInt(params.get('page')) ?? 1, pageSize: DEFAULT_PAGE_SIZE };
  const size = positiveInt(params.get('pageSize'));
  if (size && size <= 200) query.pageSize = size;
  const orgId = positiveInt(params.get('orgId'));
  if (orgId) query.orgId = orgId;
  for (const key of TEXT_KEYS) {
    const value = params.get(key)?.trim();
    if (value) query[key] = value;
  }
  const gender = CHOICES.gender.safeParse(params.get('gender') ?? undefined).data;
  if (gender) query.gender = gender;
  const ageBand = CHOICES.ageBand.safeParse(params.get('ageBand') ?? undefined).data;
  if (ageBand) query.ageBand = ageBand;
  for (const key of FLAG_KEYS) {
    const value = params.get(key);
    if (value === 'true' || value === 'false') query[key] = value;
  }
  query.sort = MemberListQuery.shape.sort.safeParse(params.get('sort') ?? undefined).data ?? DEFAULT_SORT;
  return query;
}

export function searchFromQuery(query: MemberQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === '') continue;
    if (key === 'page' && value === 1) continue;
    if (key === 'pageSize' && value === DEFAULT_PAGE_SIZE) continue;
    if (key === 'sort' && value === DEFAULT_SORT) continue;
    params.set(key, String(value));
  }
  return params;
}

/** The filter part of a query (no paging): what the export takes. */
export function filterOf(query: MemberQuery): MemberFilterQuery & { sort?: MemberSort } {
  const { page: _page, pageSize: _size, ...filter } = query;
  return filter;
}

/** Table column → sort: each sortable column and the sorts it offers (the API has no descending name). */
export const SORTABLE_COLUMNS = {
  name: { ascend: 'name' },
  org: { ascend: 'org' },
  birthDate: { ascend: 'birthDate', descend: '-birthDate' },
  admittedOn: { ascend: 'admittedOn', descend: '-admittedOn' },
} as const satisfies Record<string, { ascend: MemberSort; descend?: MemberSort }>;
export type SortableColumn = keyof typeof SORTABLE_COLUMNS;

export function sortOf(
  column: string | undefined,
  order: 'ascend' | 'descend' | null | undefined,
): MemberSort {
  if (!column || !order || !(column in SORTABLE_COLUMNS)) return DEFAULT_SORT;
  const sorts: { ascend: MemberSort; descend?: MemberSort } = SORTABLE_COLUMNS[column as SortableColumn];
  return (order === 'descend' ? sorts.descend : sorts.ascend) ?? DEFAULT_SORT;
}

/** The order a column shows for the current sort (antd's `sortOrder`). */
export function columnOrder(
  sort: MemberSort | undefined,
  column: SortableColumn,
): 'ascend' | 'descend' | null {
  const sorts: { ascend: MemberSort; descend?: MemberSort } = SORTABLE_COLUMNS[column];
  const current = sort ?? DEFAULT_SORT;
  if (current === sorts.ascend) return 'ascend';
  if (current === sorts.descend) return 'descend';
  return null;
}

/** How many filters are set (not the search box, the paging or the sort): shown beside the search box. */
export function activeFilterCount(
  query: MemberFilterQuery & Partial<Pick<MemberQuery, 'page' | 'pageSize' | 'sort'>>,
): number {
  const { q: _q, page: _p, pageSize: _s, sort: _o, admittedFrom, admittedTo, ...rest } = query;
  const admitted = admittedFrom || admittedTo ? 1 : 0;
  return Object.values(rest).filter((v) => v !== undefined && v !== '').length + admitted;
}
