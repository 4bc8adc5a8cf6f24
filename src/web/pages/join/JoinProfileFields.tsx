import { Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { AGE_BANDS, SKILLS, VEHICLES } from '../../../shared/volunteers.ts';
import { ToggleChips } from '../../components/ToggleChips.tsx';
import { currentLocale } from '../../i18n/index.ts';
import {
  type AgeBand,
  ageBandLabel,
  type Skill,
  skillLabel,
  type Vehicle,
  vehicleLabel,
} from '../../lib/volunteer-format.ts';

export interface ProfileValues {
  partyMember?: boolean;
  workplace?: string;
  skills: Skill[];
  vehicles: Vehicle[];
  ageBand?: AgeBand;
  note?: string;
}

/** What the coordinator needs to place someone: party membership, what they can do and ride, age. */
export function JoinProfileFields() {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <>
      <Form.Item
        label={t('join.partyMember')}
        name="partyMember"
        rules={[{ required: true, message: t('join.partyRequired') }]}
      >
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          className="choice-buttons"
          options={[
            { value: true, label: t('join.yes') },
            { value: false, label: t('join.no') },
          ]}
        />
      </Form.Item>
      <Form.Item label={t('join.skills')} name="skills">
        <ToggleChips
          label={t('join.skills')}
          options={SKILLS.map((skill) => ({ value: skill, label: skillLabel(skill, locale) }))}
        />
      </Form.Item>
      <Form.Item label={t('join.vehicles')} name="vehicles">
        <ToggleChips
          label={t('join.vehicles')}
          options={VEHICLES.map((vehicle) => ({ value: vehicle, label: vehicleLabel(vehicle, locale) }))}
        />
      </Form.Item>
      <Form.Item
        label={t('join.ageBand')}
        name="ageBand"
        rules={[{ required: true, message: t('join.ageBandRequired') }]}
      >
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          className="choice-buttons"
          options={AGE_BANDS.map((band) => ({ value: band, label: ageBandLabel(band, locale) }))}
        />
      </Form.Item>
      <Form.Item label={t('join.workplace')} name="workplace" extra={t('join.workplaceHelp')}>
        <Input maxLength={100} autoComplete="organization" />
      </Form.Item>
      <Form.Item label={t('join.note')} name="note">
        <Input.TextArea
          maxLength={500}
          autoSize={{ minRows: 2, maxRows: 5 }}
          placeholder={t('join.notePlaceholder')}
        />
      </Form.Item>
    </>
  );
}
