// Test photos: 8×8 images as Chromium encodes them (with an ICC profile, no metadata), and helpers that
// plant what a phone would write into them — GPS coordinates in Exif, XMP, text chunks, a timestamp.

const fromBase64 = (b64: string) => new Uint8Array(Buffer.from(b64, 'base64'));

export const CLEAN_JPEG = fromBase64(
  '/9j/4AAQSkZJRgABAQAAAQABAAD/4gHYSUNDX1BST0ZJTEUAAQEAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADb/2wBDAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQFxQYGBcUFhYaHSUfGhsjHBYWICwgIyYnKSopGR8tMC0oMCUoKSj/2wBDAQcHBwoIChMKChMoGhYaKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCj/wAARCAAIAAgDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAb/xAAZEAACAwEAAAAAAAAAAAAAAAAAEQIDEiH/xAAVAQEBAAAAAAAAAAAAAAAAAAAFB//EAB0RAAIBBAMAAAAAAAAAAAAAAAEDBAACEUExofH/2gAMAwEAAhEDEQA/AIuuGH1sABUiQySwtac3HzVUuNGXFWEpGLRwO91//9k=',
);
export const CLEAN_WEBP = fromBase64(
  'UklGRjYCAABXRUJQVlA4WAoAAAAgAAAABwAABwAASUNDUMgBAAAAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADZWUDggSAAAADACAJ0BKggACAABQCYlsAJ0ugCGAAYB1FgAAP70L69nguf8hKbUo/+V25dNTHOLZ3f/Pf+Dc7j6f/Cp8Mfj/6ln/1LP80AAAA==',
);
export const CLEAN_PNG = fromBase64(
  'iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAYAAADED76LAAAANklEQVR4AayNMQ0AQAgDCYoq5aW8FCQhBSewNl1YaHJDk6bneNlMAs24LTkYRH1j1Hig0EvtAwAA//9I/4tkAAAABklEQVQDAI5MGQkguM9+AAAAAElFTkSuQmCC',
);

/** Where the test photos were "taken": a string that must never survive stripping. */
export const SECRET_PLACE = 'GPS 31.2304N 121.4737E 12-1203';

const bytes = (s: string) => [...Buffer.from(s, 'latin1')];
const u16be = (n: number) => [n >> 8, n & 0xff];
const u32be = (n: number) => [n >>> 24, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
const u32le = (n: number) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, n >>> 24];

/**
 * An Exif TIFF block (big-endian) with IFD0 = orientation + a GPS IFD pointer, and a GPS IFD with
 * latitude ref 'N', latitude 31/1 12/1 30/1, plus the secret as a GPS processing method.
 */
export function exifWithGps(orientation: number) {
  const secret = bytes(SECRET_PLACE);
  // IFD0 at 8: 2 entries → 2 + 24 + 4 = 30 bytes; GPS IFD at 38: 3 entries → 2 + 36 + 4 = 42 → data at 80
  const latAt = 80;
  const secretAt = latAt + 24;
  const tiff = [
    ...bytes('MM'),
    ...u16be(42),
    ...u32be(8),
    ...u16be(2),
    ...[...u16be(0x0112), ...u16be(3), ...u32be(1), ...u16be(orientation), 0, 0],
    ...[...u16be(0x8825), ...u16be(4), ...u32be(1), ...u32be(38)],
    ...u32be(0),
    ...u16be(3),
    ...[...u16be(0x0001), ...u16be(2), ...u32be(2), ...bytes('N\0'), 0, 0],
    ...[...u16be(0x0002), ...u16be(5), ...u32be(3), ...u32be(latAt)],
    ...[...u16be(0x001b), ...u16be(7), ...u32be(secret.length), ...u32be(secretAt)],
    ...u32be(0),
    ...[31, 1, 12, 1, 30, 1].flatMap(u32be),
    ...secret,
  ];
  return [...bytes('Exif\0\0'), ...tiff];
}

const jpegSegment = (marker: number, payload: number[]) => [
  0xff,
  marker,
  ...u16be(payload.length + 2),
  ...payload,
];

/** The clean JPEG with Exif (GPS), XMP, a comment and an IPTC APP13 planted after SOI, and bytes after EOI. */
export function jpegWithLocation(orientation = 1) {
  const planted = [
    ...jpegSegment(0xe1, exifWithGps(orientation)),
    ...jpegSegment(0xe1, bytes(`http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>${SECRET_PLACE}</x:xmpmeta>`)),
    ...jpegSegment(0xfe, bytes(SECRET_PLACE)),
    ...jpegSegment(0xed, bytes(`Photoshop 3.0\0${SECRET_PLACE}`)),
  ];
  return Uint8Array.from([
    ...CLEAN_JPEG.subarray(0, 2),
    ...planted,
    ...CLEAN_JPEG.subarray(2),
    ...bytes(SECRET_PLACE),
  ]);
}

function crc32(data: number[]) {
  let crc = 0xffffffff;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
export const pngChunk = (type: string, payload: number[]) => {
  const body = [...bytes(type), ...payload];
  return [...u32be(payload.length), ...body, ...u32be(crc32(body))];
};

/** The clean PNG with eXIf, tEXt, zTXt, iTXt and tIME chunks before its data, and bytes after IEND. */
export function pngWithLocation(extraText = SECRET_PLACE) {
  const planted = [
    ...pngChunk('eXIf', exifWithGps(1).slice(6)),
    ...pngChunk('tEXt', bytes(`Location\0${extraText}`)),
    ...pngChunk('zTXt', bytes(`Comment\0\0${extraText}`)),
    ...pngChunk('iTXt', bytes(`XML:com.adobe.xmp\0\0\0\0\0${extraText}`)),
    ...pngChunk('tIME', [0x07, 0xea, 4, 9, 8, 30, 0]),
  ];
  const afterHeader = 8 + 25; // signature + IHDR chunk
  return Uint8Array.from([
    ...CLEAN_PNG.subarray(0, afterHeader),
    ...planted,
    ...CLEAN_PNG.subarray(afterHeader),
    ...bytes(extraText),
  ]);
}

const riffChunk = (fourcc: string, payload: number[]) => [
  ...bytes(fourcc),
  ...u32le(payload.length),
  ...payload,
  ...(payload.length % 2 ? [0] : []),
];

/** The clean WebP with EXIF (GPS) and XMP chunks, their VP8X flags set and the RIFF size fixed. */
export function webpWithLocation() {
  const body = [
    ...CLEAN_WEBP.subarray(12),
    ...riffChunk('EXIF', exifWithGps(1).slice(6)),
    ...riffChunk('XMP ', bytes(`<x:xmpmeta>${SECRET_PLACE}</x:xmpmeta>`)),
  ];
  body[8] = body[8]! | 0x08 | 0x04; // VP8X flags: EXIF and XMP present
  return Uint8Array.from([...bytes('RIFF'), ...u32le(body.length + 4), ...bytes('WEBP'), ...body]);
}

export const containsText = (data: Uint8Array, text: string) =>
  Buffer.from(data).includes(Buffer.from(text, 'latin1'));
