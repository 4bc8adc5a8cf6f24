import { CLEAN_PNG } from '../features/medicine/photo-fixtures.ts';
import type { Session } from './test-app.ts';

/** A multipart body with one file under the field "file". */
export function multipartFile(data: Uint8Array, name: string, type: string) {
  const boundary = '----linli-access-matrix';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), Buffer.from(data), Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
export const PNG_UPLOAD = () => multipartFile(CLEAN_PNG, 'photo.png', 'image/png');
export const ROSTER_CSV = '楼号,室号,姓名,性别,年龄,联系电话\n2,601,赵六,男,40,13600001111\n';
export const PARCEL_CSV = '运单号,楼号,室号,手机尾号\nSF0001,12,1203,5678\n';

export function withSession(
  session: Session | null,
  req: { payload?: unknown; headers?: Record<string, string> },
) {
  return {
    payload: req.payload as any,
    headers: {
      ...(req.headers ?? {}),
      ...(session ? { cookie: session.cookie } : {}),
      'x-csrf-token': session?.csrf ?? '1',
    },
  };
}
