import { call, type InitOf, type PathOf } from './client.ts';

/** The file name from `content-disposition`, preferring the RFC 5987 `filename*` (Chinese names). */
export function fileNameFrom(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(disposition);
  return plain?.[1]?.trim() || fallback;
}

/**
 * Downloads a file through fetch, so that an error (expired session, no permission) is shown as a message
 * instead of replacing the page with JSON. The path and its parameters are typed like every other call.
 */
export async function downloadFile<P extends PathOf<'get'>>(
  path: P,
  init: NonNullable<InitOf<P, 'get'>>,
  fallbackName: string,
): Promise<void> {
  const { data, response } = await call('GET', path, { ...init, parseAs: 'blob' });
  saveBlob(data, response, fallbackName);
}

/**
 * Downloads the file a POST answers (a workbook made by the request itself, such as the initial passwords of the
 * accounts it opened: there is nothing to GET again).
 */
export async function downloadPosted<P extends PathOf<'post'>>(
  path: P,
  init: NonNullable<InitOf<P, 'post'>>,
  fallbackName: string,
): Promise<void> {
  const { data, response } = await call('POST', path, { ...init, parseAs: 'blob' });
  saveBlob(data, response, fallbackName);
}

function saveBlob(data: unknown, response: Response, fallbackName: string): void {
  const url = URL.createObjectURL(data instanceof Blob ? data : new Blob([]));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileNameFrom(response.headers.get('content-disposition'), fallbackName);
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
