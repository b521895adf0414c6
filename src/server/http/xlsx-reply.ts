import { z } from '../../contracts/zod-zh.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** An .xlsx response in the API docs (documented only: Fastify sends a stream or buffer without serializing). */
export const XlsxFile = z.unknown().meta({ description: `.xlsx 文件（${XLSX_TYPE}）` });

/** An attachment with a UTF-8 file name (RFC 6266 / RFC 5987 `filename*`) and an ASCII fallback. */
export function attachmentDisposition(filename: string, asciiFallback: string): string {
  return `attachment; filename="${asciiFallback}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
