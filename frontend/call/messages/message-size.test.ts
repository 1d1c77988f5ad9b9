import { describe, expect, it } from 'vitest';
import { MAX_CHAT_CODE_POINTS } from './chat-rules';
import { MAX_CHAT_BODY_BYTES, decodeBody, encodeBody } from './message-body';
import { MessageKeys } from './message-keys';
import {
  MAX_SEALED_BYTES,
  MAX_SIGNAL_DATA_CHARS,
  MESSAGE_SIGNAL_TYPE,
  MessageOpener,
  MessageSealer,
  MessageTooLargeError,
  fromSignalData,
  sealedLength,
  signalDataLength,
  toSignalData,
} from './message-seal';

// OpenTok.js's own limits (Signal in opentok.js): JSON.stringify(data).length <= 8192, type <= 128 of [a-zA-Z0-9-._~]
const OPENTOK_MAX_DATA = 8192;
const OPENTOK_TYPE = /^[a-zA-Z0-9\-._~]{1,128}$/;
const EMOJI = '😀'; // 4 bytes in UTF-8, the most a code point takes

async function messageKeys(): Promise<MessageKeys> {
  const material = await crypto.subtle.importKey('raw', new Uint8Array(32).fill(1), 'HKDF', false, ['deriveBits']);
  return MessageKeys.from(material, 'AAECAwQFBgcICQoLDA0ODw');
}

describe('the size of a sealed message', () => {
  it('ofTheLongestChatText_fitsAnOpenTokSignal', () => {
    // 2,000 code points: 1 format byte + 2,000 × 21 bits; sealed with 14 header and 16 tag bytes; then base64
    expect(MAX_CHAT_BODY_BYTES).toBe(1 + 5250);
    expect(sealedLength(MAX_CHAT_BODY_BYTES)).toBe(5281);
    expect(signalDataLength(sealedLength(MAX_CHAT_BODY_BYTES))).toBe(7044);
    expect(signalDataLength(sealedLength(MAX_CHAT_BODY_BYTES))).toBeLessThanOrEqual(MAX_SIGNAL_DATA_CHARS);
    // in plain UTF-8 the worst case (4 bytes a code point) would not have fitted
    expect(signalDataLength(sealedLength(1 + 4 * MAX_CHAT_CODE_POINTS))).toBe(10708);
    expect(signalDataLength(MAX_SEALED_BYTES)).toBeLessThanOrEqual(MAX_SIGNAL_DATA_CHARS);
    expect(signalDataLength(MAX_SEALED_BYTES + 1)).toBeGreaterThan(MAX_SIGNAL_DATA_CHARS);
    expect(MESSAGE_SIGNAL_TYPE).toMatch(OPENTOK_TYPE);
  });

  it('isTheComputedMost_forTheWorstTextsOfEveryScript', async () => {
    const keys = await messageKeys();
    const sealer = new MessageSealer('ada');
    const worst = [EMOJI, '中', 'é', 'a', '\u{10FFFF}'].map((character) => character.repeat(MAX_CHAT_CODE_POINTS));
    const mixed = Array.from({ length: MAX_CHAT_CODE_POINTS }, (_, i) => (i % 2 ? EMOJI : '中')).join('');

    for (const text of [...worst, mixed]) {
      const data = toSignalData(await sealer.seal(keys, { kind: 'chat', text }));
      expect(JSON.stringify(data).length).toBeLessThanOrEqual(OPENTOK_MAX_DATA);
      expect(data.length).toBeLessThanOrEqual(signalDataLength(sealedLength(MAX_CHAT_BODY_BYTES)));
    }
    const emoji = toSignalData(await sealer.seal(keys, { kind: 'chat', text: worst[0] }));
    expect(emoji.length).toBe(7044);
  });

  it('travelsAsBase64SignalData_andOpensOnTheOtherSide', async () => {
    const keys = await messageKeys();
    const text = `${EMOJI}${'x'.repeat(MAX_CHAT_CODE_POINTS - 2)}${EMOJI}`;
    const data = toSignalData(await new MessageSealer('ada').seal(keys, { kind: 'chat', text }));
    const sealed = fromSignalData(data);

    expect(data).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(sealed && (await new MessageOpener().open(keys, 'ada', sealed))).toMatchObject({
      status: 'opened',
      message: { kind: 'chat', text },
    });
  });

  it('refusesATextOverTheLimit_atTheSealingSide_withAClearError', async () => {
    const keys = await messageKeys();
    const sealer = new MessageSealer('ada');
    const tooLong = { kind: 'chat', text: EMOJI.repeat(MAX_CHAT_CODE_POINTS + 1) } as const;

    await expect(sealer.seal(keys, tooLong)).rejects.toThrow(MessageTooLargeError);
    await expect(sealer.seal(keys, tooLong)).rejects.toThrow(
      'A chat message can have at most 2000 characters to fit a signal once sealed; this one has 2001.',
    );
  });

  it('refusesSignalDataThatIsTooLongOrNotBase64_beforeDecodingIt', () => {
    expect(fromSignalData('A'.repeat(MAX_SIGNAL_DATA_CHARS + 4))).toBeUndefined();
    expect(fromSignalData('not base64!')).toBeUndefined();
    expect(fromSignalData('AAEC')).toEqual(Uint8Array.of(0, 1, 2));
  });

  it('refusesABodyOverTheLimitOnReceiving', () => {
    const tooLong = encodeBody({ kind: 'chat', text: 'a'.repeat(MAX_CHAT_CODE_POINTS + 1) });

    expect(decodeBody('chat', tooLong)).toBeUndefined();
    expect(decodeBody('chat', encodeBody({ kind: 'chat', text: 'a'.repeat(MAX_CHAT_CODE_POINTS) }))).toBeDefined();
  });
});
