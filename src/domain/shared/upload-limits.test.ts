import { describe, expect, it } from 'vitest';
import {
  checkSize,
  DEFAULT_UPLOAD_LIMITS as D,
  errorFileExpiry,
  limitExceeded,
  readerLimits,
  UPLOAD_LIMIT_BOUNDS,
  type UploadLimitKey,
} from './upload-limits.ts';

const MB = 1024 * 1024;

describe('upload limit defaults', () => {
  it('are the issue’s safe figures, each within its own bounds', () => {
    expect(D).toMatchObject({ maxFileMb: 20, maxRows: 200_000, maxColumns: 256, maxIssues: 1_000 });
    expect(D.errorFileHours).toBe(24);
    for (const key of Object.keys(D) as UploadLimitKey[]) {
      const { min, max } = UPLOAD_LIMIT_BOUNDS[key];
      expect(D[key]).toBeGreaterThanOrEqual(min);
      expect(D[key]).toBeLessThanOrEqual(max);
    }
  });

  it('cannot be raised past what one request may cost', () => {
    expect(UPLOAD_LIMIT_BOUNDS.maxFileMb.max).toBeLessThanOrEqual(100);
    expect(UPLOAD_LIMIT_BOUNDS.maxSharedStringsMb.max).toBeLessThanOrEqual(128);
    expect(UPLOAD_LIMIT_BOUNDS.maxRows.max).toBeLessThanOrEqual(500_000);
    expect(UPLOAD_LIMIT_BOUNDS.errorFileHours.max).toBeLessThanOrEqual(168);
  });

  it('are given to the reader in bytes', () => {
    expect(readerLimits(D)).toEqual({
      fileBytes: 20 * MB,
      inflatedBytes: D.maxInflatedMb * MB,
      sharedStringBytes: 64 * MB,
      rows: 200_000,
      columns: 256,
    });
  });
});

describe('a file over a limit', () => {
  it('is refused with a stable reason and a Chinese message naming the limit and its figure', () => {
    const cases = [
      ['file', 'file_too_large', '文件大小不能超过 20 MB'],
      ['inflated', 'inflated_too_large', `解压后的内容不能超过 ${D.maxInflatedMb} MB`],
      ['sharedStrings', 'shared_strings_too_large', '共享字符串不能超过 64 MB'],
      ['rows', 'too_many_rows', '最多 200000 行'],
      ['columns', 'too_many_columns', '最多 256 列'],
    ] as const;
    for (const [which, reason, text] of cases) {
      const decision = limitExceeded(which, D);
      expect(decision).toMatchObject({ ok: false, reason });
      if (!decision.ok) expect(decision.message).toContain(text);
    }
  });

  it('names the configured figure, not the default', () => {
    const decision = limitExceeded('rows', { ...D, maxRows: 5_000 });
    expect(!decision.ok && decision.message).toContain('最多 5000 行');
  });

  it('is refused by its known size before it is read, and a file at the limit passes', () => {
    expect(checkSize('file', 20 * MB, D)).toEqual({ ok: true });
    expect(checkSize('file', 20 * MB + 1, D)).toMatchObject({ ok: false, reason: 'file_too_large' });
    expect(checkSize('inflated', D.maxInflatedMb * MB + 1, D)).toMatchObject({
      ok: false,
      reason: 'inflated_too_large',
    });
  });
});

describe('error workbook retention', () => {
  it('ends the configured number of hours after the import', () => {
    const now = new Date('2026-06-15T01:00:00Z');
    expect(errorFileExpiry(now, D)).toEqual(new Date('2026-06-16T01:00:00Z'));
    expect(errorFileExpiry(now, { errorFileHours: 2 })).toEqual(new Date('2026-06-15T03:00:00Z'));
  });
});
