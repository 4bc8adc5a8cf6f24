import { inflateSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ImageRejected, sniffImageType, stripImageMetadata } from './image-metadata.ts';
import {
  CLEAN_JPEG,
  CLEAN_PNG,
  CLEAN_WEBP,
  containsText,
  jpegWithLocation,
  pngWithLocation,
  SECRET_PLACE,
  webpWithLocation,
} from './photo-fixtures.ts';

const rejection = (data: Uint8Array) => {
  try {
    stripImageMetadata(data);
  } catch (err) {
    if (err instanceof ImageRejected) return err.reason;
    throw err;
  }
  return 'accepted';
};

/** The JPEG's marker sequence, walked as a decoder would (fails the test if the structure is broken). */
function jpegMarkers(data: Uint8Array) {
  const markers: number[] = [];
  let at = 2;
  while (at < data.length) {
    expect(data[at]).toBe(0xff);
    const marker = data[at + 1]!;
    markers.push(marker);
    if (marker === 0xd9) break;
    at += 2 + ((data[at + 2]! << 8) | data[at + 3]!);
    if (marker === 0xda) {
      const isMarker = (b: number) => b !== 0 && (b < 0xd0 || b > 0xd7);
      while (at + 1 < data.length && !(data[at] === 0xff && isMarker(data[at + 1]!))) at++;
    }
  }
  expect(at + 2).toBe(data.length);
  return markers;
}

describe('photo metadata stripping', () => {
  it('knows JPEG, PNG and WebP by their bytes, nothing else', () => {
    expect(sniffImageType(CLEAN_JPEG)).toBe('image/jpeg');
    expect(sniffImageType(CLEAN_PNG)).toBe('image/png');
    expect(sniffImageType(CLEAN_WEBP)).toBe('image/webp');
    expect(sniffImageType(Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj'))).toBeNull();
    expect(sniffImageType(Buffer.from('MZ\x90\x00\x03\x00\x00\x00PE'))).toBeNull();
    expect(sniffImageType(new Uint8Array())).toBeNull();
    expect(sniffImageType(Buffer.from('GIF89a\x01\x00\x01\x00'))).toBeNull();
  });

  it('takes Exif GPS, XMP, comments and IPTC out of a JPEG and keeps the picture byte for byte', () => {
    const planted = jpegWithLocation();
    expect(containsText(planted, SECRET_PLACE)).toBe(true);
    const { mimeType, content } = stripImageMetadata(planted);
    expect(mimeType).toBe('image/jpeg');
    expect(containsText(content, SECRET_PLACE)).toBe(false);
    expect(containsText(content, 'Exif')).toBe(false);
    expect(containsText(content, 'xmpmeta')).toBe(false);
    // what is left is exactly the clean picture: JFIF, ICC profile, tables, frame, scan, EOI
    expect(Buffer.from(content).equals(Buffer.from(CLEAN_JPEG))).toBe(true);
    expect(jpegMarkers(content)).toEqual([0xe0, 0xe2, 0xdb, 0xdb, 0xc0, 0xc4, 0xc4, 0xc4, 0xc4, 0xda, 0xd9]);
  });

  it('keeps a sideways photo upright: the orientation alone survives, in an Exif without GPS', () => {
    const { content } = stripImageMetadata(jpegWithLocation(6));
    expect(containsText(content, SECRET_PLACE)).toBe(false);
    const markers = jpegMarkers(content);
    expect(markers.slice(0, 3)).toEqual([0xe0, 0xe1, 0xe2]);
    const app1 = Buffer.from(content).indexOf(Buffer.from('Exif\0\0', 'latin1'));
    const tiff = Buffer.from(content.subarray(app1 + 6));
    expect(tiff.readUInt16BE(8)).toBe(1); // one entry in IFD0
    expect(tiff.readUInt16BE(10)).toBe(0x0112);
    expect(tiff.readUInt16BE(18)).toBe(6);
    expect(tiff.readUInt32BE(22)).toBe(0); // and no further IFD (no GPS IFD pointer at all)
    expect(stripImageMetadata(content).content).toEqual(content); // stable when stripped again
  });

  it('drops eXIf, tEXt, zTXt, iTXt and tIME from a PNG; the pixels still inflate', () => {
    const { mimeType, content } = stripImageMetadata(pngWithLocation());
    expect(mimeType).toBe('image/png');
    expect(containsText(content, SECRET_PLACE)).toBe(false);
    expect(Buffer.from(content).equals(Buffer.from(CLEAN_PNG))).toBe(true);
    // the chunks walk from IHDR to IEND, and the IDAT stream inflates to 8 rows of (filter + 8 RGBA pixels)
    const png = Buffer.from(content);
    const types: string[] = [];
    const idat: Buffer[] = [];
    for (let at = 8; at < png.length; ) {
      const length = png.readUInt32BE(at);
      const type = png.toString('latin1', at + 4, at + 8);
      types.push(type);
      if (type === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + length));
      at += 12 + length;
    }
    expect(types[0]).toBe('IHDR');
    expect(types.at(-1)).toBe('IEND');
    expect(inflateSync(Buffer.concat(idat))).toHaveLength(8 * (1 + 8 * 4));
  });

  it('drops EXIF and XMP chunks from a WebP, clears their VP8X flags and fixes the RIFF size', () => {
    const planted = webpWithLocation();
    expect(planted[20]! & 0x0c).toBe(0x0c);
    const { mimeType, content } = stripImageMetadata(planted);
    expect(mimeType).toBe('image/webp');
    expect(containsText(content, SECRET_PLACE)).toBe(false);
    expect(content[20]! & 0x0c).toBe(0);
    expect(content[20]! & 0x20).toBe(0x20); // the ICC flag stays with its chunk
    expect(Buffer.from(content).readUInt32LE(4)).toBe(content.length - 8);
    expect(Buffer.from(content).equals(Buffer.from(CLEAN_WEBP))).toBe(true);
  });

  it('refuses what is not an image, and images whose structure is broken', () => {
    expect(rejection(Buffer.from('%PDF-1.4\n'))).toBe('not_image');
    expect(rejection(Buffer.from('MZ\x90\x00 this program cannot be run in DOS mode'))).toBe('not_image');
    expect(rejection(new Uint8Array())).toBe('not_image');
    expect(rejection(CLEAN_JPEG.subarray(0, 400))).toBe('damaged');
    expect(rejection(Uint8Array.from([0xff, 0xd8, 0xff, 0xd9]))).toBe('damaged'); // no frame, no scan
    expect(rejection(CLEAN_PNG.subarray(0, 60))).toBe('damaged');
    expect(rejection(Uint8Array.from([...CLEAN_PNG.subarray(0, 8), ...CLEAN_PNG.subarray(33)]))).toBe(
      'damaged',
    ); // no IHDR
    expect(rejection(CLEAN_WEBP.subarray(0, 40))).toBe('damaged');
    expect(rejection(Buffer.from('RIFF\x04\x00\x00\x00WEBP'))).toBe('damaged');
  });

  it('whatever text is planted in a PNG, none of it survives and the picture is unchanged', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 200 }), (text) => {
        const secret = `GPS:${text}`;
        const { content } = stripImageMetadata(pngWithLocation(secret));
        return Buffer.from(content).equals(Buffer.from(CLEAN_PNG));
      }),
      { numRuns: 200 },
    );
  });

  it('never throws anything but a rejection on mangled bytes', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(CLEAN_JPEG, CLEAN_PNG, CLEAN_WEBP),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }),
        fc.nat(),
        (image, flips, cut) => {
          const data = Uint8Array.from(image.subarray(0, Math.max(1, image.length - (cut % 64))));
          for (const [at, value] of flips) data[at % data.length] = value;
          const outcome = rejection(data);
          if (outcome !== 'accepted') return ['not_image', 'damaged'].includes(outcome);
          return sniffImageType(stripImageMetadata(data).content) !== null;
        },
      ),
      { numRuns: 300 },
    );
  });
});
