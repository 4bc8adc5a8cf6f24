import type { TSession } from '../../shared/api/auth.ts';

const STORAGE_KEY = 'linli.community';

export function storedCommunityId(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function storeCommunityId(id: string) {
  try {
    localStorage.setItem(STORAGE_KEY, id);
  } catch {
    // The choice then lasts until reload, which is acceptable.
  }
}

type Membership = TSession['memberships'][number];

/** The remembered community when the person still belongs to it, else their first one. */
export function pickMembership(memberships: readonly Membership[], wanted: string | null): Membership | null {
  return memberships.find((m) => m.communityId === wanted) ?? memberships[0] ?? null;
}
