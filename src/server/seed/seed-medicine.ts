import { randomUUID } from 'node:crypto';
import { normalizeSourceKey } from '../../domain/medicine/trips.ts';
import { deadlineFor, triage } from '../../domain/medicine/urgency.ts';
import type { VulnerabilityFlag } from '../../shared/registry.ts';
import type { Db } from '../db/client.ts';
import * as t from '../db/schema/index.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface MedicineDemoResident {
  residentId: string;
  householdId: string;
  flags: readonly VulnerabilityFlag[];
}

/** One demo request: who it is for (by a flag to look for), what, and how far it has come. */
interface DemoNeed {
  flag: VulnerabilityFlag | 'resident_account';
  drugName: string;
  strength?: string;
  quantity: string;
  source: string | null;
  supplyDaysLeft: number | null;
  chronic: boolean;
  hoursAgo: number;
  intake: 'app' | 'proxy' | 'written';
  path: ('assigned' | 'purchasing' | 'delivered' | 'confirmed' | 'cancelled' | 'unavailable')[];
  reason?: string;
  daysSupplied?: number;
}

// The story's medicine week: an elderly couple who cannot hear out of insulin, anticoagulants and
// epilepsy medicine running out, everyday chronic medicine, and what was already bought and handed over.
const NEEDS: DemoNeed[] = [
  {
    flag: 'hearing_impaired',
    drugName: '甘精胰岛素注射液（来得时）',
    strength: '300单位/支',
    quantity: '2支',
    source: '瑞金医院',
    supplyDaysLeft: 1,
    chronic: true,
    hoursAgo: 3,
    intake: 'written',
    path: [],
  },
  {
    flag: 'elderly_alone',
    drugName: '华法林钠片',
    strength: '2.5mg',
    quantity: '1盒',
    source: '瑞金医院',
    supplyDaysLeft: 2,
    chronic: true,
    hoursAgo: 10,
    intake: 'proxy',
    path: ['assigned'],
  },
  {
    flag: 'chronic_medication',
    drugName: '苯磺酸氨氯地平片',
    strength: '5mg',
    quantity: '2盒',
    source: '普陀区中心医院',
    supplyDaysLeft: 3,
    chronic: true,
    hoursAgo: 26,
    intake: 'proxy',
    path: [],
  },
  {
    flag: 'elderly',
    drugName: '左乙拉西坦片（开浦兰）',
    strength: '0.5g',
    quantity: '1盒',
    source: '华山医院',
    supplyDaysLeft: null,
    chronic: true,
    hoursAgo: 1,
    intake: 'proxy',
    path: [],
  },
  {
    flag: 'resident_account',
    drugName: '二甲双胍缓释片',
    strength: '0.5g',
    quantity: '3盒',
    source: '老百姓大药房（长寿路店）',
    supplyDaysLeft: 10,
    chronic: true,
    hoursAgo: 20,
    intake: 'app',
    path: ['assigned', 'purchasing'],
  },
  {
    flag: 'infant',
    drugName: '布洛芬混悬液（美林）',
    quantity: '1瓶',
    source: null,
    supplyDaysLeft: 0,
    chronic: false,
    hoursAgo: 5,
    intake: 'app',
    path: [],
  },
  {
    flag: 'mobility_impaired',
    drugName: '左甲状腺素钠片',
    strength: '50μg',
    quantity: '1盒',
    source: '瑞金医院',
    supplyDaysLeft: 5,
    chronic: true,
    hoursAgo: 30 * 24,
    intake: 'proxy',
    path: ['assigned', 'purchasing', 'delivered'],
    daysSupplied: 32,
  },
  {
    flag: 'elderly',
    drugName: '阿托伐他汀钙片',
    strength: '20mg',
    quantity: '2盒',
    source: '普陀区中心医院',
    supplyDaysLeft: 7,
    chronic: true,
    hoursAgo: 50,
    intake: 'proxy',
    path: ['assigned', 'purchasing', 'delivered', 'confirmed'],
    daysSupplied: 28,
  },
  {
    flag: 'chronic_medication',
    drugName: '硝苯地平控释片',
    strength: '30mg',
    quantity: '2盒',
    source: '瑞金医院',
    supplyDaysLeft: 4,
    chronic: true,
    hoursAgo: 70,
    intake: 'proxy',
    path: ['assigned', 'purchasing', 'delivered', 'confirmed'],
    daysSupplied: 28,
  },
  {
    flag: 'elderly_alone',
    drugName: '复方丹参滴丸',
    quantity: '1瓶',
    source: '老百姓药房',
    supplyDaysLeft: 6,
    chronic: false,
    hoursAgo: 40,
    intake: 'proxy',
    path: ['cancelled'],
    reason: '家属已从外地寄到',
  },
  {
    flag: 'disabled',
    drugName: '他克莫司胶囊（普乐可复）',
    strength: '1mg',
    quantity: '1盒',
    source: '华山医院',
    supplyDaysLeft: 4,
    chronic: true,
    hoursAgo: 8,
    intake: 'proxy',
    path: ['assigned', 'unavailable'],
    reason: '华山医院门诊药房暂时缺货，已联系中山医院',
  },
];

/**
 * Medicine requests of the demo's last days, so the urgent queue, the trips and the care list have
 * something to show on first start. Deadlines count from each request's creation, as the app does.
 */
export async function seedDemoMedicine(
  db: Db,
  row: {
    communityId: string;
    now: Date;
    residents: readonly MedicineDemoResident[];
    /** the household of the demo resident account r0001 */
    accountHousehold: MedicineDemoResident | null;
    /** medicine-group members with a vehicle, the first of them the one most requests go to */
    drivers: readonly string[];
    leader: string;
  },
) {
  const { communityId, now } = row;
  const used = new Set<string>();
  const pick = (flag: DemoNeed['flag']) => {
    if (flag === 'resident_account') return row.accountHousehold;
    const found = row.residents.find((r) => r.flags.includes(flag) && !used.has(r.residentId));
    if (found) used.add(found.residentId);
    return found ?? null;
  };
  const requests: (typeof t.medicineRequests.$inferInsert)[] = [];
  const events: (typeof t.medicineRequestEvents.$inferInsert)[] = [];
  NEEDS.forEach((need, i) => {
    const who = pick(need.flag);
    if (!who) return;
    const id = randomUUID();
    const createdAt = new Date(now.getTime() - need.hoursAgo * HOUR);
    const triaged = triage(need);
    const driver = row.drivers[i % Math.max(1, row.drivers.length)] ?? row.leader;
    let at = createdAt.getTime();
    const step = () => {
      at = Math.min(now.getTime() - 60_000, at + Math.max(30 * 60_000, (need.hoursAgo * HOUR) / 6));
      return new Date(at);
    };
    events.push({
      communityId,
      requestId: id,
      fromStatus: 'requested',
      toStatus: 'triaged',
      reason: triaged.rule,
      at: createdAt,
      by: row.leader,
    });
    let status = 'triaged';
    const times: Record<string, Date> = {};
    for (const next of need.path) {
      times[next] = step();
      events.push({
        communityId,
        requestId: id,
        fromStatus: status,
        toStatus: next,
        reason: need.reason ?? null,
        at: times[next],
        by: driver,
      });
      status = next;
    }
    const deliveredAt = times.delivered ?? null;
    requests.push({
      communityId,
      id,
      householdId: who.householdId,
      residentId: who.residentId,
      requestedBy: row.leader,
      intake: need.intake,
      drugName: need.drugName,
      strength: need.strength ?? null,
      quantity: need.quantity,
      source: need.source,
      sourceKey: need.source ? normalizeSourceKey(need.source) : null,
      supplyDaysLeft: need.supplyDaysLeft,
      runsOutAt:
        need.supplyDaysLeft === null ? null : new Date(createdAt.getTime() + need.supplyDaysLeft * DAY),
      chronic: need.chronic,
      payment: i % 4 === 3 ? 'on_delivery' : 'yes',
      urgency: triaged.urgency,
      urgencyReason: triaged.rule,
      matchedMedicine: triaged.matched,
      deadlineAt: deadlineFor(triaged.urgency, createdAt),
      status,
      statusReason: need.reason ?? null,
      assignedTo: times.assigned ? driver : null,
      assignedAt: times.assigned ?? null,
      bought: deliveredAt ? need.drugName : null,
      costCents: deliveredAt ? 4_000 + i * 1_750 : null,
      daysSupplied: need.daysSupplied ?? null,
      nextRunsOutAt:
        deliveredAt && need.daysSupplied ? new Date(deliveredAt.getTime() + need.daysSupplied * DAY) : null,
      deliveredAt,
      confirmedAt: times.confirmed ?? null,
      confirmedBy: times.confirmed ? driver : null,
      createdAt,
      updatedAt: new Date(at),
    });
  });
  if (requests.length === 0) return;
  await db.insert(t.medicineRequests).values(requests);
  await db.insert(t.medicineRequestEvents).values(events);
}
