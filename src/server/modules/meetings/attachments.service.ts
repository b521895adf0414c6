import { createHash } from 'node:crypto';
import { checkEditable } from '../../../domain/org-life/index.ts';
import { found } from '../../access/index.ts';
import { recordAudit } from '../../audit/audit.ts';
import { type Ctx, inTransaction } from '../../context.ts';
import { enforce } from '../../errors.ts';
import type { ReceivedAttachment } from './attachment-upload.ts';
import {
  type AttachmentInfo,
  deleteAttachmentRow,
  findAttachmentContent,
  findAttachmentInfo,
  insertAttachment,
  listAttachmentRows,
} from './attachments.repo.ts';
import { meetingForChange, readableMeeting } from './meeting-load.ts';

const WHAT = '附件';

const view = (a: AttachmentInfo) => ({ ...a, uploadedAt: a.uploadedAt.toISOString() });

/** Before the upload is read: the actor may change this meeting, and it is not closed (403, 404, 422). */
export async function prepareAttachment(ctx: Ctx, input: { id: number }): Promise<void> {
  const { m } = await meetingForChange(ctx, input.id);
  enforce(checkEditable(m.status));
}

/** Stores a checked file with a meeting not closed (docs/organizational-life.md §4). Audited. */
export async function addAttachment(ctx: Ctx, input: { id: number; file: ReceivedAttachment }) {
  return inTransaction(ctx, async (tx) => {
    const { m, role } = await meetingForChange(tx, input.id);
    enforce(checkEditable(m.status));
    const { file } = input;
    const sha256 = createHash('sha256').update(file.bytes).digest('hex');
    const saved = await insertAttachment(tx.db, {
      meetingId: m.id,
      fileName: file.fileName,
      mimeType: file.mimeType,
      sizeBytes: file.bytes.byteLength,
      sha256,
      content: new Uint8Array(file.bytes),
      uploadedBy: tx.audit.actorId,
    });
    await recordAudit(tx, {
      action: 'meeting.attachment_add',
      entityType: 'meeting',
      entityId: m.id,
      orgId: m.orgId,
      role,
      after: { attachmentId: saved.id, fileName: saved.fileName, sizeBytes: saved.sizeBytes, sha256 },
    });
    return view(saved);
  });
}

export async function listAttachments(ctx: Ctx, input: { id: number }) {
  const m = await readableMeeting(ctx, input.id);
  return (await listAttachmentRows(ctx.db, m.id)).map(view);
}

export async function getAttachmentFile(ctx: Ctx, input: { id: number; attachmentId: number }) {
  const m = await readableMeeting(ctx, input.id);
  return found(await findAttachmentContent(ctx.db, m.id, input.attachmentId), WHAT);
}

/** Removes an attachment of a meeting not closed. Audited. */
export async function removeAttachment(ctx: Ctx, input: { id: number; attachmentId: number }) {
  await inTransaction(ctx, async (tx) => {
    const { m, role } = await meetingForChange(tx, input.id);
    const a = found(await findAttachmentInfo(tx.db, m.id, input.attachmentId), WHAT);
    enforce(checkEditable(m.status));
    await deleteAttachmentRow(tx.db, m.id, a.id);
    await recordAudit(tx, {
      action: 'meeting.attachment_remove',
      entityType: 'meeting',
      entityId: m.id,
      orgId: m.orgId,
      role,
      before: { attachmentId: a.id, fileName: a.fileName, sizeBytes: a.sizeBytes, sha256: a.sha256 },
    });
  });
}
