import { type Denial, deny } from '../shared/index.ts';
import type { OrgLifeReason } from './reasons.ts';

/** The largest attachment of a meeting (CFG, megabytes). */
export const DEFAULT_MAX_ATTACHMENT_MB = 10;
export const MAX_ATTACHMENT_MB_BOUNDS = { min: 1, max: 50 } as const;

/** The files a meeting's record takes (sign-in sheets, scans, photos, documents), each known by its content. */
export const ATTACHMENT_TYPES = {
  jpg: 'image/jpeg',
  png: 'image/png',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
export type AttachmentType = keyof typeof ATTACHMENT_TYPES;

const startsWith = (bytes: Uint8Array, head: readonly number[]) => head.every((b, i) => bytes[i] === b);
const ZIP = [0x50, 0x4b, 0x03, 0x04];

/** Whether the bytes hold this text (the names of a zip's entries are stored uncompressed). */
function contains(bytes: Uint8Array, text: string): boolean {
  const codes = [...text].map((c) => c.charCodeAt(0));
  outer: for (let i = 0; i + codes.length <= bytes.length; i++) {
    for (let j = 0; j < codes.length; j++) if (bytes[i + j] !== codes[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * The type of a file by its first bytes, not its name (docs/organizational-life.md §4): JPEG (FF D8 FF), PNG
 * (89 50 4E 47 0D 0A 1A 0A), PDF (%PDF-); a .docx or .xlsx is a zip holding `word/` or `xl/` parts. The name's
 * extension must agree.
 */
export function attachmentTypeOf(fileName: string, bytes: Uint8Array): AttachmentType | null {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  let type: AttachmentType | null = null;
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) type = 'jpg';
  else if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) type = 'png';
  else if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) type = 'pdf';
  else if (startsWith(bytes, ZIP) && contains(bytes, 'word/')) type = 'docx';
  else if (startsWith(bytes, ZIP) && contains(bytes, 'xl/')) type = 'xlsx';
  if (type === null) return null;
  const agrees = type === 'jpg' ? ext === 'jpg' || ext === 'jpeg' : ext === type;
  return agrees ? type : null;
}

/**
 * An attachment is not larger than the configured size and of an allowed type by its content
 * (docs/organizational-life.md §4). `bytes` may be only the file's beginning when it was cut off at the limit.
 */
export function checkAttachment(
  file: { readonly fileName: string; readonly sizeBytes: number; readonly bytes: Uint8Array },
  maxMb: number,
): { readonly ok: true; readonly type: AttachmentType } | Denial<OrgLifeReason> {
  if (file.sizeBytes > maxMb * 1024 * 1024) {
    return deny('attachment_too_large', `附件不能超过${maxMb}MB`, { details: { maxMb } });
  }
  if (file.sizeBytes === 0) return deny('attachment_type_not_allowed', '附件是空文件');
  const type = attachmentTypeOf(file.fileName, file.bytes);
  if (type === null) {
    return deny(
      'attachment_type_not_allowed',
      '只能上传 jpg、png、pdf、docx、xlsx 格式的文件（按文件内容识别，扩展名须与内容一致）',
    );
  }
  return { ok: true, type };
}
