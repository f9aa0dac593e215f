/**
 * Bytes read from disk → text, saying which encoding was assumed. Notes and glossaries come as UTF-8
 * (with or without a byte order mark), as UTF-16 with a byte order mark (Windows Notepad's "Unicode"),
 * or, from older Chinese systems, as GB18030/GBK: bytes that are not valid UTF-8 are read as GB18030,
 * which also covers GBK and GB2312. Nothing is read as garbage silently: the caller reports any
 * encoding other than UTF-8. Decoding is done by the platform's `TextDecoder` (Node and browsers).
 */

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

export type Decoded =
  | { readonly kind: 'text'; readonly text: string; readonly encoding: TextEncoding }
  | { readonly kind: 'binary' };

/** How much of the start of a file is searched for the NUL byte that marks it as binary (as git does). */
export const SNIFF_BYTES = 8192;

const ENCODING_NAMES: Readonly<Record<TextEncoding, string>> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8 with a byte order mark',
  'utf-16le': 'UTF-16 LE (byte order mark)',
  'utf-16be': 'UTF-16 BE (byte order mark)',
  gb18030: 'GB18030 (the bytes are not valid UTF-8)',
};

/** The encoding as a user reads it in a message. */
export function encodingName(encoding: TextEncoding): string {
  return ENCODING_NAMES[encoding];
}

/** UTF-8 with or without its byte order mark: the encodings nobody needs to be told about. */
export function isUtf8(encoding: TextEncoding): boolean {
  return encoding === 'utf-8' || encoding === 'utf-8-bom';
}

function byteOrderMark(bytes: Uint8Array): TextEncoding | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8-bom';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/**
 * Whether the start of a file can be text: UTF-16 (with its mark) holds NUL bytes, anything else that
 * does is binary. Enough to stop reading a device or a `/proc` file after its first block.
 */
export function mayBeText(head: Uint8Array): boolean {
  const mark = byteOrderMark(head);
  if (mark === 'utf-16le' || mark === 'utf-16be') return true;
  return !head.subarray(0, SNIFF_BYTES).includes(0);
}

export function decodeText(bytes: Uint8Array): Decoded {
  if (!mayBeText(bytes)) return { kind: 'binary' };
  const mark = byteOrderMark(bytes);
  if (mark === 'utf-16le' || mark === 'utf-16be') {
    return { kind: 'text', text: new TextDecoder(mark).decode(bytes), encoding: mark };
  }
  try {
    // `fatal`: an invalid sequence throws instead of becoming U+FFFD, which is what tells GB18030 apart.
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { kind: 'text', text, encoding: mark ?? 'utf-8' };
  } catch {
    return { kind: 'text', text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}
