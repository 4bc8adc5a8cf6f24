import { describe, expect, it } from 'vitest';
import { readDeliveryError } from './delivery-error.ts';

describe('reading why a notice could not be delivered', () => {
  it('recognises what the worker and the webhook channel write', () => {
    expect(readDeliveryError('the gateway answered 502 Bad Gateway')).toEqual({
      key: 'status',
      status: '502',
      text: 'Bad Gateway',
    });
    expect(readDeliveryError('the gateway answered 418')).toEqual({ key: 'status', status: '418', text: '' });
    expect(readDeliveryError('no answer within 10000 ms')).toEqual({ key: 'timeout', ms: '10000' });
    expect(readDeliveryError('no answer from the gateway (ECONNREFUSED)')).toEqual({
      key: 'noAnswer',
      why: 'ECONNREFUSED',
    });
    expect(readDeliveryError('the SMS / WeChat gateway is switched off')).toEqual({ key: 'off' });
    expect(readDeliveryError('the community has no SMS / WeChat gateway')).toEqual({ key: 'none' });
  });

  it('passes anything else through as it is', () => {
    expect(readDeliveryError('disk full')).toEqual({ key: 'other', text: 'disk full' });
  });
});
