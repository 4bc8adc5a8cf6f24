import { Alert, App, Checkbox, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  DISINFECTION_AREA_KINDS,
  DISINFECTION_SCHEDULES,
  type TDisinfectionArea,
  type TDisinfectionAreaKind,
  type TDisinfectionSchedule,
} from '../../../shared/api/disinfection.ts';
import { errorMessage } from '../../api/client.ts';
import { useSaveDisinfectionArea } from '../../api/disinfection.ts';
import { useBuildings, useSitePlan } from '../../api/registry.ts';

type Place = 'building' | 'gate' | 'xy' | 'none';
interface Values {
  name: string;
  kind: TDisinfectionAreaKind;
  place: Place;
  buildingId?: string;
  gateId?: string;
  x?: number;
  y?: number;
  schedule: TDisinfectionSchedule;
  times: string;
  weekday?: number;
  graceMinutes: number;
  active: boolean;
}

const PLACE_LABELS = {
  building: 'disinfection.areas.placeBuilding',
  gate: 'disinfection.areas.placeGate',
  xy: 'disinfection.areas.placeXY',
  none: 'disinfection.areas.placeNone',
} as const satisfies Record<Place, string>;

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
/** "9:00，15:00" → ["09:00", "15:00"]; a Chinese comma or spaces separate as well. */
export const parseTimes = (text: string) =>
  text
    .split(/[,，、\s]+/)
    .filter(Boolean)
    .map((s) => s.replace('：', ':').replace(/^(\d):/, '0$1:'));

function initialValues(area: TDisinfectionArea | null): Values {
  if (!area)
    return {
      name: '',
      kind: 'lobby',
      place: 'building',
      schedule: 'daily',
      times: '09:00',
      graceMinutes: 120,
      active: true,
    };
  const place: Place = area.buildingId ? 'building' : area.gateId ? 'gate' : area.x !== null ? 'xy' : 'none';
  return {
    name: area.name,
    kind: area.kind,
    place,
    buildingId: area.buildingId ?? undefined,
    gateId: area.gateId ?? undefined,
    x: area.x ?? undefined,
    y: area.y ?? undefined,
    schedule: area.schedule,
    times: area.times.join(', ') || '09:00',
    weekday: area.weekday ?? undefined,
    graceMinutes: area.graceMinutes,
    active: area.active,
  };
}

/** New area, or changes to one (area given): name, kind, place on the plan, schedule and grace. */
export function DisinfectionAreaModal({
  communityId,
  area,
  onClose,
}: {
  communityId: string;
  area: TDisinfectionArea | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveDisinfectionArea(communityId);
  const buildings = useBuildings(communityId);
  const plan = useSitePlan(communityId);
  const place = Form.useWatch('place', form) ?? initialValues(area).place;
  const schedule = Form.useWatch('schedule', form) ?? initialValues(area).schedule;

  const onFinish = (v: Values) => {
    const body = {
      name: v.name,
      kind: v.kind,
      buildingId: v.place === 'building' ? v.buildingId : null,
      gateId: v.place === 'gate' ? v.gateId : null,
      x: v.place === 'xy' ? v.x : null,
      y: v.place === 'xy' ? v.y : null,
      schedule: v.schedule,
      times: v.schedule === 'after_testing' ? [] : parseTimes(v.times),
      weekday: v.schedule === 'weekly' ? v.weekday : null,
      graceMinutes: v.graceMinutes,
      ...(area ? { active: v.active } : {}),
    };
    save.mutate(
      { id: area?.id ?? null, body },
      {
        onSuccess: (saved) => {
          void message.success(t('disinfection.areas.saved', { name: saved.name }));
          onClose();
        },
      },
    );
  };

  return (
    <Modal
      open
      title={area ? t('disinfection.areas.editTitle', { name: area.name }) : t('disinfection.areas.newTitle')}
      okText={t('disinfection.areas.save')}
      cancelText={t('disinfection.areas.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
    >
      {save.error ? (
        <Alert type="error" showIcon role="alert" title={errorMessage(save.error)} className="form-alert" />
      ) : null}
      <Form<Values>
        form={form}
        name="disinfection-area"
        layout="vertical"
        requiredMark={false}
        initialValues={initialValues(area)}
        onFinish={onFinish}
      >
        <Form.Item
          label={t('disinfection.areas.name')}
          name="name"
          rules={[
            { required: true, whitespace: true, max: 40, message: t('disinfection.areas.nameRequired') },
          ]}
        >
          <Input maxLength={40} placeholder={t('disinfection.areas.namePlaceholder')} />
        </Form.Item>
        <Form.Item label={t('disinfection.areas.kind')} name="kind">
          <Select
            options={DISINFECTION_AREA_KINDS.map((k) => ({ value: k, label: t(`disinfection.kind.${k}`) }))}
          />
        </Form.Item>
        <Form.Item label={t('disinfection.areas.place')} name="place">
          <Radio.Group
            optionType="button"
            options={Object.entries(PLACE_LABELS).map(([value, label]) => ({ value, label: t(label) }))}
          />
        </Form.Item>
        {place === 'building' && (
          <Form.Item
            label={t('disinfection.areas.building')}
            name="buildingId"
            rules={[{ required: true, message: t('disinfection.areas.buildingRequired') }]}
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              loading={buildings.isPending}
              options={(buildings.data ?? []).map((b) => ({ value: b.id, label: b.code }))}
            />
          </Form.Item>
        )}
        {place === 'gate' && (
          <Form.Item
            label={t('disinfection.areas.gate')}
            name="gateId"
            rules={[{ required: true, message: t('disinfection.areas.gateRequired') }]}
          >
            <Select options={(plan.data?.gates ?? []).map((g) => ({ value: g.id, label: g.name }))} />
          </Form.Item>
        )}
        {place === 'xy' && (
          <div className="dis-xy">
            {(['x', 'y'] as const).map((axis) => (
              <Form.Item
                key={axis}
                label={t(`disinfection.areas.${axis}`)}
                name={axis}
                rules={[{ required: true, message: t('disinfection.areas.xyRequired') }]}
              >
                <InputNumber min={-10000} max={10000} inputMode="decimal" className="full-width" />
              </Form.Item>
            ))}
          </div>
        )}
        <Form.Item label={t('disinfection.areas.schedule')} name="schedule">
          <Radio.Group
            optionType="button"
            options={DISINFECTION_SCHEDULES.map((s) => ({
              value: s,
              label: t(`disinfection.scheduleName.${s}`),
            }))}
          />
        </Form.Item>
        {schedule === 'weekly' && (
          <Form.Item
            label={t('disinfection.areas.weekday')}
            name="weekday"
            rules={[{ required: true, message: t('disinfection.areas.weekdayRequired') }]}
          >
            <Select
              options={[1, 2, 3, 4, 5, 6, 7].map((d) => ({
                value: d,
                label: t(`disinfection.weekday.${d}` as 'disinfection.weekday.1'),
              }))}
            />
          </Form.Item>
        )}
        {schedule !== 'after_testing' && (
          <Form.Item
            label={t('disinfection.areas.times')}
            name="times"
            extra={t('disinfection.areas.timesHelp')}
            rules={[
              {
                validator: (_, text: string) =>
                  parseTimes(text ?? '').length > 0 && parseTimes(text).every((s) => TIME.test(s))
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('disinfection.areas.timesInvalid'))),
              },
            ]}
          >
            <Input inputMode="numeric" />
          </Form.Item>
        )}
        <Form.Item
          label={t('disinfection.areas.grace')}
          name="graceMinutes"
          extra={t('disinfection.areas.graceHelp')}
        >
          <InputNumber min={0} max={1440} precision={0} inputMode="numeric" className="full-width" />
        </Form.Item>
        {area && (
          <Form.Item name="active" valuePropName="checked">
            <Checkbox>{t('disinfection.areas.activeLabel')}</Checkbox>
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
