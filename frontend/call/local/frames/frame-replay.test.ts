import { beforeAll, describe, expect, it } from 'vitest';
import { readFrameHeader } from './frame-header';
import { deriveRoomKey, deriveSenderKey, frameNonce } from './frame-keys';
import { FrameOpener } from './frame-opener';
import { FrameSealer } from './frame-sealer';
import { REPLAY_WINDOW } from './replay-window';
import { frameOf, from, hex, keyedOpener, keyedSealer, openedBytes, SALT, seal, to } from './sealing-fixtures';

describe('local frame encryption: replays, key changes and nonces', () => {
  let roomKey: CryptoKey;
  let otherSecret: CryptoKey;

  beforeAll(async () => {
    [roomKey, otherSecret] = await Promise.all([
      deriveRoomKey('sharedSecretKey1', 'lab', SALT),
      deriveRoomKey('anotherSecretKey', 'lab', SALT),
    ]);
  });

  /** A sender or receiver with the room key set, as the worker has them. */
  function sealer(self: string, key = roomKey): FrameSealer {
    return keyedSealer(self, key);
  }

  function opener(self: string, key = roomKey): FrameOpener {
    return keyedOpener(self, key);
  }

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
