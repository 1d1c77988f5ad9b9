import { beforeAll, describe, expect, it } from 'vitest';
import {
  CALL_SALT_PATTERN,
  clearHeaderLength,
  deriveRoomKey,
  deriveSenderKey,
  encodeFrameHeader,
  FrameOpener,
  FrameSealer,
  frameNonce,
  newCallSalt,
  readFrameHeader,
  REPLAY_WINDOW,
  ReplayWindow,
  type FrameStream,
  type FrameType,
  type Opened,
} from './frame-crypto';

const SALT = 'AAECAwQFBgcICQoLDA0ODw';
const OTHER_SALT = 'EBESExQVFhcYGRobHB0eHw';

function frameOf(length: number, first = 0): ArrayBuffer {
  return Uint8Array.from({ length }, (_, i) => (first + i * 7) & 0xff).buffer;
}

function hex(bytes: Uint8Array | ArrayBuffer): string {
  return Array.from(new Uint8Array(bytes), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function to(participant: string, kind: FrameStream['kind'] = 'video'): FrameStream {
  return { kind, participant };
}

const from = to;

function openedBytes(opened: Opened | undefined): string | undefined {
  return opened && 'frame' in opened ? hex(opened.frame) : undefined;
}

async function seal(
  sealer: FrameSealer,
  frame: ArrayBuffer,
  type: FrameType,
  receiver: FrameStream,
): Promise<ArrayBuffer> {
  const sealed = await sealer.seal(frame, clearHeaderLength(type), receiver);
  if (!sealed) {
    throw new Error('no key');
  }
  return sealed;
}

describe('local frame encryption', () => {
  let roomKey: CryptoKey;
  let otherSecret: CryptoKey;
  let otherSalt: CryptoKey;
  let otherRoom: CryptoKey;

  beforeAll(async () => {
    [roomKey, otherSecret, otherSalt, otherRoom] = await Promise.all([
      deriveRoomKey('sharedSecretKey1', 'lab', SALT),
      deriveRoomKey('anotherSecretKey', 'lab', SALT),
      deriveRoomKey('sharedSecretKey1', 'lab', OTHER_SALT),
      deriveRoomKey('sharedSecretKey1', 'lobby', SALT),
    ]);
  });

  /** A sender or receiver with the room key set, as the worker has them. */
  function sealer(self: string, key = roomKey): FrameSealer {
    const sealer = new FrameSealer(self);
    sealer.setRoomKey(key);
    return sealer;
  }

  function opener(self: string, key = roomKey): FrameOpener {
    const opener = new FrameOpener(self);
    opener.setRoomKey(key);
    return opener;
  }

  it.each<[FrameType, FrameStream['kind'], number]>([
    ['key', 'video', 10],
    ['delta', 'video', 3],
    ['key', 'screen', 10],
    ['delta', 'screen', 3],
    ['audio', 'audio', 1],
  ])('%s frame_roundTrips_withExactlyItsCodecHeaderInClear_thenTheFrameHeader', async (type, kind, clear) => {
    const frame = frameOf(200, 3);

    const sealed = new Uint8Array(await seal(sealer('ada'), frame, type, to('grace', kind)));

    expect(clearHeaderLength(type)).toBe(clear);
    expect(hex(sealed.subarray(0, clear))).toBe(hex(new Uint8Array(frame, 0, clear)));
    const header = readFrameHeader(sealed, clear);
    expect(header?.keyId).toBe(0);
    expect(hex(sealed.subarray(clear + header!.length, clear + header!.length + 8))).not.toBe(
      hex(new Uint8Array(frame, clear, 8)),
    );
    expect(sealed.length).toBe(200 + header!.length + 16 + 1);
    expect(sealed.at(-1)).toBe(clear);
    expect(openedBytes(await opener('grace').open(sealed.buffer, from('ada', kind)))).toBe(hex(frame));
  });

  it('frameShorterThanItsCodecHeader_roundTrips', async () => {
    const sealed = await seal(sealer('ada'), frameOf(2), 'key', to('grace'));

    expect(new Uint8Array(sealed).at(-1)).toBe(2);
    expect(openedBytes(await opener('grace').open(sealed, from('ada')))).toBe(hex(frameOf(2)));
  });

  it('framesOfEachSender_openAsThatSender', async () => {
    const grace = opener('grace');

    const fromAda = await seal(sealer('ada'), frameOf(50, 1), 'delta', to('grace'));
    const fromAlan = await seal(sealer('alan'), frameOf(50, 2), 'delta', to('grace'));

    expect(openedBytes(await grace.open(fromAda, from('ada')))).toBe(hex(frameOf(50, 1)));
    expect(openedBytes(await grace.open(fromAlan, from('alan')))).toBe(hex(frameOf(50, 2)));
  });

  it('frameFromOneSender_presentedAsAnother_isRefused', async () => {
    const fromAda = await seal(sealer('ada'), frameOf(50), 'delta', to('grace'));

    expect(await opener('grace').open(fromAda, from('alan'))).toEqual({ refused: 'undecryptable' });
  });

  it('frameSealedForOneReceiver_isRefusedByAnother', async () => {
    const forGrace = await seal(sealer('ada'), frameOf(50), 'delta', to('grace'));

    expect(await opener('alan').open(forGrace, from('ada'))).toEqual({ refused: 'undecryptable' });
  });

  it('audioFrame_presentedAsVideo_isRefused', async () => {
    const audio = await seal(sealer('ada'), frameOf(50), 'audio', to('grace', 'audio'));

    expect(await opener('grace').open(audio, from('ada', 'video'))).toEqual({ refused: 'undecryptable' });
  });

  it('screenFrame_presentedAsCameraVideo_isRefused_andTheOtherWayRound', async () => {
    const ada = sealer('ada');
    const screen = await seal(ada, frameOf(50), 'delta', to('grace', 'screen'));
    const camera = await seal(ada, frameOf(50), 'delta', to('grace', 'video'));
    const grace = opener('grace');

    expect(await grace.open(screen, from('ada', 'video'))).toEqual({ refused: 'undecryptable' });
    expect(await grace.open(camera, from('ada', 'screen'))).toEqual({ refused: 'undecryptable' });
    expect(openedBytes(await grace.open(screen, from('ada', 'screen')))).toBe(hex(frameOf(50)));
  });

  it('anyAlteredByte_isRefused_andLeavesTheOriginalOpenable', async () => {
    const sealed = new Uint8Array(await seal(sealer('ada'), frameOf(60), 'key', to('grace')));
    const grace = opener('grace');

    for (let i = 0; i < sealed.length; i++) {
      const altered = sealed.slice();
      altered[i] ^= 0x01;
      expect(openedBytes(await grace.open(altered.buffer, from('ada'))), `byte ${i}`).toBeUndefined();
    }
    expect(openedBytes(await grace.open(sealed.buffer, from('ada')))).toBe(hex(frameOf(60)));
  });

  it('truncatedAndEmptyFrames_areRefused', async () => {
    const sealed = new Uint8Array(await seal(sealer('ada'), frameOf(60), 'key', to('grace')));
    const grace = opener('grace');

    for (const length of [0, 1, 11, 20, 33, sealed.length - 1]) {
      expect(await grace.open(sealed.slice(0, length).buffer, from('ada')), `length ${length}`).toEqual({
        refused: 'undecryptable',
      });
    }
  });

  it.each([
    ['another secret', () => otherSecret],
    ['the same secret with another call salt', () => otherSalt],
    ['the same secret in another room', () => otherRoom],
  ])('frame under %s_isRefused', async (_, key) => {
    const sealed = await seal(sealer('ada'), frameOf(60), 'delta', to('grace'));

    expect(await opener('grace', key()).open(sealed, from('ada'))).toEqual({ refused: 'undecryptable' });
  });

  it('beforeTheReceiverHasAKey_nothingOpens_andNothingIsJudged', async () => {
    const sealed = await seal(sealer('ada'), frameOf(60), 'delta', to('grace'));

    expect(await new FrameOpener('grace').open(sealed, from('ada'))).toBeUndefined();
    expect(await new FrameSealer('ada').seal(frameOf(60), 3, to('grace'))).toBeUndefined();
  });

  it('replayedFrame_isRefused', async () => {
    const sealed = await seal(sealer('ada'), frameOf(60), 'delta', to('grace'));
    const grace = opener('grace');

    expect(openedBytes(await grace.open(sealed, from('ada')))).toBe(hex(frameOf(60)));
    expect(await grace.open(sealed, from('ada'))).toEqual({ refused: 'replayed' });
  });

  it('replayedFrame_isRefused_evenAfterTheReceiversKeyChanged', async () => {
    const sealed = await seal(sealer('ada'), frameOf(60), 'delta', to('grace'));
    const grace = opener('grace');
    await grace.open(sealed, from('ada'));

    grace.setRoomKey(roomKey);

    expect(await grace.open(sealed, from('ada'))).toEqual({ refused: 'replayed' });
  });

  it('framesOutOfOrder_withinTheWindow_allOpen_once', async () => {
    const ada = sealer('ada');
    const frames = [];
    for (let i = 0; i < 5; i++) {
      frames.push(await seal(ada, frameOf(40, i), 'delta', to('grace')));
    }
    const grace = opener('grace');

    for (const i of [4, 0, 2, 1, 3]) {
      expect(openedBytes(await grace.open(frames[i], from('ada'))), `frame ${i}`).toBe(hex(frameOf(40, i)));
    }
    for (const i of [0, 4]) {
      expect(await grace.open(frames[i], from('ada'))).toEqual({ refused: 'replayed' });
    }
  });

  it('frameFurtherBehindThanTheWindow_isRefused', async () => {
    const ada = sealer('ada');
    const old = await seal(ada, frameOf(40), 'delta', to('grace'));
    let newest = old;
    for (let i = 0; i < REPLAY_WINDOW; i++) {
      newest = await seal(ada, frameOf(40), 'delta', to('grace'));
    }
    const grace = opener('grace');

    expect(openedBytes(await grace.open(newest, from('ada')))).toBeDefined();
    expect(await grace.open(old, from('ada'))).toEqual({ refused: 'replayed' });
  });

  it('audioAndVideo_haveWindowsOfTheirOwn', async () => {
    const ada = sealer('ada');
    const audio = await seal(ada, frameOf(40), 'audio', to('grace', 'audio'));
    const video = await seal(ada, frameOf(40), 'delta', to('grace'));
    const grace = opener('grace');

    expect(openedBytes(await grace.open(video, from('ada')))).toBeDefined();
    expect(openedBytes(await grace.open(audio, from('ada', 'audio')))).toBeDefined();
  });

  it('screenAndCamera_haveWindowsOfTheirOwn_soAFastCameraDoesNotPushTheScreenOut', async () => {
    // one counter for all that a sender seals: a window's worth of camera frames after a screen frame
    const ada = sealer('ada');
    const screen = await seal(ada, frameOf(40), 'delta', to('grace', 'screen'));
    let camera = screen;
    for (let i = 0; i < REPLAY_WINDOW + 1; i++) {
      camera = await seal(ada, frameOf(40), 'delta', to('grace', 'video'));
    }
    const grace = opener('grace');

    expect(openedBytes(await grace.open(camera, from('ada', 'video')))).toBeDefined();
    expect(openedBytes(await grace.open(screen, from('ada', 'screen')))).toBe(hex(frameOf(40)));
    expect(await grace.open(screen, from('ada', 'screen'))).toEqual({ refused: 'replayed' });
  });

  it('keyChange_givesTheNextKeyId_andFramesUnderTheOldKeyIdAreRefusedOnceTheNewOneOpened', async () => {
    const ada = sealer('ada');
    const underOld = await seal(ada, frameOf(40, 1), 'delta', to('grace'));
    // the same secret typed again: only the key id tells the frames apart
    ada.setRoomKey(roomKey);
    const underNew = await seal(ada, frameOf(40, 2), 'delta', to('grace'));
    const grace = opener('grace');

    expect(readFrameHeader(new Uint8Array(underOld), 3)?.keyId).toBe(0);
    expect(readFrameHeader(new Uint8Array(underNew), 3)?.keyId).toBe(1);
    expect(openedBytes(await grace.open(underNew, from('ada')))).toBe(hex(frameOf(40, 2)));
    expect(await grace.open(underOld, from('ada'))).toEqual({ refused: 'replayed' });
  });

  it('keyChangeOnBothSides_framesUnderTheNewKeyOpen_thoseUnderTheOldDoNot', async () => {
    const ada = sealer('ada');
    const grace = opener('grace');
    const before = await seal(ada, frameOf(40, 1), 'delta', to('grace'));
    expect(openedBytes(await grace.open(before, from('ada')))).toBeDefined();

    ada.setRoomKey(otherSecret);
    const after = await seal(ada, frameOf(40, 2), 'delta', to('grace'));
    expect(await grace.open(after, from('ada'))).toEqual({ refused: 'undecryptable' });

    grace.setRoomKey(otherSecret);
    expect(openedBytes(await grace.open(after, from('ada')))).toBe(hex(frameOf(40, 2)));
  });

  it('nonces_neverRepeat_across10000Frames_orBetweenTwoSendersWithTheSameRoomKey', async () => {
    const nonces = new Set<string>();
    for (const sender of ['ada', 'alan']) {
      const senderSealer = sealer(sender);
      const { nonceSalt } = await deriveSenderKey(roomKey, sender, 0);
      const sealed = await Promise.all(
        Array.from({ length: 10_000 }, () => seal(senderSealer, frameOf(4), 'audio', to('grace', 'audio'))),
      );
      for (const frame of sealed) {
        nonces.add(hex(frameNonce(nonceSalt, readFrameHeader(new Uint8Array(frame), 1)!.counter)));
      }
    }

    expect(nonces.size).toBe(20_000);
  }, 30_000);

  it('twoSendersGivenTheSameId_stillNeverShareACounter', async () => {
    const counters = new Set<number>();
    for (const twin of [sealer('ada'), sealer('ada')]) {
      const sealed = await Promise.all(
        Array.from({ length: 10_000 }, () => seal(twin, frameOf(4), 'audio', to('grace'))),
      );
      for (const frame of sealed) {
        counters.add(readFrameHeader(new Uint8Array(frame), 1)!.counter);
      }
    }

    expect(counters.size).toBe(20_000);
  }, 30_000);
});

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

describe('frame nonce', () => {
  it('isTheNonceSalt_xorTheCounterInItsLast8Bytes_bigEndian', () => {
    const salt = Uint8Array.from({ length: 12 }, (_, i) => 0xf0 + i);

    expect(hex(frameNonce(salt, 0))).toBe('f0f1f2f3f4f5f6f7f8f9fafb');
    expect(hex(frameNonce(new Uint8Array(12), 0x01_0203_0405))).toBe('000000000000000102030405');
    expect(hex(frameNonce(new Uint8Array(12), Number.MAX_SAFE_INTEGER))).toBe('00000000001fffffffffffff');
    expect(hex(frameNonce(salt, 0x1_0000_0001))).toBe('f0f1f2f3f4f5f6f6f8f9fafa');
  });
});

describe('replay window', () => {
  it('admitsNewAndUnseen_refusesSeenAndTooOld', () => {
    const window = new ReplayWindow();
    window.mark(5000);
    window.mark(4990);

    expect(window.admits(5001)).toBe(true);
    expect(window.admits(4999)).toBe(true);
    expect(window.admits(5000)).toBe(false);
    expect(window.admits(4990)).toBe(false);
    expect(window.admits(5000 - REPLAY_WINDOW + 1)).toBe(true);
    expect(window.admits(5000 - REPLAY_WINDOW)).toBe(false);
  });

  it('aLargeJump_forgetsWhatFellOutOfTheWindow_butNotWhatStayed', () => {
    const window = new ReplayWindow();
    window.mark(100);
    window.mark(100 + REPLAY_WINDOW);
    window.mark(100 + 3 * REPLAY_WINDOW);

    expect(window.admits(100 + 3 * REPLAY_WINDOW - 1)).toBe(true);
    expect(window.admits(100 + 2 * REPLAY_WINDOW + 1)).toBe(true);
    expect(window.admits(100 + 3 * REPLAY_WINDOW)).toBe(false);
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
