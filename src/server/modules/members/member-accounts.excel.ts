import type { Writable } from 'node:stream';
import { addHeadedSheet, drained, streamWorkbook } from '../../excel/sheet-writer.ts';

/** A member whose account was opened, with the initial password to hand out. */
export type InitialPasswordRow = {
  readonly name: string;
  readonly orgName: string;
  readonly username: string;
  readonly initialPassword: string;
};

/** A member left out of a bulk opening, and why. */
export type SkippedRow = { readonly name: string; readonly orgName: string; readonly message: string };

export const INITIAL_PASSWORD_HEADERS = ['序号', '姓名', '所在党组织', '用户名', '初始密码'] as const;
export const SKIPPED_HEADERS = ['序号', '姓名', '所在党组织', '未开通原因'] as const;

/**
 * 党员账号初始密码表 (docs/security.md §2.1): one sheet of the accounts opened (username and initial password, to
 * be handed to each member, who must change it at first login) and one of the members skipped with the reason.
 * The passwords exist only in this workbook: keep it safe and destroy it once handed out.
 */
export async function writeInitialPasswords(
  out: Writable,
  opened: readonly InitialPasswordRow[],
  skipped: readonly SkippedRow[],
): Promise<void> {
  const workbook = streamWorkbook(out);
  const widths = [6, 12, 28, 18, 22];
  const sheet = addHeadedSheet(
    workbook,
    '初始密码',
    INITIAL_PASSWORD_HEADERS.map((header, i) => ({ header, width: widths[i] as number })),
  );
  let n = 0;
  for (const row of opened) {
    n += 1;
    sheet.addRow([n, row.name, row.orgName, row.username, row.initialPassword]).commit();
    await drained(out);
  }
  await sheet.commit();
  const skippedWidths = [6, 12, 28, 40];
  const second = addHeadedSheet(
    workbook,
    '未开通',
    SKIPPED_HEADERS.map((header, i) => ({ header, width: skippedWidths[i] as number })),
  );
  n = 0;
  for (const row of skipped) {
    n += 1;
    second.addRow([n, row.name, row.orgName, row.message]).commit();
  }
  await second.commit();
  await workbook.commit();
}
