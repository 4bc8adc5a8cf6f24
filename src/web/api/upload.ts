import type { z } from 'zod';
import { i18n } from '../i18n/index.ts';
import { ApiError, apiHeaders, errorFromBody } from './client.ts';

/**
 * POSTs one file as multipart/form-data. XMLHttpRequest rather than fetch because only it
 * reports upload progress, which matters for a 10 MB roster on a slow phone connection.
 */
export function uploadFile<S extends z.ZodType>(
  path: string,
  file: File,
  schema: S,
  onProgress: (percent: number) => void,
  signal?: AbortSignal,
): Promise<z.infer<S>> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.withCredentials = true;
    for (const [name, value] of Object.entries(apiHeaders('POST'))) xhr.setRequestHeader(name, value);
    xhr.responseType = 'text';
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', i18n.t('common.cannotReach')));
    xhr.onabort = () => reject(new ApiError(0, 'ABORTED', i18n.t('common.cancelled')));
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // An HTML error page from a proxy; errorFromBody words it by status.
      }
      if (xhr.status < 200 || xhr.status >= 300) {
        reject(errorFromBody(xhr.status, body));
        return;
      }
      const parsed = schema.safeParse(body);
      if (parsed.success) resolve(parsed.data);
      else reject(new ApiError(xhr.status, 'BAD_RESPONSE', i18n.t('common.badResponse')));
    };
    signal?.addEventListener('abort', () => xhr.abort());
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}
