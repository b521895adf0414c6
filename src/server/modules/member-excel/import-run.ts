import type { ImportFormat, ImportIssue, ImportSheet } from '../../../contracts/member-import.ts';
import { canonicalIdNumber, maskIdNumber, maskPhone } from '../../../domain/people/index.ts';
import type { IsoDate, UploadLimits } from '../../../domain/shared/index.ts';
import { type CellInput, EMPTY_CELL, trimCell } from '../../excel/cells.ts';
import type { NewMemberRow } from '../members/index.ts';
import { readRoster } from './import-reader.ts';
import { type ColumnKey, columnOf } from './members.excel.ts';
import { decideRow, type OrgResolution, type ParsedRow, parseRow, type RowIssue } from './row-check.ts';
import type { SheetLayout } from './sheet-layout.ts';

/**
 * One pass over an uploaded roster: every row parsed and checked, ID numbers checked against the rest of
 * the file and against the database (in chunks of CHUNK rows, one query each), every problem counted and
 * the first `maxIssues` errors (and warnings) kept. Per row only a small entry stays in memory (its ID's
 * first place, for duplicates); with `collect`, the valid rows too, to be committed.
 */
export type ImportRunInput = {
  readonly path: string;
  readonly today: IsoDate;
  readonly resolveOrg: (text: string) => Promise<OrgResolution>;
  /**
   * Those of these keyed hashes that a person already holds: the person, and whether the actor may see them as a
   * member (then the duplicate is theirs to resolve; otherwise the row says only "registered", and the hit is
   * kept for the audit log).
   */
  readonly findExisting: (hashes: readonly string[]) => Promise<Map<string, IdHolder>>;
  readonly hash: (idNumber: string) => string;
  readonly collect: boolean;
  readonly limits: UploadLimits;
};

export type IdHolder = { readonly personId: number; readonly visible: boolean };

export type ImportRunResult = {
  readonly format: ImportFormat | null;
  readonly sheets: ImportSheet[];
  readonly rowCount: number;
  readonly validCount: number;
  /** The first `maxIssues` errors found, and how many there were in all. */
  readonly errors: ImportIssue[];
  readonly errorTotal: number;
  readonly warnings: ImportIssue[];
  readonly warningTotal: number;
  readonly members: NewMemberRow[];
  /** Rows whose ID number a person outside the actor's scope holds: how many, and the first of those persons. */
  readonly heldElsewhere: { readonly count: number; readonly personIds: number[] };
};

const CHUNK = 1000;
export const ALREADY_REGISTERED = '系统中已有此公民身份号码的人员，不能重复导入';
/** The same answer as a single registration's (members.service.ts): nothing about where the number is held. */
export const HELD_ELSEWHERE = '该公民身份号码已登记，请联系上级组织部门';

type Pending = {
  readonly layout: SheetLayout;
  readonly number: number;
  readonly cells: readonly CellInput[];
  readonly row: ParsedRow;
  readonly member: NewMemberRow | null;
};
type FirstSeen = { sheet: string; row: number; memberIndex: number; flagged: boolean };

const REQUIRED_COLUMNS: readonly ColumnKey[] = ['name', 'org', 'idNumber', 'admittedOn'];

/** The value shown with an issue: the cell as typed, ID and phone numbers masked. */
export function issueValue(key: ColumnKey, cell: CellInput): string | null {
  const text = trimCell(cell.text);
  if (text === '') return null;
  if (key === 'idNumber') return maskIdNumber(text);
  if (key === 'phoneMobile' || key === 'phoneLandline') return maskPhone(text);
  return text;
}

function labelOf(layout: SheetLayout, key: ColumnKey): string {
  const column = columnOf(key);
  const official = column.official ?? column.header;
  return layout.columns.get(key)?.label ?? (layout.format === 'official_2017' ? official : column.header);
}

export class ImportRun {
  private readonly sheets: ImportSheet[] = [];
  private format: ImportFormat | null = null;
  private rowCount = 0;
  private validCount = 0;
  private readonly errors: ImportIssue[] = [];
  private readonly warnings: ImportIssue[] = [];
  private errorTotal = 0;
  private warningTotal = 0;
  private readonly members: (NewMemberRow | null)[] = [];
  private readonly seen = new Map<string, FirstSeen>();
  private pending: Pending[] = [];
  private readonly heldElsewhere = { count: 0, personIds: [] as number[] };

  constructor(private readonly input: ImportRunInput) {}

  async run(): Promise<ImportRunResult> {
    for await (const event of readRoster(this.input.path, this.input.limits)) {
      if (event.type === 'skipped')
        this.sheets.push({ name: event.name, format: null, rowCount: 0, skipped: true });
      else if (event.type === 'sheet') this.startSheet(event.layout);
      else await this.addRow(event.layout, event.number, event.cells, event.date1904);
    }
    await this.flush();
    const members = this.members.filter((m): m is NewMemberRow => m !== null);
    const {
      format,
      sheets,
      rowCount,
      validCount,
      errors,
      errorTotal,
      warnings,
      warningTotal,
      heldElsewhere,
    } = this;
    return {
      format,
      sheets,
      rowCount,
      validCount,
      errors,
      errorTotal,
      warnings,
      warningTotal,
      members,
      heldElsewhere,
    };
  }

  /** Every issue is counted; only the first `maxIssues` are kept, so that memory does not grow with them. */
  private addError(issue: ImportIssue): void {
    if (this.errorTotal++ < this.input.limits.maxIssues) this.errors.push(issue);
  }

  private addWarning(issue: ImportIssue): void {
    if (this.warningTotal++ < this.input.limits.maxIssues) this.warnings.push(issue);
  }

  private startSheet(layout: SheetLayout): void {
    this.format ??= layout.format;
    this.sheets.push({ name: layout.name, format: layout.format, rowCount: 0, skipped: false });
    const sheetIssue = (key: ColumnKey, message: string) => ({
      sheet: layout.name,
      row: layout.headerRow,
      column: labelOf(layout, key),
      value: null,
      message,
    });
    for (const key of REQUIRED_COLUMNS) {
      if (!layout.columns.has(key)) this.addError(sheetIssue(key, `工作表缺少“${labelOf(layout, key)}”列`));
    }
    if (!layout.columns.has('category')) {
      this.addWarning(
        sheetIssue(
          'category',
          '本表没有“人员类别（在职/离退休等）”列，人员类别按工作岗位推算（如退休人员记为离退休）',
        ),
      );
    }
  }

  private async addRow(layout: SheetLayout, number: number, cells: readonly CellInput[], date1904: boolean) {
    this.rowCount++;
    (this.sheets.at(-1) as ImportSheet).rowCount++;
    const row = parseRow(layout, cells, { today: this.input.today, date1904 });
    const orgText = row.values.org;
    const org = orgText === null ? null : await this.input.resolveOrg(orgText);
    const member = decideRow(row, org, this.input.today);
    if (member && layout.columns.has('category') && row.values.category === null) {
      row.warnings.push({ column: 'category', message: '未填写人员类别（在职/离退休等），按工作岗位推算' });
    }
    this.pending.push({ layout, number, cells, row, member });
    if (this.pending.length >= CHUNK) await this.flush();
  }

  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    const hashes = new Map<Pending, string>();
    for (const p of batch) {
      const id = p.row.values.idNumber;
      if (id) hashes.set(p, this.input.hash(id.normalized));
    }
    const existing = hashes.size > 0 ? await this.input.findExisting([...hashes.values()]) : new Map();
    for (const p of batch) {
      const holder = existing.get(hashes.get(p) ?? '');
      if (holder) this.alreadyRegistered(p, holder);
      this.finish(p);
    }
  }

  private alreadyRegistered(p: Pending, holder: IdHolder): void {
    p.row.errors.push({ column: 'idNumber', message: holder.visible ? ALREADY_REGISTERED : HELD_ELSEWHERE });
    if (holder.visible) return;
    this.heldElsewhere.count++;
    if (this.heldElsewhere.personIds.length < this.input.limits.maxIssues) {
      this.heldElsewhere.personIds.push(holder.personId);
    }
  }

  private finish(p: Pending): void {
    const id = p.row.values.idNumber;
    const key = id ? canonicalIdNumber(id) : null;
    const first = key === null ? undefined : this.seen.get(key);
    if (first) this.duplicate(p, first);
    const valid = p.row.errors.length === 0 && p.member !== null;
    if (key !== null && !first) {
      this.seen.set(key, { sheet: p.layout.name, row: p.number, memberIndex: -1, flagged: false });
    }
    for (const issue of p.row.errors) this.addError(this.issue(p, issue));
    for (const note of p.row.warnings) this.addWarning(this.issue(p, note));
    if (!valid) return;
    this.validCount++;
    if (key !== null)
      (this.seen.get(key) as FirstSeen).memberIndex = this.input.collect ? this.members.length : 0;
    if (this.input.collect) this.members.push(p.member);
  }

  /** Both rows of a duplicate are refused, each naming the other (and its sheet, when another). */
  private duplicate(p: Pending, first: FirstSeen): void {
    const place = (sheet: string, row: number, from: string) =>
      sheet === from ? `第${row}行` : `工作表“${sheet}”第${row}行`;
    const here = p.layout.name;
    p.row.errors.push({
      column: 'idNumber',
      message: `公民身份号码与${place(first.sheet, first.row, here)}重复`,
    });
    if (first.flagged) return;
    first.flagged = true;
    const label = labelOf(p.layout, 'idNumber');
    const message = `公民身份号码与${place(here, p.number, first.sheet)}重复`;
    const value = issueValue('idNumber', this.cellOf(p, 'idNumber'));
    this.addError({ sheet: first.sheet, row: first.row, column: label, value, message });
    if (first.memberIndex < 0) return;
    this.validCount--;
    if (this.input.collect) this.members[first.memberIndex] = null;
  }

  private cellOf(p: Pending, key: ColumnKey): CellInput {
    const at = p.layout.columns.get(key);
    return at ? (p.cells[at.index] ?? EMPTY_CELL) : EMPTY_CELL;
  }

  private issue(p: Pending, { column, message }: RowIssue): ImportIssue {
    const value = column === null ? null : issueValue(column, this.cellOf(p, column));
    const label = column === null ? null : labelOf(p.layout, column);
    return { sheet: p.layout.name, row: p.number, column: label, value, message };
  }
}
