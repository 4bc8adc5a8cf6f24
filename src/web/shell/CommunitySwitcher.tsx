import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCommunity } from './CommunityContext.tsx';

interface Props {
  block?: boolean;
  /** Show the current name even to members of several communities (no room for a chooser). */
  nameOnly?: boolean;
  onSwitched?: () => void;
}

/** A chooser only for people in several communities; everyone else just sees the name. */
export function CommunitySwitcher({ block = false, nameOnly = false, onSwitched }: Props) {
  const { t } = useTranslation();
  const { membership, memberships, select } = useCommunity();
  if (!membership) return null;
  if (nameOnly || memberships.length < 2) {
    return <span className="community-name">{membership.communityName}</span>;
  }
  return (
    <Select
      aria-label={t('shell.community')}
      value={membership.communityId}
      onChange={(communityId: string) => {
        select(communityId);
        onSwitched?.();
      }}
      options={memberships.map((m) => ({ value: m.communityId, label: m.communityName }))}
      popupMatchSelectWidth={false}
      style={block ? { width: '100%' } : { minWidth: 180 }}
    />
  );
}
