// The operation classes of a compound's mixed day, as bench/load.ts replays them through HTTP: who sends
// them, what they send, and their share of the traffic.
import type autocannon from 'autocannon';

export interface Caller {
  cookie: string;
  csrf: string;
}

export interface DemoWorld {
  communityId: string;
  residents: Caller[];
  scanners: Caller[];
  volunteers: Caller[];
  leaders: Caller[];
  /** committee members watching the dashboard */
  committee: Caller[];
  buildingIds: string[];
  shiftIds: string[];
}

export interface OperationClass {
  name: string;
  /** share of the mixed traffic */
  weight: number;
  callers: (w: DemoWorld) => Caller[];
  requests: (w: DemoWorld) => autocannon.Request[];
}

// Each connection acts as one caller, chosen round-robin when it sends its first request.
type Context = { caller?: Caller };
let serial = 0;

const asCaller =
  (callers: Caller[], body?: (ctx: Context) => unknown) =>
  (req: autocannon.Request, ctx: Context): autocannon.Request => {
    ctx.caller ??= callers[serial++ % callers.length]!;
    const headers: Record<string, string> = { cookie: ctx.caller.cookie };
    if (req.method !== 'GET') headers['x-csrf-token'] = ctx.caller.csrf;
    if (!body) return { ...req, headers };
    return {
      ...req,
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify(body(ctx)),
    };
  };

const api = (w: DemoWorld, path: string) => `/api/communities/${w.communityId}${path}`;

export const OPERATION_CLASSES: OperationClass[] = [
  {
    // Residents on their phones: their parcels, the bell, the notices.
    name: 'resident reads',
    weight: 0.5,
    callers: (w) => w.residents,
    requests: (w) =>
      ['/my-parcels', '/notifications', '/announcements'].map((p) => ({
        method: 'GET',
        path: api(w, p),
        setupRequest: asCaller(w.residents) as never,
      })),
  },
  {
    // The gate: each scan records one parcel for a building.
    name: 'parcel scans',
    weight: 0.2,
    callers: (w) => w.scanners,
    requests: (w) => [
      {
        method: 'POST',
        path: api(w, '/parcels'),
        setupRequest: asCaller(w.scanners, () => {
          const n = serial++;
          return {
            parcels: [
              {
                waybill: `LB${process.pid}${String(n).padStart(9, '0')}`,
                buildingId: w.buildingIds[n % w.buildingIds.length],
                source: 'scan',
              },
            ],
          };
        }) as never,
      },
    ],
  },
  {
    // Shifts "sold out in seconds": volunteers list the shifts and try for a place; most tries are refused.
    name: 'shift sign-ups',
    weight: 0.2,
    callers: (w) => w.volunteers,
    requests: (w) => [
      { method: 'GET', path: api(w, '/shifts'), setupRequest: asCaller(w.volunteers) as never },
      ...w.shiftIds.map((id) => ({
        method: 'POST' as const,
        path: api(w, `/shifts/${id}/signups`),
        setupRequest: asCaller(w.volunteers, () => ({})) as never,
      })),
    ],
  },
  {
    // The committee room's dashboard (leaders may not see it).
    name: 'dashboard',
    weight: 0.05,
    callers: (w) => w.committee,
    requests: (w) => [
      { method: 'GET', path: api(w, '/dashboard'), setupRequest: asCaller(w.committee) as never },
    ],
  },
  {
    // Leaders planning: the clearance board and the run planning.
    name: 'leader planning',
    weight: 0.05,
    callers: (w) => w.leaders,
    requests: (w) =>
      ['/parcel-board', '/delivery-planning'].map((p) => ({
        method: 'GET',
        path: api(w, p),
        setupRequest: asCaller(w.leaders) as never,
      })),
  },
];
