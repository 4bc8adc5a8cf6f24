// A parcels shift starting in half an hour with volunteers signed up, made through the API as people
// would: the secretary creates it, v002–v004 take its three places, v005 joins the waitlist.
import { request } from 'playwright-core';

export const ON_THE_DAY_SHIFT = '楼道分拣（测试）';

async function apiAs(baseUrl: string, username: string) {
  const context = await request.newContext({ baseURL: baseUrl });
  const res = await context.post('/api/session', {
    headers: { 'x-csrf-token': '1' },
    data: { username, password: 'linli-demo' },
  });
  const { session } = await res.json();
  const base = `/api/communities/${session.memberships[0].communityId}`;
  const headers = { 'x-csrf-token': session.csrfToken };
  return {
    get: async (path: string) => (await context.get(`${base}/${path}`)).json(),
    post: async (path: string, data: unknown) => {
      const answer = await context.post(`${base}/${path}`, { headers, data });
      if (!answer.ok())
        throw new Error(`${username} POST ${path}: ${answer.status()} ${await answer.text()}`);
      return answer.json();
    },
    dispose: () => context.dispose(),
  };
}

export async function prepareShiftOnTheDay(baseUrl: string): Promise<string> {
  const secretary = await apiAs(baseUrl, 'secretary');
  const groups: { id: string; key: string }[] = (await secretary.get('groups')).items;
  const parcels = groups.find((g) => g.key === 'parcels')!.id;
  const now = Date.now();
  const at = (minutes: number) => new Date(now + minutes * 60_000).toISOString();
  const shift = await secretary.post('shifts', {
    groupId: parcels,
    title: ON_THE_DAY_SHIFT,
    capacity: 3,
    startsAt: at(30),
    endsAt: at(210),
    signupOpensAt: at(-1),
    signupClosesAt: at(30),
    cancelCutoffMinutes: 0,
  });
  await secretary.dispose();
  for (const [username, waitlist] of [
    ['v002', false],
    ['v003', false],
    ['v004', false],
    ['v005', true],
  ] as const) {
    const volunteer = await apiAs(baseUrl, username);
    await volunteer.post(`shifts/${shift.id}/signups`, { waitlist });
    await volunteer.dispose();
  }
  return shift.id;
}
