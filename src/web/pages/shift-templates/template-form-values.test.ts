import { describe, expect, it } from 'vitest';
import {
  daysToGenerate,
  formField,
  initialTemplateValues,
  toCreateTemplate,
  windowExample,
} from './template-form-values.ts';

describe('the shift template form', () => {
  it('sends the story’s parcel template as the API takes it', () => {
    const result = toCreateTemplate({
      ...initialTemplateValues(),
      groupId: 'g',
      roles: [
        { role: ' 分拣 ', capacity: 1 },
        { role: '骑车配送', capacity: 2 },
      ],
    });
    expect(result).toEqual({
      template: {
        groupId: 'g',
        title: undefined,
        startTime: '08:00',
        endTime: '12:00',
        roles: [
          { role: '分拣', capacity: 1 },
          { role: '骑车配送', capacity: 2 },
        ],
        opensDaysBefore: 1,
        opensAt: '20:00',
        closesMinutesBefore: 60,
        cancelCutoffMinutes: 120,
        mode: 'first_come',
      },
    });
  });

  it('names what is wrong: same times, unnamed or repeated roles, a window that closes first', () => {
    const result = toCreateTemplate({
      ...initialTemplateValues(),
      end: '08:00',
      opensDaysBefore: 0,
      roles: [{ role: '分拣' }, { role: '' }, { role: '分拣' }],
    });
    expect('problems' in result && result.problems).toEqual([
      { field: ['end'], key: 'sameTime' },
      { field: ['roles', 1, 'role'], key: 'roleRequired' },
      { field: ['roles', 2, 'role'], key: 'roleDuplicate' },
      { field: ['opensAt'], key: 'windowInvalid' },
    ]);
  });

  it('shows the window of an example day, closing the evening before for an early start', () => {
    expect(windowExample(initialTemplateValues(), '2022-04-20')).toEqual({
      opens: { day: '2022-04-19', time: '20:00' },
      closes: { day: '2022-04-20', time: '07:00' },
      valid: true,
    });
    const early = { ...initialTemplateValues(), start: '00:30', opensAt: '08:00' };
    expect(windowExample(early, '2022-04-20').closes).toEqual({ day: '2022-04-19', time: '23:30' });
  });

  it('maps the server’s field paths onto the form and counts the days to make', () => {
    expect(formField('startTime')).toEqual(['start']);
    expect(formField('roles.1.role')).toEqual(['roles', 1, 'role']);
    // 2022-04-18 is a Monday: the weekend of that week
    expect(daysToGenerate('2022-04-18', '2022-04-24', ['6', '7'])).toEqual(['2022-04-23', '2022-04-24']);
    expect(daysToGenerate('2022-04-18', '2022-04-24', [])).toHaveLength(7);
    expect(daysToGenerate('2022-04-24', '2022-04-18', [])).toEqual([]);
  });
});
