import type { Writable } from 'node:stream';
import type { MeetingRegisterEntry, MeetingRegisterView } from '../../../contracts/meeting-register.ts';
import { MEETING_KIND_LABELS } from '../../../domain/org-life/index.ts';
import { addHeadedSheet, drained, streamWorkbook } from '../../excel/sheet-writer.ts';

/** 会议类型 as the register writes it: the kinds a meeting was recorded as, the principal one first. */
export const kindsText = (e: MeetingRegisterEntry) => e.kinds.map((k) => MEETING_KIND_LABELS[k]).join('、');

/** 请假 and 缺席 by name: "张三（请假：出差，已补课 2026-02-01）、李四（缺席）". */
export function absenteesText(e: MeetingRegisterEntry): string {
  return e.absentees
    .map((a) => {
      const what = a.attendance === 'leave' ? `请假${a.leaveReason ? `：${a.leaveReason}` : ''}` : '缺席';
      return `${a.name}（${what}${a.makeUpOn ? `，已补课 ${a.makeUpOn}` : ''}）`;
    })
    .join('、');
}

/** 时间: "09:00–11:00", or the start alone. */
export const timeText = (e: MeetingRegisterEntry) =>
  [e.startTime, e.endTime].filter((t): t is string => t !== null).join('–');

export const REGISTER_HEADERS = [
  '序号',
  '日期',
  '时间',
  '召开组织',
  '会议类型',
  '主题',
  '地点',
  '主持人',
  '记录人',
  '应到',
  '实到',
  '请假',
  '缺席',
  '请假、缺席人员',
  '决议',
] as const;
const WIDTHS = [6, 12, 12, 24, 22, 30, 18, 10, 10, 6, 6, 6, 6, 36, 40];

/** Printed on A4, landscape for the list and portrait for a meeting, as wide as the page. */
const LANDSCAPE = {
  paperSize: 9,
  orientation: 'landscape',
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
} as const;
const PORTRAIT = { ...LANDSCAPE, orientation: 'portrait' } as const;

const dateCell = (date: string) => new Date(`${date}T00:00:00Z`);
const wrap = { wrapText: true, vertical: 'top' } as const;

/** The record of one meeting as label and value lines, the minutes and resolutions wrapped in full. */
export function meetingLines(e: MeetingRegisterEntry): [string, string][] {
  return [
    ['日期', `${e.heldOn}${timeText(e) ? ` ${timeText(e)}` : ''}`],
    ['召开组织', e.orgName],
    ['会议类型', kindsText(e)],
    ['主题', e.topic],
    ['地点', e.place ?? ''],
    ['主持人', e.host ?? ''],
    ['记录人', e.recorder ?? ''],
    ['应到 / 实到 / 请假 / 缺席', `${e.expected} / ${e.present} / ${e.leave} / ${e.absent}`],
    ['请假、缺席人员', absenteesText(e)],
    ['会议记录', e.minutes ?? ''],
    ['决议', e.resolutions ?? ''],
  ];
}

/**
 * The workbook of a 会议记录本 (docs/organizational-life.md §4): 目录, one row per closed meeting in date order, then
 * one sheet per meeting with its whole record (minutes and resolutions wrapped), each set up to print on A4.
 */
export async function writeMeetingRegister(out: Writable, register: MeetingRegisterView): Promise<void> {
  const workbook = streamWorkbook(out);
  const list = addHeadedSheet(
    workbook,
    '目录',
    REGISTER_HEADERS.map((header, i) => ({ header, width: WIDTHS[i] as number })),
  );
  list.pageSetup = { ...list.pageSetup, ...LANDSCAPE, printTitlesRow: '1:1' };
  list.headerFooter = {
    oddHeader: `&C${register.orgName} ${register.year}年 会议记录本`,
    oddFooter: '&C第 &P 页',
  };
  let n = 0;
  for (const e of register.meetings) {
    n += 1;
    const row = list.addRow([
      n,
      dateCell(e.heldOn),
      timeText(e),
      e.orgName,
      kindsText(e),
      e.topic,
      e.place ?? '',
      e.host ?? '',
      e.recorder ?? '',
      e.expected,
      e.present,
      e.leave,
      e.absent,
      absenteesText(e),
      e.resolutions ?? '',
    ]);
    row.getCell(2).numFmt = 'yyyy-mm-dd';
    row.alignment = wrap;
    row.commit();
  }
  await list.commit();

  n = 0;
  for (const e of register.meetings) {
    n += 1;
    const sheet = workbook.addWorksheet(`${n} ${e.heldOn}`, { pageSetup: PORTRAIT });
    sheet.columns = [{ width: 16 }, { width: 80 }];
    const title = sheet.addRow([`${register.orgName} 会议记录（第${n}次）`]);
    title.font = { bold: true, size: 14 };
    title.commit();
    for (const [label, value] of meetingLines(e)) {
      const row = sheet.addRow([label, value]);
      row.getCell(1).font = { bold: true };
      row.alignment = wrap;
      row.commit();
    }
    await sheet.commit();
    await drained(out);
  }
  await workbook.commit();
}
