import { beforeAll, describe, expect, it } from 'vitest';
import { clearHeaderLength, deriveFrameKey, IvSequence, openFrame, sealFrame, type FrameType } from './frame-crypto';

function frameOf(length: number, first = 0): ArrayBuffer {
  return Uint8Array.from({ length }, (_, i) => (first + i * 7) & 0xff).buffer;
}

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

describe('frame encryption', () => {
  let key: CryptoKey;
  let otherKey: CryptoKey;

  beforeAll(async () => {
    key = await deriveFrameKey('sharedSecretKey1', 'lab');
    otherKey = await deriveFrameKey('anotherSecretKey', 'lab');
  });

  it.each<[FrameType, number]>([
    ['key', 10],
    ['delta', 3],
    ['audio', 1],
  ])('%s frame_roundTrips_withExactlyItsCodecHeaderInClear', async (type, clear) => {
    const frame = frameOf(200);
    expect(clearHeaderLength(type)).toBe(clear);

    const sealed = new Uint8Array(await sealFrame(key, new IvSequence().next(), frame, clearHeaderLength(type)));

    expect(hex(sealed.subarray(0, clear))).toBe(hex(new Uint8Array(frame, 0, clear)));
    expect(hex(sealed.subarray(clear, clear + 16))).not.toBe(hex(new Uint8Array(frame, clear, 16)));
    expect(sealed.at(-1)).toBe(clear);
    expect(hex(new Uint8Array((await openFrame(key, sealed.buffer))!))).toBe(hex(new Uint8Array(frame)));
  });

  it('frameShorterThanItsHeader_roundTrips', async () => {
    const sealed = await sealFrame(key, new IvSequence().next(), frameOf(2), clearHeaderLength('key'));

    expect(hex(new Uint8Array((await openFrame(key, sealed))!))).toBe(hex(new Uint8Array(frameOf(2))));
  });

  it('anyTamperedByte_isRefused', async () => {
    const sealed = new Uint8Array(await sealFrame(key, new IvSequence().next(), frameOf(60), clearHeaderLength('key')));

    for (let i = 0; i < sealed.length; i++) {
      const tampered = sealed.slice();
      tampered[i] ^= 0x01;
      expect(await openFrame(key, tampered.buffer), `byte ${i}`).toBeUndefined();
    }
  });

  it('wrongKey_isRefused', async () => {
    const sealed = await sealFrame(key, new IvSequence().next(), frameOf(60), clearHeaderLength('delta'));

    expect(await openFrame(otherKey, sealed)).toBeUndefined();
  });

  it('sameSecretInAnotherRoom_givesAnotherKey', async () => {
    const sealed = await sealFrame(key, new IvSequence().next(), frameOf(60), clearHeaderLength('delta'));

    expect(await openFrame(await deriveFrameKey('sharedSecretKey1', 'lobby'), sealed)).toBeUndefined();
  });

  it('truncatedOrEmptyFrames_areRefused', async () => {
    const sealed = new Uint8Array(await sealFrame(key, new IvSequence().next(), frameOf(60), clearHeaderLength('key')));

    for (const length of [0, 1, 16, 28, sealed.length - 1]) {
      expect(await openFrame(key, sealed.slice(0, length).buffer), `length ${length}`).toBeUndefined();
    }
  });

  it('ivs_neverRepeat_across10000Frames_orBetweenTwoSendersWithTheSameKey', () => {
    const ada = new IvSequence();
    const grace = new IvSequence();
    const seen = new Set<string>();

    for (let i = 0; i < 10_000; i++) {
      seen.add(hex(ada.next()));
      seen.add(hex(grace.next()));
    }

    expect(seen.size).toBe(20_000);
  });
});
