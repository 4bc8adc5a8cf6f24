import type { TFunction } from 'i18next';

/**
 * The worker records why a delivery failed in plain English (webhook-channel.ts, notice-worker.ts);
 * staff read it in their own language. Known shapes are translated, anything else shown as it is.
 */
export type DeliveryError =
  | { key: 'status'; status: string; text: string }
  | { key: 'timeout'; ms: string }
  | { key: 'noAnswer'; why: string }
  | { key: 'off' }
  | { key: 'none' }
  | { key: 'noAccount' }
  | { key: 'other'; text: string };

export function readDeliveryError(error: string): DeliveryError {
  let m = /^the gateway answered (\d{3})\s*(.*)$/.exec(error);
  if (m) return { key: 'status', status: m[1]!, text: m[2]! };
  m = /^no answer within (\d+) ms$/.exec(error);
  if (m) return { key: 'timeout', ms: m[1]! };
  m = /^no answer from the gateway \((.*)\)$/.exec(error);
  if (m) return { key: 'noAnswer', why: m[1]! };
  if (error === 'no answer in time') return { key: 'timeout', ms: '' };
  if (error === 'the SMS / WeChat gateway is switched off') return { key: 'off' };
  if (error === 'the community has no SMS / WeChat gateway') return { key: 'none' };
  if (error === 'the recipient account no longer exists') return { key: 'noAccount' };
  return { key: 'other', text: error };
}

/** The reason in the reader's language. */
export function describeDeliveryError(t: TFunction, error: string): string {
  const read = readDeliveryError(error);
  switch (read.key) {
    case 'status':
      return t('noticeAdmin.errors.status', { status: read.status, text: read.text }).trim();
    case 'timeout':
      return read.ms
        ? t('noticeAdmin.errors.timeout', { seconds: Math.round(Number(read.ms) / 1000) })
        : t('noticeAdmin.errors.timeoutShort');
    case 'noAnswer':
      return t('noticeAdmin.errors.noAnswer', { why: read.why });
    case 'other':
      return read.text;
    default:
      return t(`noticeAdmin.errors.${read.key}`);
  }
}
