// Photos of prescriptions, insurance cards and medicine boxes are taken on phones, which write where
// and when into the file (Exif GPS, XMP, text chunks). Before a photo is stored, everything but the
// picture itself goes: this module recognises an image by its bytes (never by the declared type),
// walks its container format and copies only what a decoder needs.

export type StoredImageType = 'image/jpeg' | 'image/png' | 'image/webp';

/** Why an upload is not a storable image: not an image at all, or an image whose structure is broken. */
export class ImageRejected extends Error {
  constructor(readonly reason: 'not_image' | 'damaged') {
    super(reason);
  }
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const ascii = (data: Uint8Array, at: number, length: number) =>
  String.fromCharCode(...data.subarray(at, at + length));

/** The image type the bytes themselves say, or null: JPEG, PNG and WebP only. */
export function sniffImageType(data: Uint8Array): StoredImageType | null {
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
  if (data.length >= 8 && PNG_SIGNATURE.every((b, i) => data[i] === b)) return 'image/png';
  if (data.length >= 12 && ascii(data, 0, 4) === 'RIFF' && ascii(data, 8, 4) === 'WEBP') return 'image/webp';
  return null;
}

/** The image without its metadata, and its type; throws ImageRejected. */
export function stripImageMetadata(data: Uint8Array): { mimeType: StoredImageType; content: Uint8Array } {
  const mimeType = sniffImageType(data);
  if (!mimeType) throw new ImageRejected('not_image');
  const strip = { 'image/jpeg': stripJpeg, 'image/png': stripPng, 'image/webp': stripWebp }[mimeType];
  return { mimeType, content: strip(data) };
}

const damaged = () => new ImageRejected('damaged');
const concat = (parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

// ---- JPEG: a sequence of marker segments; entropy-coded data follows each SOS.

const SOI = 0xd8;
const EOI = 0xd9;
const SOS = 0xda;
const COM = 0xfe;
const isStandalone = (m: number) => m === 0x01 || (m >= 0xd0 && m <= 0xd7);
const isFrameHeader = (m: number) => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;

/**
 * Which APPn segments stay: APP0 (JFIF/JFXX: pixel density), APP2 ICC_PROFILE (colours) and APP14
 * Adobe (tells a decoder how CMYK/YCCK colours are transformed: without it they come out wrong).
 * Exif, XMP (both APP1) and every other APPn, and comments (COM), go.
 */
function keepsAppSegment(marker: number, payload: Uint8Array): boolean {
  if (marker === 0xe0) return ascii(payload, 0, 4) === 'JFIF' || ascii(payload, 0, 4) === 'JFXX';
  if (marker === 0xe2) return ascii(payload, 0, 12) === 'ICC_PROFILE\0';
  if (marker === 0xee) return ascii(payload, 0, 5) === 'Adobe';
  return false;
}

function stripJpeg(data: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [Uint8Array.of(0xff, SOI)];
  let orientation: number | null = null;
  let sawFrame = false;
  let sawScan = false;
  let at = 2;
  for (;;) {
    if (at >= data.length || data[at] !== 0xff) throw damaged();
    while (data[at] === 0xff) at++; // fill bytes before a marker
    if (at >= data.length) throw damaged();
    const marker = data[at++]!;
    if (marker === EOI) {
      if (!sawFrame || !sawScan) throw damaged();
      parts.push(Uint8Array.of(0xff, EOI)); // anything after EOI is dropped too
      break;
    }
    if (marker === SOI) throw damaged();
    if (isStandalone(marker)) {
      parts.push(Uint8Array.of(0xff, marker));
      continue;
    }
    if (at + 2 > data.length) throw damaged();
    const length = (data[at]! << 8) | data[at + 1]!;
    const end = at + length;
    if (length < 2 || end > data.length) throw damaged();
    const payload = data.subarray(at + 2, end);
    const isApp = marker >= 0xe0 && marker <= 0xef;
    if (isApp && marker === 0xe1 && ascii(payload, 0, 6) === 'Exif\0\0')
      orientation ??= exifOrientation(payload.subarray(6));
    if (marker !== COM && (!isApp || keepsAppSegment(marker, payload)))
      parts.push(data.subarray(at - 2, end));
    if (isFrameHeader(marker)) sawFrame = true;
    at = end;
    if (marker === SOS) {
      sawScan = true;
      // Entropy-coded data runs to the next marker that is neither a stuffed 0xFF00 nor a restart.
      const start = at;
      while (at + 1 < data.length) {
        if (
          data[at] === 0xff &&
          data[at + 1] !== 0x00 &&
          data[at + 1] !== 0xff &&
          !isStandalone(data[at + 1]!)
        )
          break;
        at++;
      }
      if (at + 1 >= data.length) throw damaged();
      parts.push(data.subarray(start, at));
    }
  }
  // A phone photo is often stored sideways with an Exif orientation: that one number is kept, alone.
  // It goes after the JFIF segment, which must come first.
  if (orientation !== null && orientation !== 1) {
    const afterJfif = parts[1]?.[1] === 0xe0 ? 2 : 1;
    parts.splice(afterJfif, 0, orientationSegment(orientation));
  }
  return concat(parts);
}

/** The orientation (tag 0x0112) of IFD0 in an Exif TIFF block, or null. */
function exifOrientation(tiff: Uint8Array): number | null {
  if (tiff.length < 8) return null;
  const little = ascii(tiff, 0, 2) === 'II';
  if (!little && ascii(tiff, 0, 2) !== 'MM') return null;
  const view = new DataView(tiff.buffer, tiff.byteOffset, tiff.byteLength);
  const ifd = view.getUint32(4, little);
  if (ifd + 2 > tiff.length) return null;
  const count = view.getUint16(ifd, little);
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > tiff.length) return null;
    if (view.getUint16(entry, little) === 0x0112) {
      const value = view.getUint16(entry + 8, little);
      return value >= 1 && value <= 8 ? value : null;
    }
  }
  return null;
}

/** An APP1 Exif segment holding only IFD0 with the orientation: no GPS, no camera, no time. */
function orientationSegment(orientation: number): Uint8Array {
  const tiff = [0x4d, 0x4d, 0, 0x2a, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0];
  const payload = [...'Exif\0\0'].map((c) => c.charCodeAt(0)).concat(tiff, [0, 0, 0, 0]);
  const length = payload.length + 2;
  return Uint8Array.from([0xff, 0xe1, length >> 8, length & 0xff, ...payload]);
}

// ---- PNG: the signature, then chunks (length, type, data, CRC) from IHDR to IEND.

const PNG_DROPPED_CHUNKS = new Set(['eXIf', 'tEXt', 'zTXt', 'iTXt', 'tIME']);

function stripPng(data: Uint8Array): Uint8Array {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const parts: Uint8Array[] = [data.subarray(0, 8)];
  let at = 8;
  let first = true;
  let sawData = false;
  for (;;) {
    if (at + 12 > data.length) throw damaged();
    const length = view.getUint32(at);
    const type = ascii(data, at + 4, 4);
    const end = at + 12 + length;
    if (end > data.length || !/^[A-Za-z]{4}$/.test(type)) throw damaged();
    if (first && type !== 'IHDR') throw damaged();
    first = false;
    if (type === 'IDAT') sawData = true;
    if (!PNG_DROPPED_CHUNKS.has(type)) parts.push(data.subarray(at, end));
    at = end;
    if (type === 'IEND') break; // anything after IEND is dropped
  }
  if (!sawData) throw damaged();
  return concat(parts);
}

// ---- WebP: a RIFF container of chunks (FourCC, little-endian size, data padded to even).

const VP8X_EXIF_FLAG = 0x08;
const VP8X_XMP_FLAG = 0x04;

function stripWebp(data: Uint8Array): Uint8Array {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const riffEnd = 8 + view.getUint32(4, true);
  if (riffEnd > data.length || riffEnd < 12) throw damaged();
  const parts: Uint8Array[] = [];
  let at = 12;
  let sawImage = false;
  while (at < riffEnd) {
    if (at + 8 > riffEnd) throw damaged();
    const fourcc = ascii(data, at, 4);
    const size = view.getUint32(at + 4, true);
    const end = at + 8 + size + (size % 2);
    if (at + 8 + size > riffEnd) throw damaged();
    if (fourcc === 'VP8 ' || fourcc === 'VP8L' || fourcc === 'ANIM') sawImage = true;
    if (fourcc === 'VP8X') {
      if (at !== 12 || size < 10) throw damaged();
      const chunk = data.slice(at, Math.min(end, riffEnd));
      chunk[8] = chunk[8]! & ~(VP8X_EXIF_FLAG | VP8X_XMP_FLAG);
      parts.push(chunk);
    } else if (fourcc !== 'EXIF' && fourcc !== 'XMP ') {
      parts.push(data.subarray(at, Math.min(end, riffEnd)));
    }
    at = end;
  }
  if (!sawImage) throw damaged();
  const body = concat(parts);
  const header = new Uint8Array(12);
  header.set(data.subarray(0, 12));
  new DataView(header.buffer).setUint32(4, body.length + 4, true);
  return concat([header, body]);
}
