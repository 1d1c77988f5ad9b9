import { beforeAll, describe, expect, it } from 'vitest';
import { clearHeaderLength, type FrameStream, type FrameType } from './frame-format';
import { readFrameHeader } from './frame-header';
import { deriveRoomKey } from './frame-keys';
import { FrameOpener } from './frame-opener';
import { FrameSealer } from './frame-sealer';
import {
  frameOf,
  from,
  hex,
  keyedOpener,
  keyedSealer,
  openedBytes,
  OTHER_SALT,
  SALT,
  seal,
  to,
} from './sealing-fixtures';

describe('local frame encryption: sealing and opening', () => {
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
    return keyedSealer(self, key);
  }

  function opener(self: string, key = roomKey): FrameOpener {
    return keyedOpener(self, key);
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
});
