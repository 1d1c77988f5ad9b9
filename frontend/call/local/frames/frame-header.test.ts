import { describe, expect, it } from 'vitest';
import { encodeFrameHeader, readFrameHeader } from './frame-header';
import { hex } from './sealing-fixtures';

describe('frame header', () => {
  // RFC 9605's encoding: |X|KKK|Y|CCC|, then the key id and the counter when they do not fit in 3 bits
  it.each([
    [0, 0, '00'],
    [7, 7, '77'],
    [1, 5, '15'],
    [0, 8, '0808'],
    [0, 0xff, '08ff'],
    [0, 0x100, '090100'],
    [8, 0, '8008'],
    [0xffff, 0x1234_5678_9abc, '9dffff123456789abc'],
  ])('keyId %i counter %i_isEncodedAs %s_andReadBack', (keyId, counter, expected) => {
    const header = encodeFrameHeader(keyId, counter);

    expect(hex(header)).toBe(expected);
    expect(readFrameHeader(header, 0)).toEqual({ keyId, counter, length: header.length });
  });

  it('cutShortOrOversized_isNotRead', () => {
    expect(readFrameHeader(Uint8Array.of(0x09, 0x01), 0)).toBeUndefined();
    expect(readFrameHeader(Uint8Array.of(), 0)).toBeUndefined();
    // an 8-byte counter does not fit a JavaScript number exactly
    expect(readFrameHeader(Uint8Array.of(0x0f, 1, 2, 3, 4, 5, 6, 7, 8), 0)).toBeUndefined();
  });
});
