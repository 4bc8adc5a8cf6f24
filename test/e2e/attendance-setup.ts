// A parcels shift starting in half an hour with volunteers signed up, made through the API as people
// would: the secretary creates it, three parcels volunteers take its three places and a fourth joins the
// waitlist. The demo has crewed today's parcel shifts, so those already on an overlapping one are passed by.
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
    post: async (path: string, data: unknown, allowed: string[] = []) => {
      const answer = await context.post(`${base}/${path}`, { headers, data });
      if (answer.ok()) return answer.json();
      const text = await answer.text();
      if (allowed.some((code) => text.includes(`"${code}"`))) return null;
      throw new Error(`${username} POST ${path}: ${answer.status()} ${text}`);
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
  let placed = 0;
  for (let n = 3; placed < 4 && n <= 80; n++) {
    const volunteer = await apiAs(baseUrl, `v${String(n).padStart(3, '0')}`);
    const signup = await volunteer.post(`shifts/${shift.id}/signups`, { waitlist: placed === 3 }, [
      'SHIFT_OVERLAP',
    ]);
    if (signup) placed++;
    await volunteer.dispose();
  }
  if (placed < 4) throw new Error('not enough parcels volunteers free for the shift on the day');
  return shift.id;
}
