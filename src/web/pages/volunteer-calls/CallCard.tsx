import { CheckOutlined, CopyOutlined, PrinterOutlined, StopOutlined } from '@ant-design/icons';
import { App, Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TVolunteerCall } from '../../../shared/api/volunteers.ts';
import { errorMessage } from '../../api/client.ts';
import { qrCodeUrl, useCloseCall } from '../../api/volunteers.ts';
import { currentLocale } from '../../i18n/index.ts';
import { joinUrl } from '../../lib/join-link.ts';
import { formatDateTime } from '../../lib/time.ts';

interface Props {
  communityId: string;
  call: TVolunteerCall;
  timeZone: string;
}

/** One call: its state and count, and while open the QR code and link to hand out. */
export function CallCard({ communityId, call, timeZone }: Props) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const locale = currentLocale();
  const close = useCloseCall(communityId);
  const open = call.closedAt === null;
  const url = joinUrl(call.path);
  const titleId = `call-${call.id}`;

  const confirmClose = () =>
    modal.confirm({
      title: t('volunteerCalls.closeTitle', { title: call.title }),
      content: t('volunteerCalls.closeText'),
      okText: t('volunteerCalls.close'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () =>
        close.mutateAsync(call.id).then(
          () => void message.success(t('volunteerCalls.closed', { title: call.title })),
          (error) => void message.error(errorMessage(error)),
        ),
    });

  return (
    <li className="call-card" aria-labelledby={titleId} data-testid="call-card">
      <div className="call-card-head">
        <h3 id={titleId}>{call.title}</h3>
        <span className={open ? 'badge badge-green' : 'badge badge-grey'}>
          {open ? t('volunteerCalls.statusOpen') : t('volunteerCalls.statusClosed')}
        </span>
      </div>
      <p className="muted call-times">
        {t('volunteerCalls.createdAt', { time: formatDateTime(call.createdAt, timeZone, locale) })}
        {call.closedAt &&
          ` · ${t('volunteerCalls.closedAt', { time: formatDateTime(call.closedAt, timeZone, locale) })}`}
      </p>
      <p className="call-count">
        <strong>{t('volunteerCalls.registrations', { count: call.registrations })}</strong>
        {call.registrations > 0 && (
          <Link to="/volunteers?status=pending">{t('volunteerCalls.viewPending')}</Link>
        )}
      </p>
      {open && (
        <div className="call-share">
          <img
            className="call-qr"
            src={qrCodeUrl(communityId, call.id)}
            alt={t('volunteerCalls.qrAlt', { title: call.title })}
            width={168}
            height={168}
          />
          <div className="call-link">
            <span className="field-label-block">{t('volunteerCalls.link')}</span>
            <Typography.Text
              copyable={{
                text: url,
                // Words on the button, not a bare icon: a thumb needs a target, a reader a name.
                tooltips: [t('volunteerCalls.copy'), t('volunteerCalls.copied')],
                icon: [
                  <span key="copy" className="copy-label">
                    <CopyOutlined aria-hidden /> {t('volunteerCalls.copy')}
                  </span>,
                  <span key="copied" className="copy-label">
                    <CheckOutlined aria-hidden /> {t('volunteerCalls.copied')}
                  </span>,
                ],
              }}
            >
              <span data-testid="call-link">{url}</span>
            </Typography.Text>
          </div>
        </div>
      )}
      <div className="form-buttons">
        <Link className="button-link" to={`/volunteer-calls/${call.id}/poster`}>
          <PrinterOutlined aria-hidden />
          {t('volunteerCalls.poster')}
        </Link>
        {open && (
          <Button danger icon={<StopOutlined aria-hidden />} onClick={confirmClose}>
            {t('volunteerCalls.close')}
          </Button>
        )}
      </div>
    </li>
  );
}
