import type { FastifyRequest } from 'fastify';
import { ATTACHMENT_TYPES as ATTACHMENT_MIME, checkAttachment } from '../../../domain/org-life/index.ts';
import { invalidInput, ruleViolation } from '../../errors.ts';
import { getOrgLifeSettings } from '../settings/index.ts';

/** A file as received: its name, its bytes, and its type as its content shows it. */
export type ReceivedAttachment = {
  readonly fileName: string;
  readonly bytes: Buffer;
  readonly mimeType: string;
};

const isTooLarge = (error: unknown) => (error as { code?: string })?.code === 'FST_REQ_FILE_TOO_LARGE';

/**
 * Receives the `file` part of a multipart upload into memory, never past the configured size (the rest is
 * discarded and the upload refused), and checks its type by its first bytes (docs/organizational-life.md §4).
 */
export async function receiveAttachment(request: FastifyRequest): Promise<ReceivedAttachment> {
  const { maxAttachmentMb } = await getOrgLifeSettings(request.ctx.db);
  const maxBytes = maxAttachmentMb * 1024 * 1024;
  const refuse = () =>
    invalidInput('请以 multipart/form-data 上传附件', [{ path: ['body', 'file'], message: '请选择文件' }]);
  if (!request.isMultipart()) throw refuse();
  const part = await request.file({ limits: { fileSize: maxBytes, files: 1 } });
  if (part?.fieldname !== 'file') throw refuse();
  let bytes: Buffer;
  try {
    bytes = await part.toBuffer();
  } catch (error) {
    if (!isTooLarge(error)) throw error;
    bytes = Buffer.alloc(0);
    const decision = checkAttachment(
      { fileName: part.filename, sizeBytes: maxBytes + 1, bytes },
      maxAttachmentMb,
    );
    if (!decision.ok) throw ruleViolation(decision);
  }
  const fileName = (part.filename || 'attachment').slice(0, 200);
  const decision = checkAttachment({ fileName, sizeBytes: bytes.byteLength, bytes }, maxAttachmentMb);
  if (!decision.ok) throw ruleViolation(decision);
  return { fileName, bytes, mimeType: ATTACHMENT_MIME[decision.type] };
}
