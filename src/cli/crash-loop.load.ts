import type { Session } from '../server/test-support/test-app.ts';
import type { CrashScene } from './crash-loop.scene.ts';

/** mulberry32: a small seeded PRNG, so that a failing run can be replayed from its logged seed. */
export function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What the servers answered 2xx to: the client was told it happened, so it must be in the database. */
export interface Acks {
  signups: { volunteerId: string; shiftId: string; signupId: string }[];
  parcels: { waybill: string; parcelId: string }[];
  tubes: Set<string>;
  samples: { residentId: string; sampleId: string; tubeId: string }[];
  orders: { householdId: string; orderId: string; rice: number }[];
  approvals: string[];
  /** answers of any kind, to time the kills by */
  answers: number;
  /** refusal codes by operation, and anything no operation should answer */
  refusals: Map<string, Map<string, number>>;
  surprises: string[];
}

export const newAcks = (): Acks => ({
  signups: [],
  parcels: [],
  tubes: new Set(),
  samples: [],
  orders: [],
  approvals: [],
  answers: 0,
  refusals: new Map(),
  surprises: [],
});

interface Step {
  op: string;
  send(base: string): Promise<Response>;
  /** the answer arrived whole; `ok` for 2xx */
  settle(body: Record<string, unknown>): void;
}
export interface Stream {
  peek(): Step | undefined;
  advance(): void;
  /** a stream whose requests depend on each other cannot go on past a refusal */
  stop?(): void;
}

function post(
  base: string,
  session: Session,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
) {
  return fetch(`${base}${path}`, {
    method: 'POST',
    headers: {
      cookie: session.cookie,
      'x-csrf-token': session.csrf,
      'content-type': 'application/json',
      ...headers,
    },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(60_000),
  });
}

const listStream = (steps: Step[]): Stream => {
  let i = 0;
  return { peek: () => steps[i], advance: () => void i++ };
};

/**
 * One swabbing lane: opens a tube, scans residents into it until it is full, opens the next. Every
 * action carries its clientKey, so a scan re-sent after a crash gets the first answer, whatever it was.
 */
function laneStream(scene: CrashScene, lane: number, residents: { id: string; code: string }[], acks: Acks) {
  const { a, testing } = scene;
  const session = testing.lanes[lane]!;
  const base = `/api/communities/${a}/testing-rounds/${testing.round}/tubes`;
  let tube: string | null = null;
  let tubeNo = 0;
  let next = 0;
  const open: Step = {
    op: 'openTube',
    send: (url) =>
      post(url, session, base, {
        barcode: `CL${lane}T${tubeNo}`,
        gateId: testing.gateId,
        lane: lane + 1,
        clientKey: `tube-${lane}-${tubeNo}`,
      }),
    settle: (body) => {
      tube = body.id as string;
      acks.tubes.add(tube);
    },
  };
  const swab: Step = {
    op: 'recordSample',
    send: (url) =>
      post(url, session, `${base}/${tube}/samples`, {
        code: residents[next]!.code,
        clientKey: `swab-${residents[next]!.id}`,
      }),
    settle: (body) => {
      acks.samples.push({
        residentId: residents[next]!.id,
        sampleId: body.sampleId as string,
        tubeId: tube!,
      });
      next++;
      if (body.tubeFull) {
        tube = null;
        tubeNo++;
      }
    },
  };
  return {
    peek: () => (next >= residents.length ? undefined : tube ? swab : open),
    // settle moves the lane on; a refusal stops it (it is a surprise, and the same request would be refused again)
    advance: () => {},
    stop: () => {
      next = residents.length;
    },
  };
}

/** The whole stampede, as independent streams of requests; each stream sends one request at a time. */
export function buildStreams(scene: CrashScene, random: () => number, acks: Acks, workers: number) {
  const { a } = scene;
  const steps: Step[] = [];
  for (const signer of scene.signers)
    for (const shift of scene.shifts)
      steps.push({
        op: 'signUpForShift',
        send: (url) =>
          post(
            url,
            signer.session,
            `/api/communities/${a}/shifts/${shift.id}/signups`,
            {},
            {
              'idempotency-key': `su-${signer.volunteerId}-${shift.id}`,
            },
          ),
        settle: (body) =>
          acks.signups.push({
            volunteerId: signer.volunteerId,
            shiftId: shift.id,
            signupId: body.id as string,
          }),
      });
  for (let i = 0; i < scene.gate.parcels; i++) {
    const waybill = `CRASH${String(i).padStart(6, '0')}`;
    steps.push({
      op: 'receiveParcels',
      send: (url) =>
        post(url, scene.gate.staff[i % scene.gate.staff.length]!, `/api/communities/${a}/parcels`, {
          parcels: [{ waybill, buildingId: scene.gate.buildingId, room: '1203', source: 'scan' }],
        }),
      settle: (body) => acks.parcels.push({ waybill, parcelId: (body.parcels as { id: string }[])[0]!.id }),
    });
  }
  const gb = scene.groupBuy;
  for (const [i, buyer] of gb.buyers.entries()) {
    const rice = 1 + Math.floor(random() * 3);
    steps.push({
      op: 'placeOrder',
      send: (url) =>
        post(url, buyer.session, `/api/communities/${a}/group-buys/${gb.id}/orders`, {
          lines: [
            { itemId: gb.rice, quantity: rice },
            { itemId: gb.milk, quantity: 1 },
          ],
          clientKey: `order-${i}-${buyer.householdId.slice(0, 8)}`,
        }),
      settle: (body) =>
        acks.orders.push({ householdId: buyer.householdId, orderId: body.id as string, rice }),
    });
  }
  for (const volunteerId of scene.pending)
    steps.push({
      op: 'approveVolunteers',
      send: (url) =>
        post(url, scene.coordinator, `/api/communities/${a}/volunteers/decisions`, {
          volunteerIds: [volunteerId],
          decision: 'approve',
          groupIds: [],
        }),
      settle: () => acks.approvals.push(volunteerId),
    });
  // Fisher–Yates with the seeded PRNG: the same seed sends the same requests in the same order.
  for (let i = steps.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [steps[i], steps[j]] = [steps[j]!, steps[i]!];
  }
  const streams = Array.from({ length: workers }, (_, w) =>
    listStream(steps.filter((_, i) => i % workers === w)),
  );
  const lanes = scene.testing.lanes.length;
  for (let lane = 0; lane < lanes; lane++)
    streams.push(
      laneStream(
        scene,
        lane,
        scene.testing.people.filter((_, i) => i % lanes === lane),
        acks,
      ),
    );
  // the lanes' requests: a scan per resident and a tube per `pooling` of them (10 in the scene's round)
  const people = scene.testing.people.length;
  return { streams, total: steps.length + people + Math.ceil(people / 10) };
}

/**
 * Sends a stream's requests in order until it ends or the server goes away (the request is then
 * sent again, unchanged, to the next server). A refusal is an answer too: it is counted, and the
 * stream moves on. Only a cut connection leaves a request to send again.
 */
export async function runStream(base: string, stream: Stream, acks: Acks) {
  for (let step = stream.peek(); step; step = stream.peek()) {
    let status: number;
    let body: Record<string, unknown>;
    try {
      const res = await step.send(base);
      status = res.status;
      body = (await res.json()) as Record<string, unknown>;
    } catch {
      return 'cut' as const;
    }
    acks.answers++;
    if (status >= 200 && status < 300) step.settle(body);
    else {
      const code = String((body.error as { code?: string } | undefined)?.code ?? status);
      const byOp = acks.refusals.get(step.op) ?? new Map<string, number>();
      byOp.set(code, (byOp.get(code) ?? 0) + 1);
      acks.refusals.set(step.op, byOp);
      if (status >= 500 || stream.stop) {
        acks.surprises.push(`${step.op}: ${status} ${JSON.stringify(body)}`);
        stream.stop?.();
      }
    }
    stream.advance();
  }
  return 'done' as const;
}
