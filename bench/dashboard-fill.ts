// Bulk data for bench/dashboard.ts: a compound as one SQL script of set-based inserts (generate_series),
// not through HTTP: the registry, volunteers and groups, `days` days of parcels, testing rounds with
// their samples, medicine requests, group buys with orders and drops, shifts with attendance,
// disinfection rounds and relay tasks, all timed relative to now() in Asia/Shanghai.
import { randomUUID } from 'node:crypto';

export interface CompoundSize {
  buildings: number;
  householdsPerBuilding: number;
  days: number;
  parcelsPerDay: number;
  rounds: number;
  medicinePerDay: number;
  groupBuys: number;
  ordersPerGroupBuy: number;
  volunteers: number;
}

/** The story's compound (歌林春天): 125 buildings, ~2,250 households, ~6,000 residents, 280 volunteers. */
export const STORY: CompoundSize = {
  buildings: 125,
  householdsPerBuilding: 18,
  days: 30,
  parcelsPerDay: 2300,
  rounds: 16,
  medicinePerDay: 20,
  groupBuys: 20,
  ordersPerGroupBuy: 300,
  volunteers: 280,
};

/** One of the street's other compounds: a smaller registry and a day's worth of everything. */
export const NEIGHBOUR: CompoundSize = {
  buildings: 40,
  householdsPerBuilding: 18,
  days: 1,
  parcelsPerDay: 2300,
  rounds: 1,
  medicinePerDay: 20,
  groupBuys: 2,
  ordersPerGroupBuy: 150,
  volunteers: 120,
};

const TZ = 'Asia/Shanghai';

/** The SQL that fills one compound; `c` is its id, `slug` makes its account names unique. */
export function compoundScript(c: string, slug: string, name: string, n: CompoundSize, index: number) {
  const local = (at: string) => `((${at}) at time zone '${TZ}')`;
  const numbered = (table: string, order = 'id', columns = 'id') =>
    `select ${columns}, (row_number() over (order by ${order}) - 1)::int as k from ${table} where community_id = '${c}'`;
  return `
insert into communities (id, slug, name, latitude, longitude, street)
  values ('${c}', '${slug}', '${name}', ${31.2 + (index % 7) * 0.01}, ${121.4 + Math.floor(index / 7) * 0.01}, '长风街道');
insert into gates (community_id, code, name, x, y) values ('${c}', 'east', '东门', 200, 50), ('${c}', 'west', '西门', 0, 50);
insert into zones (community_id, code, name, gate_id)
  select '${c}', g.code, g.name || '区', g.id from gates g where g.community_id = '${c}';
insert into volunteer_groups (community_id, key, name, sort) values
  ('${c}', 'parcels', '快递组', 0), ('${c}', 'testing', '核酸组', 1), ('${c}', 'medicine', '配药组', 2),
  ('${c}', 'group_buying', '团购组', 3), ('${c}', 'disinfection', '消杀组', 4), ('${c}', 'publicity', '宣传组', 5);
insert into buildings (community_id, code, zone_id, x, y)
  select '${c}', i::text, (select id from zones where community_id = '${c}' and code = case when i % 2 = 0 then 'east' else 'west' end),
    (i % 12) * 15, (i / 12) * 20
  from generate_series(1, ${n.buildings}) i;
insert into households (community_id, building_id, room, size)
  select '${c}', b.id, ((h - 1) / 2 + 1) * 100 + (h - 1) % 2 + 1, 3
  from buildings b cross join generate_series(1, ${n.householdsPerBuilding}) h where b.community_id = '${c}';
insert into residents (community_id, household_id, name, birth_year, flags)
  select '${c}', h.id, '居民' || p, 1940 + abs(hashtext(h.id::text || p)) % 70,
    case when abs(hashtext(h.id::text || p)) % 12 = 0 then array['elderly_alone'] else array[]::text[] end
  from households h cross join lateral generate_series(1, case when abs(hashtext(h.id::text)) % 3 = 0 then 2 else 3 end) p
  where h.community_id = '${c}';

-- people: 8 staff, volunteers in six groups (a few still pending)
insert into accounts (username, display_name, password_hash)
  select '${slug}-staff' || i, '社工' || i, 'x' from generate_series(1, 8) i;
insert into memberships (community_id, account_id, role, title)
  select '${c}', a.id, 'staff', case when a.username like '%staff1' or a.username like '%staff2' then '居委干部' else '社工' end
  from accounts a where a.username like '${slug}-staff%';
insert into accounts (username, display_name, password_hash)
  select '${slug}-v' || i, '志愿者' || i, 'x' from generate_series(1, ${n.volunteers}) i;
insert into volunteers (community_id, account_id, status, approved_at)
  select '${c}', a.id, case when a.username like '%-v1_' then 'pending' else 'approved' end, now() - interval '20 days'
  from accounts a where a.username like '${slug}-v%';
insert into memberships (community_id, account_id, role)
  select '${c}', v.account_id, 'volunteer' from volunteers v where v.community_id = '${c}';
insert into group_members (community_id, group_id, volunteer_id, is_leader)
  select '${c}', g.id, v.id, v.k < 6
  from (${numbered('volunteers')}) v join (${numbered('volunteer_groups', 'sort')}) g on g.k = v.k % 6;

-- parcels: ${n.parcelsPerDay} a day; earlier days cleared but a few, today's in every state
insert into parcels (community_id, building_id, status, source, day, received_at, delivered_at, picked_up_at)
  select '${c}', b.id, s.status, 'batch', ${local('s.at')}::date, s.at,
    case when s.status in ('delivered', 'picked_up') then least(s.at + interval '2 hours', now()) end,
    case when s.status = 'picked_up' then least(s.at + interval '5 hours', now()) end
  from (
    select d, i, now() - d * interval '1 day' - (i % 600) * interval '1 minute' as at,
      case when d > 0 then (case when i % 100 < 92 then 'picked_up' when i % 100 < 99 then 'delivered' else 'waiting' end)
        else (case when i % 100 < 35 then 'waiting' when i % 100 < 45 then 'on_run' when i % 100 < 75 then 'delivered' else 'picked_up' end) end as status
    from generate_series(0, ${n.days - 1}) d cross join generate_series(1, ${n.parcelsPerDay}) i
  ) s join (${numbered('buildings')}) b on b.k = s.i % ${n.buildings};

-- testing: rounds spread over the days, the latest running for 90 minutes; samples in a tube per building
insert into testing_rounds (community_id, title, starts_at, status, lanes, created_at, started_at, finished_at)
  select '${c}', '第' || r || '轮核酸', st, case when r = ${n.rounds} then 'running' else 'finished' end, 6, st - interval '1 day', st,
    case when r < ${n.rounds} then st + interval '3 hours' end
  from (select r, now() - interval '90 minutes' - (${n.rounds} - r) * interval '${Math.max(1, Math.floor((n.days * 24) / n.rounds))} hours' as st
        from generate_series(1, ${n.rounds}) r) x;
insert into testing_round_gates (community_id, round_id, gate_id, lanes, crowd_limit, queue, queue_at)
  select '${c}', r.id, g.id, 3, 60, case when r.status = 'running' then 25 else 0 end, r.started_at
  from testing_rounds r cross join gates g where r.community_id = '${c}' and g.community_id = '${c}';
insert into testing_tubes (community_id, round_id, barcode, gate_id, lane, capacity, samples, opened_at)
  select '${c}', r.id, '${slug}-' || r.id || '-' || b.code, z.gate_id, 1, 1000, 0, r.started_at
  from testing_rounds r cross join buildings b join zones z on z.community_id = b.community_id and z.id = b.zone_id
  where r.community_id = '${c}' and b.community_id = '${c}';
insert into testing_samples (community_id, round_id, tube_id, resident_id, place, sampled_at)
  select '${c}', r.id, t.id, p.id, 'lane', r.started_at + (abs(hashtext(p.id::text || r.id)) % 5400) * interval '1 second'
  from testing_rounds r
  join residents p on p.community_id = r.community_id
  join households h on h.community_id = p.community_id and h.id = p.household_id
  join buildings b on b.community_id = h.community_id and b.id = h.building_id
  join testing_tubes t on t.community_id = r.community_id and t.round_id = r.id and t.barcode = '${slug}-' || r.id || '-' || b.code
  where r.community_id = '${c}'
    and abs(hashtext(p.id::text || r.id)) % 100 < case when r.status = 'running' then 60 else 95 end;

-- medicine: ${n.medicinePerDay} a day; those older than two days handed over and confirmed
insert into medicine_requests (community_id, household_id, resident_id, intake, drug_name, quantity, urgency, urgency_reason,
    deadline_at, status, delivered_at, confirmed_at, created_at, updated_at)
  select '${c}', p.household_id, p.id, 'proxy', '氨氯地平片', '2盒', m.urgency, 'bench',
    m.at + case m.urgency when 'critical' then interval '12 hours' when 'high' then interval '24 hours' else interval '72 hours' end,
    m.status, case when m.status in ('delivered', 'confirmed') then m.at + interval '6 hours' end,
    case when m.status = 'confirmed' then m.at + interval '8 hours' end, m.at, m.at
  from (
    select i, now() - (i / ${n.medicinePerDay}) * interval '1 day' - (i % ${n.medicinePerDay}) * interval '31 minutes' as at,
      case when i % 10 = 0 then 'critical' when i % 10 < 4 then 'high' else 'normal' end as urgency,
      case when i / ${n.medicinePerDay} >= 2 then 'confirmed' else (array['requested', 'triaged', 'assigned', 'delivered'])[i % 4 + 1] end as status
    from generate_series(0, ${n.days * n.medicinePerDay - 1}) i
  ) m join (${numbered('residents', 'id', 'id, household_id')}) p on p.k = (m.i * 13) % (select count(*) from residents where community_id = '${c}');

-- group buys: two open, one arrived, one allocated, the rest done; orders from every 7th household
insert into group_buys (community_id, title, supplier_name, opens_at, closes_at, status, closed_at, arrived_at, created_at)
  select '${c}', '团购' || g, '崇明农场', o, o + interval '2 days', st,
    case when st <> 'open' then o + interval '2 days' end, case when st in ('arrived', 'done') then o + interval '2 days 6 hours' end, o
  from (select g, now() - interval '1 day' - (${n.groupBuys} - g) * interval '${Math.max(1, Math.floor((n.days * 24) / n.groupBuys))} hours' as o,
          case when g > ${n.groupBuys - 2} then 'open' when g = ${n.groupBuys - 2} then 'arrived'
               when g = ${n.groupBuys - 3} then 'allocated' else 'done' end as st
        from generate_series(1, ${n.groupBuys}) g) x;
update group_buys set opens_at = now() - interval '1 day', closes_at = now() + interval '1 day'
  where community_id = '${c}' and status = 'open';
insert into group_buy_items (community_id, group_buy_id, seq, name, unit, price_fen)
  select '${c}', gb.id, s, case s when 1 then '大米' else '蔬菜箱' end, '份', 5000 from group_buys gb cross join generate_series(1, 2) s
  where gb.community_id = '${c}';
insert into group_buy_orders (community_id, group_buy_id, household_id, status, created_at, updated_at)
  select '${c}', gb.id, h.id, 'active', gb.opens_at, gb.opens_at
  from (${numbered('group_buys', 'opens_at')}) g join group_buys gb on gb.community_id = '${c}' and gb.id = g.id
  cross join generate_series(0, ${n.ordersPerGroupBuy - 1}) o
  join (${numbered('households')}) h on h.k = (o * 7 + g.k) % (select count(*) from households where community_id = '${c}');
insert into group_buy_order_lines (community_id, order_id, item_id, quantity, allocated)
  select '${c}', o.id, i.id, 1, case when gb.status = 'open' then null else 1 end
  from group_buy_orders o join group_buys gb on gb.community_id = o.community_id and gb.id = o.group_buy_id
  join group_buy_items i on i.community_id = o.community_id and i.group_buy_id = o.group_buy_id and i.seq = 1 + abs(hashtext(o.id::text)) % 2
  where o.community_id = '${c}';
insert into group_buy_drops (community_id, group_buy_id, building_id, distributed_at)
  select distinct '${c}'::uuid, o.group_buy_id, h.building_id, gb.arrived_at
  from group_buy_orders o join group_buys gb on gb.community_id = o.community_id and gb.id = o.group_buy_id
  join households h on h.community_id = o.community_id and h.id = o.household_id
  join buildings b on b.community_id = h.community_id and b.id = h.building_id
  where o.community_id = '${c}' and (gb.status = 'done' or (gb.status = 'arrived' and b.code::int % 2 = 0));

-- shifts: every group twice a day (today's first on now), eight volunteers each, checked in and out
insert into shifts (community_id, group_id, starts_at, ends_at, signup_opens_at, signup_closes_at)
  select '${c}', g.id, st, st + interval '4 hours', st - interval '2 days', st - interval '1 hour'
  from volunteer_groups g cross join generate_series(0, ${n.days - 1}) d cross join generate_series(0, 1) k
  cross join lateral (select now() - d * interval '1 day' - interval '2 hours' + k * interval '5 hours' as st) x
  where g.community_id = '${c}';
insert into shift_roles (community_id, shift_id, role, capacity, taken)
  select '${c}', id, 'volunteer', 8, 8 from shifts where community_id = '${c}';
insert into shift_signups (community_id, shift_id, role, volunteer_id, status, created_at, checked_in_at, checked_out_at)
  select '${c}', sh.id, 'volunteer', m.volunteer_id, 'confirmed', sh.signup_opens_at,
    case when sh.starts_at < now() then sh.starts_at + interval '5 minutes' end,
    case when sh.ends_at < now() then sh.ends_at end
  from (select s.*, row_number() over (partition by s.group_id order by s.starts_at) as k from shifts s where s.community_id = '${c}') sh
  cross join generate_series(0, 7) j
  join (select gm.group_id, gm.volunteer_id, (row_number() over (partition by gm.group_id order by gm.volunteer_id) - 1)::int as k,
          count(*) over (partition by gm.group_id) as members
        from group_members gm where gm.community_id = '${c}') m
    on m.group_id = sh.group_id and m.k = (sh.k * 8 + j) % m.members;

-- disinfection: every building's lobby and the two gates, at 09:00 and 15:00; earlier days done
insert into disinfection_areas (community_id, name, kind, building_id, gate_id, times, grace_minutes, created_at)
  select '${c}'::uuid, b.code || '号楼大堂', 'lobby', b.id, null::uuid, array['09:00', '15:00'], 120, now() - interval '40 days'
  from buildings b where b.community_id = '${c}'
  union all select '${c}'::uuid, g.name || '岗亭', 'gate', null::uuid, g.id, array['09:00', '15:00'], 120, now() - interval '40 days'
  from gates g where g.community_id = '${c}';
insert into disinfection_tasks (community_id, area_id, due_at, status, done_at, created_at)
  select '${c}', a.id, due, case when due < now() - interval '3 hours' or (due < now() and abs(hashtext(a.id::text)) % 3 > 0) then 'done' else 'due' end,
    case when due < now() - interval '3 hours' or (due < now() and abs(hashtext(a.id::text)) % 3 > 0) then due + interval '20 minutes' end, due - interval '2 days'
  from disinfection_areas a cross join generate_series(0, ${n.days}) d cross join unnest(a.times) t
  cross join lateral (select ((${local('now()')}::date - d + t::time) at time zone '${TZ}') as due) x
  where a.community_id = '${c}';

-- relays: each building's parcels relay every day; earlier ones confirmed, a few of today's escalated
insert into relay_tasks (community_id, building_id, source_type, source_id, kind, params, created_at, escalate_at, confirmed_at, escalated_at)
  select '${c}', b.id, 'parcels', d || '/' || b.code, 'parcels.delivered_relay', '{}'::jsonb, at, at + interval '2 hours',
    case when d > 0 or b.code::int % 3 = 0 then at + interval '30 minutes' end,
    case when d = 0 and b.code::int % 3 = 1 then at + interval '2 hours' end
  from buildings b cross join generate_series(0, ${n.days - 1}) d cross join lateral (select now() - d * interval '1 day' - interval '3 hours' as at) x
  where b.community_id = '${c}';
`;
}

/** A new community id and slug for compound number `index`. */
export const compoundIdentity = (index: number) => ({
  id: randomUUID(),
  slug: `bench-${String(index).padStart(2, '0')}`,
  name: index === 0 ? '歌林春天' : `邻里小区${index}`,
});
