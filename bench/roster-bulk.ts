import type { Gender, LeftReason, MemberCategory, MemberStatus } from '../src/domain/membership/index.ts';
import type { IsoDate } from '../src/domain/shared/index.ts';
import { type BulkColumn, insertUnnest } from '../src/server/db/bulk.ts';
import type { Db } from '../src/server/db/client.ts';

/**
 * Rows of the benchmark city's roster (up to a million members), bulk-inserted with insertUnnest straight into the
 * tables: a benchmark's fixture, as the test fixtures are. The product writes member rows only through the members
 * module (the demo city too: src/server/seed/demo-members.ts).
 */
export type BulkPerson = {
  name: string;
  namePinyin: string;
  nameInitials: string;
  gender: Gender;
  ethnicity: string | null;
  birthDate: IsoDate | null;
  idNumberEnc: string | null;
  idNumberHash: string | null;
  education: string | null;
  workPost: string | null;
  phoneMobile: string | null;
  address: string | null;
};
export type BulkMember = {
  personId: number;
  orgId: number;
  status: MemberStatus;
  leftReason: LeftReason | null;
  category: MemberCategory;
  admittedOn: IsoDate;
  confirmedOn: IsoDate | null;
  probationEndsOn: IsoDate | null;
  isMobile: boolean;
  outflowDestination: string | null;
  isHardship: boolean;
  lostContactOn: IsoDate | null;
  transferLetterNo: string | null;
};
export type BulkEvent = {
  memberId: number;
  kind: string;
  orgId: number;
  fromValue: string | null;
  toValue: string | null;
  effectiveOn: IsoDate;
  details: Record<string, unknown>;
  reason: string | null;
};
/** The synthetic city counts every event on the day it happened (member_events.counted_on). */
type BulkEventRow = BulkEvent & { countedOn: IsoDate };
type BulkMemberRow = BulkMember & { enteredOn: IsoDate; enteredBy: 'admitted' };

const col = <R, K extends keyof R & string>(key: K, name: string, type: string): BulkColumn<R> => ({
  name,
  type,
  value: (r) => r[key] as string | number | boolean | object | null,
});

// biome-ignore format: one column a line would be twice as long
const PERSON_COLUMNS: BulkColumn<BulkPerson>[] = [
  col('name', 'name', 'text'), col('namePinyin', 'name_pinyin', 'text'), col('nameInitials', 'name_initials', 'text'),
  col('gender', 'gender', 'gender'), col('ethnicity', 'ethnicity', 'text'), col('birthDate', 'birth_date', 'date'),
  col('idNumberEnc', 'id_number_enc', 'text'), col('idNumberHash', 'id_number_hash', 'text'),
  col('education', 'education', 'text'), col('workPost', 'work_post', 'text'),
  col('phoneMobile', 'phone_mobile', 'text'), col('address', 'address', 'text'),
];
// biome-ignore format: as above
const MEMBER_COLUMNS: BulkColumn<BulkMemberRow>[] = [
  col('personId', 'person_id', 'int'), col('orgId', 'org_id', 'int'), col('status', 'status', 'text'),
  col('leftReason', 'left_reason', 'text'), col('category', 'category', 'member_category'),
  col('admittedOn', 'admitted_on', 'date'), col('confirmedOn', 'confirmed_on', 'date'),
  col('probationEndsOn', 'probation_ends_on', 'date'), col('isMobile', 'is_mobile', 'boolean'),
  col('outflowDestination', 'outflow_destination', 'text'), col('isHardship', 'is_hardship', 'boolean'),
  col('lostContactOn', 'lost_contact_on', 'date'), col('transferLetterNo', 'transfer_letter_no', 'text'),
  col('enteredOn', 'entered_on', 'date'), col('enteredBy', 'entered_by', 'text'),
];
// biome-ignore format: as above
const EVENT_COLUMNS: BulkColumn<BulkEventRow>[] = [
  col('memberId', 'member_id', 'int'), col('kind', 'kind', 'text'), col('orgId', 'org_id', 'int'),
  col('fromValue', 'from_value', 'text'), col('toValue', 'to_value', 'text'),
  col('effectiveOn', 'effective_on', 'date'), col('countedOn', 'counted_on', 'date'),
  col('details', 'details', 'jsonb'), col('reason', 'reason', 'text'),
];

export const insertPersons = (db: Db, rows: readonly BulkPerson[]) =>
  insertUnnest(db, 'persons', PERSON_COLUMNS, rows);
/** The synthetic city's members arrived as admitted on their 入党时间 (members.entered_on, docs/membership.md §8). */
export const insertMembersBulk = (db: Db, rows: readonly BulkMember[]) =>
  insertUnnest(
    db,
    'members',
    MEMBER_COLUMNS,
    rows.map((r) => ({ ...r, enteredOn: r.admittedOn, enteredBy: 'admitted' as const })),
  );
export const insertEvents = (db: Db, rows: readonly BulkEvent[]) =>
  insertUnnest(
    db,
    'member_events',
    EVENT_COLUMNS,
    rows.map((r) => ({ ...r, countedOn: r.effectiveOn })),
  );
