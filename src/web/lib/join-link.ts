/**
 * The full registration address as people will type or share it. The server encodes the same
 * origin into the QR code (the address the coordinator reached it by), so both always agree.
 */
export const joinUrl = (path: string) => `${window.location.origin}${path}`;
