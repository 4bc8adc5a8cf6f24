import { describe, expect, it } from 'vitest';
import { emptyDraft, missingAnswers, stepsFor } from './written-conversation.ts';

describe('the written conversation', () => {
  it('asks "for whom" only when there is more than one person to choose from, and ends on the confirmation', () => {
    expect(stepsFor(1)[0]).toBe('drug');
    expect(stepsFor(0)).not.toContain('who');
    expect(stepsFor(3)[0]).toBe('who');
    expect(stepsFor(3).at(-1)).toBe('confirm');
  });

  it('cannot be sent without the person, the medicine, the amount and how it is paid', () => {
    expect(missingAnswers(emptyDraft(), 2)).toEqual(['who', 'drug', 'quantity', 'payment']);
    const filled = { ...emptyDraft('r1'), drugName: ' 胰岛素 ', quantity: '2盒', payment: 'yes' as const };
    expect(missingAnswers(filled, 2)).toEqual([]);
    expect(missingAnswers({ ...filled, drugName: '   ' }, 1)).toEqual(['drug']);
  });
});
