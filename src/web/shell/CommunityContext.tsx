import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import type { TSession } from '../../shared/api/auth.ts';
import { pickMembership, storeCommunityId, storedCommunityId } from '../lib/community-choice.ts';

type Membership = TSession['memberships'][number];

interface CommunityChoice {
  /** Null when the person belongs to no community yet. */
  membership: Membership | null;
  memberships: readonly Membership[];
  select: (communityId: string) => void;
}

const CommunityContext = createContext<CommunityChoice | null>(null);

export function CommunityProvider({ session, children }: { session: TSession; children: ReactNode }) {
  const [wanted, setWanted] = useState(storedCommunityId);
  const select = useCallback((communityId: string) => {
    storeCommunityId(communityId);
    setWanted(communityId);
  }, []);
  const value = useMemo(
    () => ({
      membership: pickMembership(session.memberships, wanted),
      memberships: session.memberships,
      select,
    }),
    [session.memberships, wanted, select],
  );
  return <CommunityContext value={value}>{children}</CommunityContext>;
}

export function useCommunity(): CommunityChoice {
  const value = useContext(CommunityContext);
  if (!value) throw new Error('useCommunity outside CommunityProvider');
  return value;
}
