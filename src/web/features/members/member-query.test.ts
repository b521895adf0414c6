import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { queryString } from '../../api/client.ts';
import {
  activeFilterCount,
  columnOrder,
  filterOf,
  filterToQuery,
  queryFromSearch,
  queryToFilter,
  searchFromQuery,
  sortOf,
} from './member-query.ts';

describe('roster filter → query string', () => {
  it('joins multi-selects with commas, dates as YYYY-MM-DD, flags as true/false, and drops the empty', () => {
    const query = filterToQuery(
      {
        orgId: 12,
        status: ['probationary', 'full'],
        category: [],
        gender: 'female',
        ageBand: '31_35',
        education: 'college_or_above',
        admitted: [dayjs('2012-11-01'), null],
        mobile: 'true',
        hardship: undefined,
      },
      '  zsf ',
    );
    expect(query).toEqual({
      orgId: 12,
      status: 'probationary,full',
      gender: 'female',
      ageBand: '31_35',
      education: 'college_or_above',
      admittedFrom: '2012-11-01',
      mobile: 'true',
      q: 'zsf',
    });
    expect(queryString({ ...query, page: 1, pageSize: 20 })).toBe(
      'orgId=12&status=probationary%2Cfull&gender=female&ageBand=31_35&education=college_or_above&admittedFrom=2012-11-01&mobile=true&q=zsf&page=1&pageSize=20',
    );
  });

  it('sends nothing for an empty form and a blank search', () => {
    expect(filterToQuery({}, '   ')).toEqual({});
    expect(filterToQuery({ admitted: null, status: [] })).toEqual({});
  });

  it('reads the form back from a query (a link, or 返回 from a member)', () => {
    const values = queryToFilter({
      status: 'suspended,unreachable',
      admittedTo: '1978-12-31',
      hardship: 'false',
    });
    expect(values.status).toEqual(['suspended', 'unreachable']);
    expect(values.admitted?.[0]).toBeNull();
    expect(values.admitted?.[1]?.format('YYYY-MM-DD')).toBe('1978-12-31');
    expect(values.hardship).toBe('false');
    expect(filterToQuery(values)).toEqual({
      status: 'suspended,unreachable',
      admittedTo: '1978-12-31',
      hardship: 'false',
    });
  });
});

describe('roster state in the URL', () => {
  it('round-trips, leaving defaults out of the URL', () => {
    const query = { orgId: 3, status: 'full', q: '张', sort: '-admittedOn' as const, page: 2, pageSize: 50 };
    const search = searchFromQuery(query);
    expect(search.toString()).toBe('orgId=3&status=full&q=%E5%BC%A0&sort=-admittedOn&page=2&pageSize=50');
    expect(queryFromSearch(search)).toEqual(query);
    expect(searchFromQuery({ page: 1, pageSize: 20, sort: 'name' }).toString()).toBe('');
  });

  it('ignores what the API would refuse: a bad page, an unknown sort or choice, a flag that is not true/false', () => {
    expect(
      queryFromSearch(
        new URLSearchParams('page=-1&pageSize=9999&sort=evil&mobile=yes&orgId=x&gender=x&ageBand=99'),
      ),
    ).toEqual({
      page: 1,
      pageSize: 20,
      sort: 'name',
    });
  });

  it('exports the filter without the paging', () => {
    expect(filterOf({ status: 'full', sort: 'org', page: 3, pageSize: 20 })).toEqual({
      status: 'full',
      sort: 'org',
    });
  });

  it('counts the filters set, the admission range once, the search box not at all', () => {
    expect(
      activeFilterCount({ admittedFrom: '2000-01-01', admittedTo: '2001-01-01', q: 'x', status: 'full' }),
    ).toBe(2);
    expect(activeFilterCount({})).toBe(0);
    expect(activeFilterCount({ page: 3, pageSize: 50, sort: '-admittedOn' })).toBe(0);
  });
});

describe('table sort ↔ API sort', () => {
  it('maps columns and orders onto the sorts the API offers', () => {
    expect(sortOf('admittedOn', 'descend')).toBe('-admittedOn');
    expect(sortOf('birthDate', 'ascend')).toBe('birthDate');
    expect(sortOf('org', 'ascend')).toBe('org');
    // No descending name on the API: fall back to the default rather than send something it refuses.
    expect(sortOf('name', 'descend')).toBe('name');
    expect(sortOf('phone', 'ascend')).toBe('name');
    expect(sortOf(undefined, null)).toBe('name');
  });

  it('shows the current sort on its column only', () => {
    expect(columnOrder('-admittedOn', 'admittedOn')).toBe('descend');
    expect(columnOrder('-admittedOn', 'name')).toBeNull();
    expect(columnOrder(undefined, 'name')).toBe('ascend');
  });
});
