import type { Writable } from 'node:stream';
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_TYPE_LABELS } from '../../../contracts/audit.ts';
import { ROLE_LABELS, ROLES, type Role } from '../../../domain/access/index.ts';
import { addHeadedSheet, drained, streamWorkbook } from '../../excel/sheet-writer.ts';
import type { AuditRecord } from './audit-logs.repo.ts';

/** Times in the export are Beijing time, as the users read them (docs/design.md §1.7). */
const TIME_ZONE = 'Asia/Shanghai';
/** Excel refuses cell text longer than this. */
const MAX_CELL_TEXT = 32_767;

const timeFormat = new Intl.DateTimeFormat('sv-SE', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** `2026-06-15 09:00:00`, Beijing time. */
export function formatBeijingTime(instant: Date): string {
  return timeFormat.format(instant);
}

const roleLabel = (role: string | null) =>
  role === null ? '' : ROLES.includes(role as Role) ? ROLE_LABELS[role as Role] : role;

const diffText = (diff: Record<string, unknown> | null) =>
  diff && Object.keys(diff).length > 0 ? JSON.stringify(diff).slice(0, MAX_CELL_TEXT) : '';

/** The columns of the audit log export, in order: one list for the header and the rows. */
export const AUDIT_EXPORT_COLUMNS: readonly {
  header: string;
  width: number;
  value: (r: AuditRecord) => string;
}[] = [
  { header: '时间', width: 20, value: (r) => formatBeijingTime(r.at) },
  { header: '操作人', width: 16, value: (r) => r.actorUsername ?? '' },
  { header: '角色', width: 12, value: (r) => roleLabel(r.role) },
  { header: '操作', width: 14, value: (r) => AUDIT_ACTION_LABELS[r.action] },
  { header: '对象类型', width: 12, value: (r) => AUDIT_ENTITY_TYPE_LABELS[r.entityType] },
  { header: '对象ID', width: 10, value: (r) => r.entityId ?? '' },
  { header: '所属组织', width: 24, value: (r) => r.orgName ?? '' },
  { header: '变更内容', width: 60, value: (r) => diffText(r.diff) },
  { header: 'IP', width: 16, value: (r) => r.ip ?? '' },
  { header: '终端', width: 30, value: (r) => r.userAgent ?? '' },
];

/**
 * Writes the entries to `out` as an .xlsx, row by row with exceljs's streaming writer, so that memory
 * stays flat however long the log. Resolves when the workbook is complete.
 */
export async function writeAuditWorkbook(
  out: Writable,
  batches: AsyncIterable<AuditRecord[]>,
): Promise<void> {
  const workbook = streamWorkbook(out);
  const sheet = addHeadedSheet(workbook, '审计日志', AUDIT_EXPORT_COLUMNS);
  for await (const batch of batches) {
    for (const record of batch) {
      sheet.addRow(AUDIT_EXPORT_COLUMNS.map((c) => c.value(record))).commit();
    }
    // A slow client fills the response stream: wait for it before reading the next batch.
    await drained(out);
  }
  sheet.commit();
  await workbook.commit();
}
