import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { draftToBody, emptyDraft, emptyItem, formFieldOf } from './group-buy-draft.ts';
import { formatFen, minimumPercent, yuanToFen } from './group-buys-format.ts';

describe('money', () => {
  it('shows fen as yuan with two decimals', () => {
    expect(formatFen(1250)).toBe('¥12.50');
    expect(formatFen(5)).toBe('¥0.05');
    expect(formatFen(500000)).toBe('¥5000.00');
  });

  it('reads typed yuan exactly (no float drift), and refuses what is not money', () => {
    expect(yuanToFen('0.29')).toBe(29);
    expect(yuanToFen('12.5')).toBe(1250);
    expect(yuanToFen(' 45 ')).toBe(4500);
    for (const bad of ['', '12.345', '-1', '1e3', '十二', '12,50']) expect(yuanToFen(bad)).toBeNull();
  });

  it('reads back every amount it shows', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 99_999_999 }),
        (fen) => yuanToFen(formatFen(fen).slice(1)) === fen,
      ),
    );
  });

  it('measures the total against the minimum, capped at 100', () => {
    expect(minimumPercent({ minimumTotalFen: 50000, runningTotalFen: 12500 })).toBe(25);
    expect(minimumPercent({ minimumTotalFen: 50000, runningTotalFen: 90000 })).toBe(100);
    expect(minimumPercent({ minimumTotalFen: null, runningTotalFen: 0 })).toBe(100);
  });
});

describe('the new-campaign form', () => {
  const filled = () => {
    const draft = emptyDraft(new Date('2022-05-25T02:00:00Z'), 'Asia/Shanghai');
    return {
      ...draft,
      title: '东北大米',
      supplierName: '粮油店',
      minimum: '500',
      items: [{ ...emptyItem(), name: '大米', unit: '袋（10 kg）', price: '45.5', stock: '3', limit: '2' }],
    };
  };

  it('builds the API body in fen and UTC from the community wall clock', () => {
    const result = draftToBody(
      { ...filled(), closesDay: '2022-05-26', closesTime: '20:00' },
      'Asia/Shanghai',
    );
    expect(result.errors).toBeNull();
    expect(result.body).toMatchObject({
      minimumTotalFen: 50000,
      opensAt: '2022-05-25T02:00:00.000Z',
      closesAt: '2022-05-26T12:00:00.000Z',
      items: [{ priceFen: 4550, stock: 3, perHouseholdLimit: 2 }],
    });
  });

  it('names each bad field so its message shows under it', () => {
    const draft = filled();
    const result = draftToBody(
      {
        ...draft,
        title: ' ',
        minimum: '5.555',
        closesDay: draft.opensDay,
        closesTime: '00:00',
        items: [{ ...draft.items[0]!, price: 'abc', stock: '', limit: '0' }],
      },
      'Asia/Shanghai',
    );
    expect(result.errors).toEqual({
      title: 'titleRequired',
      minimum: 'moneyInvalid',
      closes: 'closesBeforeOpens',
      'items.0.price': 'moneyInvalid',
      'items.0.stock': 'stockInvalid',
      'items.0.limit': 'limitInvalid',
    });
  });

  it('accepts unknown stock and no limit', () => {
    const draft = filled();
    const result = draftToBody(
      { ...draft, items: [{ ...draft.items[0]!, stock: '', stockUnknown: true, limit: '' }] },
      'Asia/Shanghai',
    );
    expect(result.body?.items[0]).toMatchObject({ stock: null, perHouseholdLimit: null });
  });

  it("maps the server's field paths onto the form's", () => {
    expect(formFieldOf('body.items.1.priceFen')).toBe('items.1.price');
    expect(formFieldOf('minimumTotalFen')).toBe('minimum');
    expect(formFieldOf('body.closesAt')).toBe('closes');
  });
});
