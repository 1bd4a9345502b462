/** Leading bytes of the formats officers attach; anything else is stored as octet-stream or text. */
const SIGNATURES: ReadonlyArray<{ mediaType: string; offset: number; bytes: readonly number[] }> = [
  { mediaType: 'application/pdf', offset: 0, bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { mediaType: 'image/png', offset: 0, bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { mediaType: 'image/jpeg', offset: 0, bytes: [0xff, 0xd8, 0xff] },
  { mediaType: 'image/gif', offset: 0, bytes: [0x47, 0x49, 0x46, 0x38] },
  { mediaType: 'image/tiff', offset: 0, bytes: [0x49, 0x49, 0x2a, 0x00] },
  { mediaType: 'image/tiff', offset: 0, bytes: [0x4d, 0x4d, 0x00, 0x2a] },
  { mediaType: 'image/webp', offset: 8, bytes: [0x57, 0x45, 0x42, 0x50] },
  { mediaType: 'application/gzip', offset: 0, bytes: [0x1f, 0x8b] },
  { mediaType: 'application/x-7z-compressed', offset: 0, bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  {
    mediaType: 'application/x-ole-storage',
    offset: 0,
    bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
  },
];

const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** Office Open XML files are zips whose first entries name their kind. */
const OOXML: ReadonlyArray<{ marker: string; mediaType: string }> = [
  { marker: 'word/', mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  { marker: 'xl/', mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  { marker: 'ppt/', mediaType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation' },
];

const startsWith = (data: Uint8Array, offset: number, bytes: readonly number[]): boolean =>
  data.length >= offset + bytes.length && bytes.every((byte, i) => data[offset + i] === byte);

/**
 * The media type of a file from its content, never from its name or the uploader's claim, so a renamed
 * executable is not passed on as a PDF.
 */
export function sniffMediaType(data: Uint8Array): string {
  for (const signature of SIGNATURES) {
    if (startsWith(data, signature.offset, signature.bytes)) {
      // RIFF....WEBP: the first four bytes must be RIFF too.
      if (signature.mediaType !== 'image/webp' || startsWith(data, 0, [0x52, 0x49, 0x46, 0x46])) {
        return signature.mediaType;
      }
    }
  }
  if (startsWith(data, 0, ZIP)) {
    const head = Buffer.from(data.subarray(0, 4096)).toString('latin1');
    return OOXML.find((kind) => head.includes(kind.marker))?.mediaType ?? 'application/zip';
  }
  return looksLikeText(data) ? textType(data) : 'application/octet-stream';
}

function looksLikeText(data: Uint8Array): boolean {
  const sample = data.subarray(0, 8192);
  if (sample.length === 0) return false;
  if (sample.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(
      sample.length < data.length ? trimPartial(sample) : sample,
    );
    return true;
  } catch {
    return false;
  }
}

/** A sample may end inside a multi-byte UTF-8 sequence; drop up to three trailing continuation bytes. */
function trimPartial(sample: Uint8Array): Uint8Array {
  let end = sample.length;
  for (let i = 0; i < 3 && end > 0 && ((sample[end - 1] ?? 0) & 0xc0) === 0x80; i += 1) end -= 1;
  if (end > 0 && ((sample[end - 1] ?? 0) & 0xc0) === 0xc0) end -= 1;
  return sample.subarray(0, end);
}

function textType(data: Uint8Array): string {
  const head = Buffer.from(data.subarray(0, 512))
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (head.startsWith('<?xml') || head.startsWith('<alert')) return 'application/xml';
  if (head.startsWith('{') || head.startsWith('[')) return 'application/json';
  return 'text/plain';
}
