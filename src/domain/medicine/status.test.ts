import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canMove,
  FINISHED_STATUSES,
  MEDICINE_STATUSES,
  type MedicineStatus,
  nextStatuses,
} from './status.ts';

const FLOW: MedicineStatus[] = ['requested', 'triaged', 'assigned', 'purchasing', 'delivered', 'confirmed'];

describe('medicine request statuses', () => {
  it('walks the flow one step at a time', () => {
    for (let i = 0; i + 1 < FLOW.length; i++) expect(canMove(FLOW[i]!, FLOW[i + 1]!)).toBe(true);
    expect(canMove('requested', 'assigned')).toBe(false);
    expect(canMove('triaged', 'delivered')).toBe(false);
    expect(canMove('assigned', 'triaged')).toBe(false);
    expect(canMove('delivered', 'purchasing')).toBe(false);
  });

  it('cancels until delivered and finds a medicine unavailable only while it is being fetched', () => {
    expect(MEDICINE_STATUSES.filter((s) => canMove(s, 'cancelled'))).toEqual([
      'requested',
      'triaged',
      'assigned',
      'purchasing',
    ]);
    expect(MEDICINE_STATUSES.filter((s) => canMove(s, 'unavailable'))).toEqual(['assigned', 'purchasing']);
  });

  it('never skips, never goes back, and nothing follows a finished status', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 12 }), (choices) => {
        let status: MedicineStatus = 'requested';
        for (const choice of choices) {
          const next = nextStatuses(status);
          if (FINISHED_STATUSES.includes(status)) {
            expect(next).toEqual([]);
            return;
          }
          const to = next[choice % next.length] as MedicineStatus;
          if (FLOW.includes(to)) expect(FLOW.indexOf(to)).toBe(FLOW.indexOf(status) + 1);
          else expect(FINISHED_STATUSES).toContain(to);
          status = to;
        }
      }),
    );
    for (const s of FINISHED_STATUSES) for (const to of MEDICINE_STATUSES) expect(canMove(s, to)).toBe(false);
  });
});
