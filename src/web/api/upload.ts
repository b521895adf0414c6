import { apiErrorFromBody, networkError } from './api-error.ts';
import { type DataOf, notifyHandlers, type PathOf } from './client.ts';

/** Upload routes take no path parameters: the form is all there is. */
type UploadPath = Exclude<PathOf<'post'>, `${string}{${string}`>;

export type UploadProgress = { loaded: number; total: number };

function parseBody(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * POSTs a multipart form with upload progress (fetch cannot report it for a request body), answering the
 * JSON response or throwing an ApiError like every other request. `onUploaded` fires when the last byte
 * has left, so that the page can switch from a progress bar to “the server is checking…”.
 */
export function uploadForm<P extends UploadPath>(
  path: P,
  form: FormData,
  handlers: {
    onProgress?: (progress: UploadProgress) => void;
    onUploaded?: () => void;
    signal?: AbortSignal;
  } = {},
): Promise<DataOf<P, 'post'>> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.withCredentials = true;
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) handlers.onProgress?.({ loaded: event.loaded, total: event.total });
    };
    xhr.upload.onload = () => handlers.onUploaded?.();
    xhr.onload = () => {
      const body = parseBody(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) {
        // The answer as the API document declares it, trusted as the typed calls trust theirs.
        resolve(body as DataOf<P, 'post'>);
        return;
      }
      const error = apiErrorFromBody(xhr.status, body);
      notifyHandlers(error);
      reject(error);
    };
    xhr.onerror = () => reject(networkError());
    xhr.onabort = () => reject(new DOMException('上传已取消', 'AbortError'));
    handlers.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(form);
  });
}
