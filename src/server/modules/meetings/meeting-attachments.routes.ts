import { IdParams, OkBody } from '../../../contracts/common.ts';
import { AttachmentParams, AttachmentView } from '../../../contracts/meetings.ts';
import { z } from '../../../contracts/zod-zh.ts';
import { type App, errorResponses } from '../../http/app-types.ts';
import { attachmentDisposition } from '../../http/xlsx-reply.ts';
import { receiveAttachment } from './attachment-upload.ts';
import {
  addAttachment,
  getAttachmentFile,
  listAttachments,
  prepareAttachment,
  removeAttachment,
} from './attachments.service.ts';

const tags = ['组织生活'];

/** The file itself (documented only: sent as a buffer, without serializing). */
const AttachmentFile = z.unknown().meta({ description: '附件文件（jpg、png、pdf、docx、xlsx）' });

/** Photos and files of a meeting: upload (type by content, size by setting), list, download, remove. */
export function registerAttachmentRoutes(app: App): void {
  app.post(
    '/api/meetings/:id/attachments',
    {
      schema: {
        tags,
        summary: '上传会议附件（multipart：file；jpg、png、pdf、docx、xlsx，大小见参数）',
        consumes: ['multipart/form-data'],
        params: IdParams,
        response: { 200: AttachmentView, ...errorResponses },
      },
    },
    async (request) => {
      await prepareAttachment(request.ctx, request.params);
      const file = await receiveAttachment(request);
      return addAttachment(request.ctx, { ...request.params, file });
    },
  );
  app.get(
    '/api/meetings/:id/attachments',
    {
      schema: {
        tags,
        summary: '会议附件列表',
        params: IdParams,
        response: { 200: AttachmentView.array(), ...errorResponses },
      },
    },
    async (request) => listAttachments(request.ctx, request.params),
  );
  app.get(
    '/api/meetings/:id/attachments/:attachmentId',
    {
      schema: {
        tags,
        summary: '下载会议附件',
        params: AttachmentParams,
        response: { 200: AttachmentFile, ...errorResponses },
      },
    },
    async (request, reply) => {
      const file = await getAttachmentFile(request.ctx, request.params);
      reply.header('content-type', file.mimeType);
      reply.header('content-disposition', attachmentDisposition(file.fileName, 'attachment'));
      reply.header('x-content-type-options', 'nosniff');
      return reply.send(Buffer.from(file.content));
    },
  );
  app.delete(
    '/api/meetings/:id/attachments/:attachmentId',
    {
      schema: {
        tags,
        summary: '删除会议附件（办结前）',
        params: AttachmentParams,
        response: { 200: OkBody, ...errorResponses },
      },
    },
    async (request) => {
      await removeAttachment(request.ctx, request.params);
      return { ok: true as const };
    },
  );
}
