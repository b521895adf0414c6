import { describe, expect, it } from 'vitest';
import { attachmentTypeOf, checkAttachment } from './attachments.ts';

const bytes = (...head: number[]) => new Uint8Array([...head, 0, 0, 0, 0]);
const text = (s: string) => new Uint8Array([...s].map((c) => c.charCodeAt(0)));
const zipWith = (entry: string) => new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...text(`....${entry}....`)]);

describe('attachment types by content (docs/organizational-life.md §4)', () => {
  it.each<[string, Uint8Array, string | null]>([
    ['photo.jpg', bytes(0xff, 0xd8, 0xff, 0xe0), 'jpg'],
    ['photo.JPEG', bytes(0xff, 0xd8, 0xff, 0xe1), 'jpg'],
    ['scan.png', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a), 'png'],
    ['minutes.pdf', text('%PDF-1.7 ...'), 'pdf'],
    ['minutes.docx', zipWith('word/document.xml'), 'docx'],
    ['sheet.xlsx', zipWith('xl/workbook.xml'), 'xlsx'],
    ['renamed.pdf', bytes(0xff, 0xd8, 0xff, 0xe0), null],
    ['script.exe', text('MZ....'), null],
    ['archive.zip', zipWith('data.bin'), null],
    ['fake.jpg', text('<html>'), null],
  ])('%s → %s', (name, content, expected) => {
    expect(attachmentTypeOf(name, content)).toBe(expected);
  });

  it('refuses a file over the configured size, or empty, or of another type, in Chinese', () => {
    const jpg = bytes(0xff, 0xd8, 0xff, 0xe0);
    expect(checkAttachment({ fileName: 'a.jpg', sizeBytes: 10 * 1024 * 1024, bytes: jpg }, 10)).toEqual({
      ok: true,
      type: 'jpg',
    });
    const big = checkAttachment({ fileName: 'a.jpg', sizeBytes: 10 * 1024 * 1024 + 1, bytes: jpg }, 10);
    expect(big).toMatchObject({ ok: false, reason: 'attachment_too_large', message: '附件不能超过10MB' });
    expect(checkAttachment({ fileName: 'a.jpg', sizeBytes: 0, bytes: new Uint8Array() }, 10)).toMatchObject({
      reason: 'attachment_type_not_allowed',
    });
    const exe = checkAttachment({ fileName: 'a.exe', sizeBytes: 6, bytes: text('MZ....') }, 10);
    expect(exe).toMatchObject({ ok: false, reason: 'attachment_type_not_allowed' });
    expect((exe as { message: string }).message).toMatch(/jpg、png、pdf、docx、xlsx/);
  });
});
