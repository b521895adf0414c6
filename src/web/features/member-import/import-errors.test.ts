import { describe, expect, it } from 'vitest';
import type { ImportIssue } from '../../../contracts/member-import.ts';
import {
  affectedRowCount,
  issuesByColumn,
  issuesOfColumn,
  sortIssues,
  truncationNote,
  WHOLE_ROW,
  withRowSpans,
} from './import-errors.ts';

const issue = (sheet: string, row: number, column: string | null, message = '有误'): ImportIssue => ({
  sheet,
  row,
  column,
  value: null,
  message,
});

const issues = [
  issue('第二支部', 5, '公民身份号码', '校验码不正确'),
  issue('党员信息', 9, '所在党支部', '找不到该党支部'),
  issue('党员信息', 7, '公民身份号码', '校验码不正确'),
  issue('党员信息', 7, '性别', '与身份证号不一致'),
  issue('党员信息', 7, null, '与第3行重复'),
];

describe('import error table', () => {
  it('orders issues as the file is: sheets as found, then rows, keeping a row’s columns in order', () => {
    const sorted = sortIssues(issues, ['党员信息', '第二支部']);
    expect(sorted.map((i) => `${i.sheet}:${i.row}:${i.column}`)).toEqual([
      '党员信息:7:公民身份号码',
      '党员信息:7:性别',
      '党员信息:7:null',
      '党员信息:9:所在党支部',
      '第二支部:5:公民身份号码',
    ]);
  });

  it('puts sheets the report did not list last', () => {
    expect(sortIssues(issues, ['第二支部']).map((i) => i.sheet)).toEqual([
      '第二支部',
      '党员信息',
      '党员信息',
      '党员信息',
      '党员信息',
    ]);
  });

  it('merges the 工作表 and 行 cells of one spreadsheet row', () => {
    const rows = withRowSpans(sortIssues(issues, ['党员信息', '第二支部']));
    expect(rows.map((r) => r.rowSpan)).toEqual([3, 0, 0, 1, 1]);
    expect(rows.map((r) => r.key)).toEqual(['0', '1', '2', '3', '4']);
  });

  it('never spans across a page: a row split by paging starts again on the next page', () => {
    const sorted = sortIssues(issues, ['党员信息', '第二支部']);
    expect(withRowSpans(sorted.slice(0, 2)).map((r) => r.rowSpan)).toEqual([2, 0]);
    const second = withRowSpans(sorted.slice(2, 4), 2);
    expect(second.map((r) => [r.key, r.rowSpan])).toEqual([
      ['2', 1],
      ['3', 1],
    ]);
    expect(withRowSpans([])).toEqual([]);
  });

  it('counts the rows touched, and the problems per column, most first', () => {
    expect(affectedRowCount(issues)).toBe(3);
    expect(issuesByColumn(issues)).toEqual([
      { column: '公民身份号码', count: 2 },
      { column: '所在党支部', count: 1 },
      { column: '性别', count: 1 },
      { column: WHOLE_ROW, count: 1 },
    ]);
  });

  it('filters by a column, whole-row problems included under their own name', () => {
    expect(issuesOfColumn(issues, '公民身份号码')).toHaveLength(2);
    expect(issuesOfColumn(issues, WHOLE_ROW)).toEqual([issues[4]]);
    expect(issuesOfColumn(issues, null)).toHaveLength(5);
  });
});

describe('a report that lists fewer problems than it found', () => {
  const listed = (n: number) => Array.from({ length: n }, () => issue('党员信息', 2, null));

  it('says how many there were in all and how many are listed', () => {
    const report = { issueCount: 1234, errors: listed(1000), warningCount: 3, warnings: listed(3) };
    expect(truncationNote(report, '2026-06-16 09:00')).toBe(
      '共 1234 处问题，仅列出前 1000 处。错误明细文件（2026-06-16 09:00 前可下载）同样只含所列问题的行：修改后重新上传，即可检查其余的行。',
    );
  });

  it('names the warnings too, and says nothing when everything is listed', () => {
    const warned = { issueCount: 2, errors: listed(2), warningCount: 1500, warnings: listed(1000) };
    expect(truncationNote(warned, null)).toContain('共 1500 处提示，仅列出前 1000 处');
    expect(truncationNote({ ...warned, warningCount: 1000 }, null)).toBeNull();
  });
});
