import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import { useCommunity } from '../../shell/CommunityContext.tsx';

/**
 * Opens a page of one compound from the street view: makes it the current community (the switcher in
 * the header shows it, and the street office's account has no other way in), then goes there.
 */
export function useDrillDown() {
  const { select } = useCommunity();
  const navigate = useNavigate();
  return useCallback(
    (communityId: string, to: '/dashboard' | '/reports') => {
      select(communityId);
      navigate(to);
    },
    [select, navigate],
  );
}
