import { allow, type Decision, deny } from './decision.ts';
import type { SharedReason } from './reasons.ts';

/**
 * 导入限制, kept by the 系统管理员: how big an uploaded roster may be, measured at each stage of reading it
 * (the file, what it inflates to, the text it keeps, its rows and columns), how many problems are kept per
 * file, and how long an error workbook is kept. Every limit has bounds, so that a setting can tighten the
 * protection but never switch it off.
 */
export type UploadLimits = {
  /** The uploaded .xlsx file. */
  readonly maxFileMb: number;
  /** The sum of the inflated sizes of the zip entries that are read (workbook, styles, strings, sheets). */
  readonly maxInflatedMb: number;
  /** Text of the shared strings kept while reading, each string counted with 8 bytes for its index. */
  readonly maxSharedStringsMb: number;
  /** Rows with at least one value, over all sheets. */
  readonly maxRows: number;
  /** The last column with a value, on any row. */
  readonly maxColumns: number;
  /** Problems kept per file (errors, and warnings, each): the response and the error workbook hold these. */
  readonly maxIssues: number;
  /** Hours an error workbook can be downloaded before it is deleted. */
  readonly errorFileHours: number;
};

export type UploadLimitKey = keyof UploadLimits;

export const DEFAULT_UPLOAD_LIMITS: UploadLimits = {
  maxFileMb: 20,
  maxInflatedMb: 400,
  maxSharedStringsMb: 64,
  maxRows: 200_000,
  maxColumns: 256,
  maxIssues: 1_000,
  errorFileHours: 24,
};

/**
 * The range of each setting. The upper bounds keep one request within about 300 MB of memory and a few
 * minutes of work; the lower ones keep real rosters importable (the template is 22 columns wide with its
 * 错误说明, the 2017 汇总表 20).
 */
export const UPLOAD_LIMIT_BOUNDS: Record<UploadLimitKey, { readonly min: number; readonly max: number }> = {
  maxFileMb: { min: 1, max: 100 },
  maxInflatedMb: { min: 20, max: 1_000 },
  maxSharedStringsMb: { min: 4, max: 128 },
  maxRows: { min: 1_000, max: 500_000 },
  maxColumns: { min: 64, max: 1_024 },
  maxIssues: { min: 100, max: 10_000 },
  errorFileHours: { min: 1, max: 168 },
};

const MB = 1024 * 1024;

/** The limits the reader enforces, in bytes where they are sizes. */
export type ReaderLimits = {
  readonly fileBytes: number;
  readonly inflatedBytes: number;
  readonly sharedStringBytes: number;
  readonly rows: number;
  readonly columns: number;
};

export function readerLimits(limits: UploadLimits): ReaderLimits {
  return {
    fileBytes: limits.maxFileMb * MB,
    inflatedBytes: limits.maxInflatedMb * MB,
    sharedStringBytes: limits.maxSharedStringsMb * MB,
    rows: limits.maxRows,
    columns: limits.maxColumns,
  };
}

/** Each string kept costs its UTF-8 bytes and this much for its place in the index. */
export const SHARED_STRING_OVERHEAD_BYTES = 8;

export type ExceededLimit = 'file' | 'inflated' | 'sharedStrings' | 'rows' | 'columns';

const SPLIT = '请删除无关内容或拆分为多个文件后再导入';

/** The refusal of a file over one limit: the message names the limit and its figure. */
export function limitExceeded(which: ExceededLimit, limits: UploadLimits): Decision<SharedReason> {
  switch (which) {
    case 'file':
      return deny('file_too_large', `文件超过导入限制：文件大小不能超过 ${limits.maxFileMb} MB`, {
        details: { limit: 'maxFileMb', value: limits.maxFileMb },
      });
    case 'inflated':
      return deny(
        'inflated_too_large',
        `文件解压后超过导入限制：解压后的内容不能超过 ${limits.maxInflatedMb} MB（可能是异常的压缩文件），${SPLIT}`,
        { details: { limit: 'maxInflatedMb', value: limits.maxInflatedMb } },
      );
    case 'sharedStrings':
      return deny(
        'shared_strings_too_large',
        `工作簿中的文字内容超过导入限制：共享字符串不能超过 ${limits.maxSharedStringsMb} MB，${SPLIT}`,
        { details: { limit: 'maxSharedStringsMb', value: limits.maxSharedStringsMb } },
      );
    case 'rows':
      return deny('too_many_rows', `数据行超过导入限制：一个文件最多 ${limits.maxRows} 行，${SPLIT}`, {
        details: { limit: 'maxRows', value: limits.maxRows },
      });
    case 'columns':
      return deny('too_many_columns', `工作表列数超过导入限制：最多 ${limits.maxColumns} 列，${SPLIT}`, {
        details: { limit: 'maxColumns', value: limits.maxColumns },
      });
  }
}

/** A file whose size is known (the upload, or the sizes its zip declares) is checked before it is read. */
export function checkSize(
  which: 'file' | 'inflated',
  bytes: number,
  limits: UploadLimits,
): Decision<SharedReason> {
  const max = which === 'file' ? limits.maxFileMb : limits.maxInflatedMb;
  return bytes > max * MB ? limitExceeded(which, limits) : allow;
}

/** When an error workbook made at `now` stops being downloadable. */
export function errorFileExpiry(now: Date, limits: Pick<UploadLimits, 'errorFileHours'>): Date {
  return new Date(now.getTime() + limits.errorFileHours * 3_600_000);
}
