/**
 * What a volunteer's personal QR code carries: a prefix that says what it is, then the badge token.
 * A leader's scanner reads it back; a bare token (typed or pasted) is accepted as well.
 */
const PREFIX = 'linli-badge:';

export const badgeQrText = (token: string) => `${PREFIX}${token}`;

/** The badge token in a scanned or typed text, or null when it is not one. */
export function badgeTokenFrom(text: string): string | null {
  const trimmed = text.trim();
  const token = trimmed.toLowerCase().startsWith(PREFIX) ? trimmed.slice(PREFIX.length) : trimmed;
  return /^[A-Za-z0-9_-]{8,100}$/.test(token) ? token : null;
}
