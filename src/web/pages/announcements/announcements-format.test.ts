import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { audienceText, buildingsByZone, draftToBody, emptyDraft, toggleAll } from './announcements-format.ts';

// Renders a key with its params, enough to see what was chosen.
const t = ((key: string, params?: Record<string, unknown>) =>
  params ? `${key}(${Object.values(params).join('|')})` : key) as unknown as TFunction;
const NOW = new Date('2022-04-09T00:00:00Z');

describe('announcement form and labels', () => {
  it('says who an announcement went to, buildings by their label and at most six of them', () => {
    expect(audienceText(t, 'zh-CN', { audience: 'all', targets: [] })).toBe('announcements.audience.all');
    const few = [{ label: '12' }, { label: '7' }];
    expect(audienceText(t, 'zh-CN', { audience: 'buildings', targets: few })).toBe(
      'announcements.audience.buildings(12号楼、7号楼)',
    );
    expect(audienceText(t, 'en', { audience: 'buildings', targets: few })).toBe(
      'announcements.audience.buildings(Bldg 12, Bldg 7)',
    );
    const many = Array.from({ length: 9 }, (_, i) => ({ label: String(i + 1) }));
    expect(audienceText(t, 'zh-CN', { audience: 'buildings', targets: many })).toMatch(
      /buildingsMore\(.*6号楼\|9\)$/,
    );
    expect(audienceText(t, 'zh-CN', { audience: 'group', targets: [{ label: '宣传组' }] })).toBe(
      'announcements.audience.group(宣传组)',
    );
  });

  it('groups buildings under their zones in code order, those without a zone last', () => {
    const groups = buildingsByZone(
      [
        { id: 'b10', code: '10', zoneId: 'w' },
        { id: 'b2', code: '2', zoneId: 'w' },
        { id: 'b9', code: '9', zoneId: null },
        { id: 'b5', code: '5', zoneId: 'e' },
      ],
      [
        { id: 'w', name: '西区' },
        { id: 'e', name: '东区' },
      ],
    );
    expect(groups.map((g) => [g.name, g.buildings.map((b) => b.code)])).toEqual([
      ['西区', ['2', '10']],
      ['东区', ['5']],
      [null, ['9']],
    ]);
    expect(toggleAll(['x', 'b2'], ['b2', 'b10'], true)).toEqual(['x', 'b2', 'b10']);
    expect(toggleAll(['x', 'b2', 'b10'], ['b2', 'b10'], false)).toEqual(['x']);
  });

  it('turns a draft into the request, or says what is missing before anything is sent', () => {
    const draft = { ...emptyDraft(), title: ' 停水通知 ', body: '明天 9 点到 12 点停水。' };
    expect(draftToBody({ ...draft, audience: 'buildings' }, 'Asia/Shanghai', NOW).errors).toEqual({
      audienceIds: 'pickSomething',
    });
    expect(draftToBody({ ...emptyDraft() }, 'Asia/Shanghai', NOW).errors).toEqual({
      title: 'titleRequired',
      body: 'bodyRequired',
    });
    expect(draftToBody({ ...draft, expiryDay: '2022-04-09' }, 'Asia/Shanghai', NOW).errors).toEqual({
      expiresAt: 'expiryIncomplete',
    });
    // 07:00 in Shanghai on the 9th is 23:00 UTC on the 8th: already past
    expect(
      draftToBody({ ...draft, expiryDay: '2022-04-09', expiryTime: '07:00' }, 'Asia/Shanghai', NOW).errors,
    ).toEqual({ expiresAt: 'expiryPast' });
    const ok = draftToBody(
      {
        ...draft,
        audience: 'group',
        groupId: 'g1',
        public: true,
        expiryDay: '2022-04-10',
        expiryTime: '20:00',
      },
      'Asia/Shanghai',
      NOW,
    );
    expect(ok.body).toMatchObject({
      title: '停水通知',
      audience: 'group',
      audienceIds: ['g1'],
      public: false,
      expiresAt: '2022-04-10T12:00:00.000Z',
    });
  });
});
