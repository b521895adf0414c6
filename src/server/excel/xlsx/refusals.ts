import { type ExceededLimit, limitExceeded, type UploadLimits } from '../../../domain/shared/index.ts';
import { AppError } from '../../errors.ts';

/** Whatever is wrong with an uploaded workbook is the uploader's to fix: 400, never 500. */
export const NOT_XLSX = '文件不是有效的 .xlsx 工作簿';

export function notXlsx(message = NOT_XLSX): AppError {
  return new AppError('invalid_input', message, { reason: 'not_xlsx' });
}

/** A file over one of the 导入限制: 400 with the rule's reason, and the limit and figure it names. */
export function overLimit(which: ExceededLimit, limits: UploadLimits): AppError {
  const decision = limitExceeded(which, limits);
  if (decision.ok) throw new Error('limitExceeded always denies');
  return new AppError('invalid_input', decision.message, { reason: decision.reason, ...decision.details });
}

/** Any failure while reading a file that is not already a refusal (zlib, XML syntax) means a broken file. */
export function asRefusal(error: unknown): AppError {
  return error instanceof AppError ? error : notXlsx();
}
