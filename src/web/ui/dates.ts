import dayjs, { type Dayjs } from 'dayjs';

/** Dates in forms and tables (docs/design.md §4.5). */
export const DATE_FORMAT = 'YYYY-MM-DD';
export const DATE_TIME_FORMAT = 'YYYY-MM-DD HH:mm:ss';

const EMPTY = '—';

/** `YYYY-MM-DD` from an ISO date or timestamp; a dash when there is none. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return EMPTY;
  const d = dayjs(value);
  return d.isValid() ? d.format(DATE_FORMAT) : value;
}

/** Local `YYYY-MM-DD HH:mm:ss` from an ISO timestamp. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return EMPTY;
  const d = dayjs(value);
  return d.isValid() ? d.format(DATE_TIME_FORMAT) : value;
}

/** `YYYY年M月D日`, the form used in documents and sentences. */
export function formatChineseDate(value: string | null | undefined): string {
  if (!value) return EMPTY;
  const d = dayjs(value);
  return d.isValid() ? d.format('YYYY年M月D日') : value;
}

/** A required DatePicker value as the API's `YYYY-MM-DD`. */
export function isoDate(value: Dayjs): string {
  return value.format(DATE_FORMAT);
}

/** An optional DatePicker value as the API's `YYYY-MM-DD`, or undefined. */
export function toIsoDate(value: Dayjs | null | undefined): string | undefined {
  return value ? value.format(DATE_FORMAT) : undefined;
}

/** An API date as a DatePicker value. */
export function fromIsoDate(value: string | null | undefined): Dayjs | null {
  return value ? dayjs(value, DATE_FORMAT) : null;
}

export function todayIso(): string {
  return dayjs().format(DATE_FORMAT);
}
