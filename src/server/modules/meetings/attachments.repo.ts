import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { meetingAttachments } from '../../db/tables/meetings.ts';

const listed = {
  id: meetingAttachments.id,
  meetingId: meetingAttachments.meetingId,
  fileName: meetingAttachments.fileName,
  mimeType: meetingAttachments.mimeType,
  sizeBytes: meetingAttachments.sizeBytes,
  sha256: meetingAttachments.sha256,
  uploadedAt: meetingAttachments.uploadedAt,
};

export type AttachmentInfo = {
  readonly id: number;
  readonly meetingId: number;
  readonly fileName: string;
  readonly mimeType: string;
  readonly sizeBytes: number;
  readonly sha256: string;
  readonly uploadedAt: Date;
};

export async function listAttachmentRows(db: Db, meetingId: number): Promise<AttachmentInfo[]> {
  return db
    .select(listed)
    .from(meetingAttachments)
    .where(eq(meetingAttachments.meetingId, meetingId))
    .orderBy(asc(meetingAttachments.id));
}

export async function findAttachmentInfo(
  db: Db,
  meetingId: number,
  id: number,
): Promise<AttachmentInfo | undefined> {
  const [row] = await db
    .select(listed)
    .from(meetingAttachments)
    .where(and(eq(meetingAttachments.meetingId, meetingId), eq(meetingAttachments.id, id)));
  return row;
}

export async function findAttachmentContent(db: Db, meetingId: number, id: number) {
  const [row] = await db
    .select({ ...listed, content: meetingAttachments.content })
    .from(meetingAttachments)
    .where(and(eq(meetingAttachments.meetingId, meetingId), eq(meetingAttachments.id, id)));
  return row;
}

export async function insertAttachment(
  db: Db,
  values: typeof meetingAttachments.$inferInsert,
): Promise<AttachmentInfo> {
  const [row] = await db.insert(meetingAttachments).values(values).returning(listed);
  return row as AttachmentInfo;
}

export async function deleteAttachmentRow(db: Db, meetingId: number, id: number): Promise<void> {
  await db
    .delete(meetingAttachments)
    .where(and(eq(meetingAttachments.meetingId, meetingId), eq(meetingAttachments.id, id)));
}
