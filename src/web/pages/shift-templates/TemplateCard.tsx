import { CalendarOutlined, StopOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { TShiftTemplate } from '../../../shared/api/shift-templates.ts';
import { errorMessage } from '../../api/client.ts';
import { useArchiveShiftTemplate } from '../../api/shift-templates.ts';
import { currentLocale } from '../../i18n/index.ts';
import { groupName } from '../../lib/format.ts';
import { isDefaultRole } from '../../lib/volunteer-format.ts';

/** A template's name as shown: its own title, or its group's (translated for the default groups). */
export const templateTitle = (template: TShiftTemplate) =>
  template.title ?? groupName({ key: template.groupKey, name: template.groupName }, currentLocale());

/** "08:00–12:00", or "21:00–次日 06:00" for a night shift. */
export const templateSpan = (t: TFunction, template: Pick<TShiftTemplate, 'startTime' | 'endTime'>) => {
  const span = { start: template.startTime, end: template.endTime };
  return template.endTime <= template.startTime
    ? t('shiftTemplates.spanNextDay', span)
    : t('shiftTemplates.span', span);
};

interface Props {
  communityId: string;
  template: TShiftTemplate;
  onGenerate: (template: TShiftTemplate) => void;
}

/** One recurring shift: its hours, places per role, and when sign-up opens and closes. */
export function TemplateCard({ communityId, template, onGenerate }: Props) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const archive = useArchiveShiftTemplate(communityId);
  const title = templateTitle(template);
  const span = { start: template.startTime, end: template.endTime };
  const titleId = `template-${template.id}`;
  const opens =
    template.opensDaysBefore === 0
      ? t('shiftTemplates.opensSameDay', { time: template.opensAt })
      : template.opensDaysBefore === 1
        ? t('shiftTemplates.opensDayBefore', { time: template.opensAt })
        : t('shiftTemplates.opensDaysBefore', { time: template.opensAt, days: template.opensDaysBefore });

  const confirmArchive = () =>
    modal.confirm({
      title: t('shiftTemplates.archiveTitle', { title }),
      content: t('shiftTemplates.archiveText'),
      okText: t('shiftTemplates.archive'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () =>
        archive.mutateAsync(template.id).then(
          () => void message.success(t('shiftTemplates.archived', { title })),
          (error) => void message.error(errorMessage(error)),
        ),
    });

  return (
    <li className="shift-card template-card" aria-labelledby={titleId} data-testid="template-card">
      <div className="shift-head">
        <h3 id={titleId}>{title}</h3>
        <span className={template.mode === 'draw' ? 'badge badge-purple' : 'badge badge-blue'}>
          {template.mode === 'draw' ? t('shiftTemplates.modeDraw') : t('shiftTemplates.modeFirstCome')}
        </span>
      </div>
      <p className="shift-when">
        <strong>{templateSpan(t, template)}</strong>
      </p>
      <ul className="template-roles">
        {template.roles.map((r) => (
          <li key={r.role}>
            {t('shiftTemplates.roleCount', {
              role: isDefaultRole(r.role) ? t('shifts.defaultRole') : r.role,
              count: r.capacity,
            })}
          </li>
        ))}
      </ul>
      <p className="template-window">
        {t('shiftTemplates.windowLine', {
          opens,
          closes: t('shiftTemplates.closes', { minutes: template.closesMinutesBefore }),
        })}
      </p>
      <p className="muted template-window">
        {t('shiftTemplates.cutoff', { minutes: template.cancelCutoffMinutes })}
      </p>
      <div className="template-actions">
        <Button icon={<CalendarOutlined aria-hidden />} onClick={() => onGenerate(template)}>
          {t('shiftTemplates.generate')}
          <span className="visually-hidden">{` ${title} ${span.start}`}</span>
        </Button>
        <Button icon={<StopOutlined aria-hidden />} onClick={confirmArchive} loading={archive.isPending}>
          {t('shiftTemplates.archive')}
          <span className="visually-hidden">{` ${title} ${span.start}`}</span>
        </Button>
      </div>
    </li>
  );
}
