import { apiErrorFromBody, networkError } from './api-error.ts';
import { notifyHandlers } from './client.ts';

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
export function uploadForm<T>(
  path: string,
  form: FormData,
  handlers: {
    onProgress?: (progress: UploadProgress) => void;
    onUploaded?: () => void;
    signal?: AbortSignal;
  } = {},
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
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
        resolve(body as T);
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
