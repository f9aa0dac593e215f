/** core/text/decode: the encodings notes and glossaries come in, told apart, and binary refused. */
import * as assert from 'node:assert/strict';
import { decodeText, mayBeText } from '../../../server/src/core/text/decode';
import { encodeGb18030, encodeUtf16 } from '../../support/encodings';

const TEXT = 'CHN/HR/2025/34\n中国政府收到AL CHN 4/2025号来文。😀\r\n';

describe('decodeText', () => {
  it('reads UTF-8 with and without a byte order mark', () => {
    const bytes = new TextEncoder().encode(TEXT);
    assert.deepEqual(decodeText(bytes), { kind: 'text', text: TEXT, encoding: 'utf-8' });
    assert.deepEqual(decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, ...bytes])), { kind: 'text', text: TEXT, encoding: 'utf-8-bom' });
  });

  it('reads UTF-16 LE and BE by their byte order mark (NUL bytes and all)', () => {
    assert.deepEqual(decodeText(encodeUtf16(TEXT, 'le')), { kind: 'text', text: TEXT, encoding: 'utf-16le' });
    assert.deepEqual(decodeText(encodeUtf16(TEXT, 'be')), { kind: 'text', text: TEXT, encoding: 'utf-16be' });
  });

  it('reads GB18030 (and so GBK) when the bytes are not valid UTF-8', () => {
    const chinese = '中国政府收到AL CHN 4/2025号来文，现答复如下。\n一是依法打击电信诈骗。';
    assert.deepEqual(decodeText(encodeGb18030(chinese)), { kind: 'text', text: chinese, encoding: 'gb18030' });
  });

  it('refuses binary: a NUL byte in the first block without a UTF-16 mark', () => {
    assert.deepEqual(decodeText(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01])), { kind: 'binary' });
    assert.equal(mayBeText(new Uint8Array(8192)), false);
    assert.equal(mayBeText(encodeUtf16('a', 'le')), true);
    assert.deepEqual(decodeText(new Uint8Array()), { kind: 'text', text: '', encoding: 'utf-8' });
  });
});
