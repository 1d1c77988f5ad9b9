import { describe, expect, it } from 'vitest';
import { CALL_SALT_PATTERN, deriveRoomKey, frameNonce, newCallSalt } from './frame-keys';
import { hex } from './sealing-fixtures';

describe('frame nonce', () => {
  it('isTheNonceSalt_xorTheCounterInItsLast8Bytes_bigEndian', () => {
    const salt = Uint8Array.from({ length: 12 }, (_, i) => 0xf0 + i);

    expect(hex(frameNonce(salt, 0))).toBe('f0f1f2f3f4f5f6f7f8f9fafb');
    expect(hex(frameNonce(new Uint8Array(12), 0x01_0203_0405))).toBe('000000000000000102030405');
    expect(hex(frameNonce(new Uint8Array(12), Number.MAX_SAFE_INTEGER))).toBe('00000000001fffffffffffff');
    expect(hex(frameNonce(salt, 0x1_0000_0001))).toBe('f0f1f2f3f4f5f6f6f8f9fafa');
  });
});

describe('call salt', () => {
  it('isSixteenRandomBytesInBase64Url_differentEachTime', () => {
    const salts = new Set(Array.from({ length: 100 }, newCallSalt));

    expect(salts.size).toBe(100);
    for (const salt of salts) {
      expect(salt).toMatch(CALL_SALT_PATTERN);
    }
  });

  it('malformedSalt_isNotUsedForAKey', async () => {
    await expect(deriveRoomKey('sharedSecretKey1', 'lab', 'short')).rejects.toThrow('not a call salt');
  });
});
