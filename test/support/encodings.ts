/**
 * Text encoded as files from other systems hold it: GB18030 (by a table made once from the platform's
 * own decoder: every two-byte sequence decoded, so the test needs no encoder library) and UTF-16 with
 * its byte order mark.
 */
let gbTable: Map<string, number[]> | undefined;

function gb18030Table(): Map<string, number[]> {
  if (gbTable) return gbTable;
  gbTable = new Map();
  const decoder = new TextDecoder('gb18030');
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const char = decoder.decode(new Uint8Array([lead, trail]));
      if (char.length === 1 && char !== '\ufffd' && !gbTable.has(char)) gbTable.set(char, [lead, trail]);
    }
  }
  return gbTable;
}

/** ASCII as itself, every other character by its two-byte GBK code (enough for the Chinese of notes). */
export function encodeGb18030(text: string): Uint8Array {
  const table = gb18030Table();
  const bytes: number[] = [];
  for (const char of text) {
    if (char.charCodeAt(0) < 0x80) bytes.push(char.charCodeAt(0));
    else {
      const code = table.get(char);
      if (!code) throw new Error(`no two-byte GB18030 code for ${char}`);
      bytes.push(...code);
    }
  }
  return Uint8Array.from(bytes);
}

export function encodeUtf16(text: string, order: 'le' | 'be'): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set(order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const [high, low] = [unit >> 8, unit & 0xff];
    bytes.set(order === 'le' ? [low, high] : [high, low], 2 + i * 2);
  }
  return bytes;
}
