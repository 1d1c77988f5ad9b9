import { describe, expect, it } from 'vitest';
import { REACTIONS } from './chat-rules';
import { type CallMessage, KIND_BYTES, decodeBody, encodeBody, kindOfByte } from './message-body';

const UTF8 = 0;
const PACKED = 1;

function roundTrip(message: CallMessage): CallMessage | undefined {
  return decodeBody(message.kind, encodeBody(message));
}

describe('message bodies', () => {
  it('carryTextOfEveryScript_unchanged', () => {
    for (const text of [
      'Hello',
      'Grüße',
      '你好，世界',
      '😀👍🏽‍♀️',
      'mixed: a 中 😀',
      '\uFEFFleading BOM',
      '<b>markup</b>',
    ]) {
      expect(roundTrip({ kind: 'chat', text })).toEqual({ kind: 'chat', text });
    }
  });

  it('takeTheShorterFormat_utf8ForLatin_packedForEmojiAndCjk', () => {
    const latin = encodeBody({ kind: 'chat', text: 'a'.repeat(100) });
    const emoji = encodeBody({ kind: 'chat', text: '😀'.repeat(100) });
    const cjk = encodeBody({ kind: 'chat', text: '中'.repeat(100) });

    expect([latin[0], latin.length]).toEqual([UTF8, 1 + 100]);
    expect([emoji[0], emoji.length]).toEqual([PACKED, 1 + Math.ceil((100 * 21) / 8)]);
    expect([cjk[0], cjk.length]).toEqual([PACKED, 1 + Math.ceil((100 * 21) / 8)]);
  });

  it('replaceALoneSurrogate_asUtf8Would', () => {
    expect(roundTrip({ kind: 'chat', text: 'a\uD800b' })).toEqual({ kind: 'chat', text: 'a\uFFFDb' });
    expect(roundTrip({ kind: 'chat', text: '😀\uDC00😀' })).toEqual({ kind: 'chat', text: '😀\uFFFD😀' });
  });

  it('refuseWhatNoSenderWrites', () => {
    const packed = encodeBody({ kind: 'chat', text: '😀😀' });
    const withPadding = packed.slice();
    withPadding[withPadding.length - 1] |= 1;
    const beyondUnicode = Uint8Array.of(PACKED, 0xff, 0xff, 0xf8); // 0x1FFFFF
    const surrogate = Uint8Array.of(PACKED, 0x06, 0xc0, 0x00); // 0xD800
    const extraByte = Uint8Array.of(...packed, 0);

    expect(decodeBody('chat', packed)).toEqual({ kind: 'chat', text: '😀😀' });
    expect(decodeBody('chat', Uint8Array.of(PACKED, 0x06, 0xbf, 0xf8))).toEqual({ kind: 'chat', text: '\uD7FF' });
    for (const body of [
      withPadding,
      beyondUnicode,
      surrogate,
      extraByte,
      Uint8Array.of(UTF8, 0xc3), // cut UTF-8
      Uint8Array.of(2, 0x61), // an unknown format
      Uint8Array.of(UTF8), // empty
      new Uint8Array(0),
    ]) {
      expect(decodeBody('chat', body)).toBeUndefined();
    }
  });

  it('carryReactionsAsTheirNumber_soEveryReactionHasOneLength', () => {
    for (const [number, { emoji }] of REACTIONS.entries()) {
      expect(encodeBody({ kind: 'reaction', reaction: emoji })).toEqual(Uint8Array.of(number));
      expect(roundTrip({ kind: 'reaction', reaction: emoji })).toEqual({ kind: 'reaction', reaction: emoji });
    }
    expect(decodeBody('reaction', Uint8Array.of(REACTIONS.length))).toBeUndefined();
    expect(decodeBody('reaction', Uint8Array.of(0, 0))).toBeUndefined();
  });

  it('carryAHandAsOneByte', () => {
    expect(encodeBody({ kind: 'hand', raised: true })).toEqual(Uint8Array.of(1));
    expect(roundTrip({ kind: 'hand', raised: false })).toEqual({ kind: 'hand', raised: false });
    expect(decodeBody('hand', Uint8Array.of(2))).toBeUndefined();
    expect(decodeBody('hand', new Uint8Array(0))).toBeUndefined();
  });

  it('nameKindsByTheirByte', () => {
    expect(Object.values(KIND_BYTES).map(kindOfByte)).toEqual(['chat', 'reaction', 'hand']);
    expect(kindOfByte(0)).toBeUndefined();
    expect(kindOfByte(4)).toBeUndefined();
  });
});
