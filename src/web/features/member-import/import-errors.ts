import type { ImportIssue } from '../../../contracts/member-import.ts';

/** An issue as a table row: `rowSpan` merges the 工作表 and 行 cells of one spreadsheet row. */
export type IssueRow = ImportIssue & { key: string; rowSpan: number };

/** Issues in the order of the file: sheets as found, then row, then column as the server listed them. */
export function sortIssues(issues: readonly ImportIssue[], sheetOrder: readonly string[]): ImportIssue[] {
  const sheetIndex = (name: string) => {
    const i = sheetOrder.indexOf(name);
    return i === -1 ? sheetOrder.length : i;
  };
  return issues
    .map((issue, index) => ({ issue, index }))
    .sort(
      (a, b) =>
        sheetIndex(a.issue.sheet) - sheetIndex(b.issue.sheet) ||
        a.issue.sheet.localeCompare(b.issue.sheet) ||
        a.issue.row - b.issue.row ||
        a.index - b.index,
    )
    .map(({ issue }) => issue);
}

/**
 * One page of sorted issues as table rows: the first issue of each spreadsheet row spans the others, so a
 * row with three problems reads as one row with three lines. Spans never cross the page.
 */
export function withRowSpans(page: readonly ImportIssue[], offset = 0): IssueRow[] {
  const rows: IssueRow[] = page.map((issue, i) => ({ ...issue, key: String(offset + i), rowSpan: 1 }));
  let start = 0;
  for (let i = 1; i <= rows.length; i++) {
    const prev = rows[i - 1] as IssueRow;
    const cur = rows[i];
    if (cur && cur.sheet === prev.sheet && cur.row === prev.row) continue;
    const head = rows[start] as IssueRow;
    head.rowSpan = i - start;
    for (let j = start + 1; j < i; j++) (rows[j] as IssueRow).rowSpan = 0;
    start = i;
  }
  return rows;
}

/** How many spreadsheet rows the issues touch. */
export function affectedRowCount(issues: readonly ImportIssue[]): number {
  return new Set(issues.map((i) => `${i.sheet}\u0000${i.row}`)).size;
}

export const WHOLE_ROW = '（整行）';

/** Problems per column, most first, ties in the order met: where to look in the file (`公民身份号码 3`). */
export function issuesByColumn(issues: readonly ImportIssue[]): { column: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const issue of issues) {
    const column = issue.column ?? WHOLE_ROW;
    counts.set(column, (counts.get(column) ?? 0) + 1);
  }
  return [...counts.entries()]
    .map(([column, count]) => ({ column, count }))
    .sort((a, b) => b.count - a.count);
}

/** Only the issues of one column (the summary's tags filter the table); all when none is chosen. */
export function issuesOfColumn(issues: readonly ImportIssue[], column: string | null): ImportIssue[] {
  if (column === null) return [...issues];
  return issues.filter((i) => (i.column ?? WHOLE_ROW) === column);
}

/**
 * What a report that lists fewer problems than it found says: the total, how many are listed, and that the
 * error workbook holds the rows of those listed only (导入限制: problems kept per file).
 */
export function truncationNote(
  report: {
    issueCount: number;
    errors: readonly unknown[];
    warningCount: number;
    warnings: readonly unknown[];
  },
  expiresAt: string | null,
): string | null {
  const parts: string[] = [];
  if (report.issueCount > report.errors.length) {
    parts.push(`共 ${report.issueCount} 处问题，仅列出前 ${report.errors.length} 处`);
  }
  if (report.warningCount > report.warnings.length) {
    parts.push(`共 ${report.warningCount} 处提示，仅列出前 ${report.warnings.length} 处`);
  }
  if (parts.length === 0) return null;
  const file = expiresAt ? `错误明细文件（${expiresAt} 前可下载）` : '错误明细文件';
  return `${parts.join('；')}。${file}同样只含所列问题的行：修改后重新上传，即可检查其余的行。`;
}
