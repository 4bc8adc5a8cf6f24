import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WebhookMessage } from '../platform/webhook-channel.ts';
import { webhookSignature } from '../platform/webhook-channel.ts';

export interface ReceivedCall {
  idempotencyKey: string;
  signature: string;
  timestamp: string;
  rawBody: string;
  body: WebhookMessage;
}

export type ReceiverMode =
  /** answer 503 to the first `failures` calls from now on, then 200 */
  | { failFirst: number }
  /** read the request and never answer */
  | 'hang'
  | 'ok';

/**
 * A stand-in for the district's SMS / WeChat gateway on 127.0.0.1: records every call, and answers
 * as told. Like a real gateway it de-duplicates by Idempotency-Key (`uniqueMessages`).
 */
export async function startGatewayReceiver() {
  const calls: ReceivedCall[] = [];
  let mode: ReceiverMode = 'ok';
  let failuresLeft = 0;
  /** requests left hanging whose connection the sender then closed */
  let cutOff = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      calls.push({
        idempotencyKey: String(req.headers['idempotency-key'] ?? ''),
        signature: String(req.headers['x-linli-signature'] ?? ''),
        timestamp: String(req.headers['x-linli-timestamp'] ?? ''),
        rawBody,
        body: JSON.parse(rawBody),
      });
      if (mode === 'hang') {
        res.on('close', () => cutOff++);
        return;
      }
      if (failuresLeft > 0) {
        failuresLeft--;
        res.writeHead(503, 'Service Unavailable').end('busy');
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"accepted":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/linli/notices`,
    calls,
    cutOff: () => cutOff,
    answer(next: ReceiverMode) {
      mode = next;
      failuresLeft = typeof next === 'object' ? next.failFirst : 0;
    },
    /** Each message once, as a gateway that honours Idempotency-Key would send it. */
    uniqueMessages: () => [...new Map(calls.map((c) => [c.idempotencyKey, c.body])).values()],
    signedWith: (secret: string, call: ReceivedCall) =>
      call.signature === webhookSignature(secret, call.rawBody),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type GatewayReceiver = Awaited<ReturnType<typeof startGatewayReceiver>>;
