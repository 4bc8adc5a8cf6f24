import { DashboardOutlined, PlusCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import '../../styles/testing-live.css';

/** On the round page: the leader's live view and the gate volunteers' counter, one tap away. */
export function RoundLiveLinks({ roundId }: { roundId: string }) {
  const { t } = useTranslation();
  return (
    <nav className="round-live-links" aria-label={t('testingLive.liveTitle')}>
      <Link to={`/testing/rounds/${roundId}/live`} className="round-live-link">
        <DashboardOutlined aria-hidden /> {t('testingLive.openLive')}
      </Link>
      <Link to={`/testing/rounds/${roundId}/gate`} className="round-live-link">
        <PlusCircleOutlined aria-hidden /> {t('testingLive.openGate')}
      </Link>
    </nav>
  );
}
