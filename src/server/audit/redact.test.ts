import { describe, expect, it } from 'vitest';
import { auditDiff, isSensitiveKey, REDACTED } from './redact.ts';

describe('auditDiff', () => {
  it('keeps only the fields that changed in an edit, ignoring version and updatedAt', () => {
    const before = {
      name: '张三',
      orgId: 4,
      version: 1,
      updatedAt: new Date('2026-01-01T00:00:00Z'),
      code: 'A',
    };
    const after = {
      name: '张三丰',
      orgId: 4,
      version: 2,
      updatedAt: new Date('2026-06-15T00:00:00Z'),
      code: 'A',
    };
    expect(auditDiff(before, after)).toEqual({ before: { name: '张三' }, after: { name: '张三丰' } });
  });

  it('records a field added or removed by an edit on the side where it exists', () => {
    expect(auditDiff({ a: 1 }, { a: 1, b: 2 })).toEqual({ before: {}, after: { b: 2 } });
    expect(auditDiff({ a: 1, b: 2 }, { a: 1 })).toEqual({ before: { b: 2 }, after: {} });
  });

  it('compares dates by instant and nested values by content', () => {
    const at = '2026-06-15T01:00:00.000Z';
    expect(auditDiff({ at: new Date(at), tags: ['x'] }, { at, tags: ['x'] })).toEqual({
      before: {},
      after: {},
    });
    expect(auditDiff({ lockedUntil: new Date(at) }, { lockedUntil: null })).toEqual({
      before: { lockedUntil: at },
      after: { lockedUntil: null },
    });
  });

  it('shows that a secret changed without its values', () => {
    const diff = auditDiff(
      { passwordHash: '$argon2id$old', mustChangePassword: false },
      { passwordHash: '$argon2id$new', mustChangePassword: true },
    );
    expect(diff).toEqual({
      before: { passwordHash: REDACTED, mustChangePassword: false },
      after: { passwordHash: REDACTED, mustChangePassword: true },
    });
  });

  it('leaves an unchanged secret out of an edit altogether', () => {
    expect(auditDiff({ passwordHash: 'h', name: 'a' }, { passwordHash: 'h', name: 'b' })).toEqual({
      before: { name: 'a' },
      after: { name: 'b' },
    });
  });

  it('redacts every sensitive field of a created or removed record', () => {
    const record = {
      username: 'chen.jie',
      password: 'p',
      passwordHash: 'h',
      initialPassword: 'i',
      currentPassword: 'c',
      newPassword: 'n',
      token: 't',
      tokenHash: 'th',
      idNumber: '110101199001011234',
      idNumberEnc: 'e',
      idNumberHash: 'ih',
    };
    const { after } = auditDiff(null, record);
    expect(after).toEqual({
      username: 'chen.jie',
      ...Object.fromEntries(
        Object.keys(record)
          .filter((k) => k !== 'username')
          .map((k) => [k, REDACTED]),
      ),
    });
    expect(auditDiff(record, null).before?.idNumber).toBe(REDACTED);
    expect(JSON.stringify(auditDiff(record, null))).not.toContain('110101199001011234');
  });

  it('answers nothing when there is no record on either side', () => {
    expect(auditDiff(null, null)).toEqual({});
  });

  it.each([
    ['passwordHash', true],
    ['idNumber', true],
    ['name', false],
    ['username', false],
  ])('%s is sensitive: %s', (key, expected) => {
    expect(isSensitiveKey(key)).toBe(expected);
  });
});
