import { beforeAll, describe, expect, it } from 'vitest';
import { FrameCryptor, type CryptorFrame, type KeyFrameRequester } from './frame-cryptor';
import type { MediaKind } from './frame-format';
import { frameOf, hex } from './sealing-fixtures';
import type { FrameRoute } from './worker-messages';

/** A room key as the page hands it over; any HKDF key will do, so none is stretched here. */
function roomKey(): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', crypto.getRandomValues(new Uint8Array(32)), 'HKDF', false, [
    'deriveKey',
    'deriveBits',
  ]);
}

function receiving(from: string, kind: MediaKind = 'video'): FrameRoute {
  return { direction: 'receive', kind, participant: from };
}

/** Pipes frames through one route of a cryptor until they are all handled; what came out. */
async function run(
  cryptor: FrameCryptor,
  route: FrameRoute,
  frames: readonly CryptorFrame[],
  transformer?: KeyFrameRequester,
): Promise<CryptorFrame[]> {
  const out: CryptorFrame[] = [];
  const readable = new ReadableStream<CryptorFrame>({
    start(controller) {
      frames.forEach((frame) => controller.enqueue(frame));
      controller.close();
    },
  });
  const writable = new WritableStream<CryptorFrame>({ write: (frame) => void out.push(frame) });
  await cryptor.protect(readable, writable, route, transformer);
  return out;
}

/** Frames as `self` sends them to `receiver`, sealed under `key`. */
async function sealed(
  self: string,
  key: CryptoKey,
  receiver: string,
  types: readonly CryptorFrame['type'][],
  kind: MediaKind = 'video',
): Promise<CryptorFrame[]> {
  const sender = new FrameCryptor(reportsTo([]));
  sender.setKey(key, self);
  const frames = types.map((type, i) => ({ data: frameOf(60, i), type }));
  return run(sender, { direction: 'send', kind, participant: receiver }, frames);
}

function reportsTo(reports: string[]) {
  return {
    keyMismatch: (participant: string) => reports.push(`mismatch ${participant}`),
    keyMatch: (participant: string) => reports.push(`match ${participant}`),
  };
}

/** A copy of a sealed frame, as the network may deliver it again. */
function again(frame: CryptorFrame): CryptorFrame {
  return { data: frame.data.slice(0), type: frame.type };
}

describe('frame cryptor', () => {
  let key: CryptoKey;
  let otherKey: CryptoKey;

  beforeAll(async () => {
    [key, otherKey] = await Promise.all([roomKey(), roomKey()]);
  });

  function receiver(reports: string[] = [], now?: () => number): FrameCryptor {
    const cryptor = new FrameCryptor(reportsTo(reports), now);
    cryptor.setKey(key, 'grace');
    return cryptor;
  }

  it('framesSealedForAReceiver_comeOutOfItsCryptorAsTheySent', async () => {
    const frames = await sealed('ada', key, 'grace', ['key', 'delta']);

    const opened = await run(receiver(), receiving('ada'), frames);

    expect(opened.map((frame) => hex(frame.data))).toEqual([hex(frameOf(60, 0)), hex(frameOf(60, 1))]);
  });

  it('beforeTheKeyCame_noFrameIsSent', async () => {
    const withoutKey = new FrameCryptor(reportsTo([]));

    const sent = await run(withoutKey, { direction: 'send', kind: 'video', participant: 'grace' }, [
      { data: frameOf(60), type: 'key' },
    ]);

    expect(sent).toEqual([]);
  });

  it('tenVideoFramesUnderAnotherKey_reportAMismatchOnce_andTheFirstThatOpensReportsTheMatch', async () => {
    const reports: string[] = [];
    const grace = receiver(reports);
    const wrong = await sealed('ada', otherKey, 'grace', Array(12).fill('delta'));

    await run(grace, receiving('ada'), wrong.slice(0, 9));
    expect(reports).toEqual([]);
    await run(grace, receiving('ada'), [wrong[9]]);
    expect(reports).toEqual(['mismatch ada']);
    await run(grace, receiving('ada'), wrong.slice(10));
    expect(reports).toEqual(['mismatch ada']);

    await run(grace, receiving('ada'), await sealed('ada', key, 'grace', ['delta']));
    expect(reports).toEqual(['mismatch ada', 'match ada']);
  });

  it('audioAloneUnderAnotherKey_reportsAMismatchOnceItFailedForASecond', async () => {
    const reports: string[] = [];
    let now = 0;
    const grace = receiver(reports, () => now);
    const wrong = await sealed('ada', otherKey, 'grace', Array(11).fill(undefined), 'audio');

    for (let i = 0; i < 10; i++) {
      now = 100 * i;
      await run(grace, receiving('ada', 'audio'), [wrong[i]]);
      expect(reports, `after ${now} ms`).toEqual([]);
    }
    now = 1000;
    await run(grace, receiving('ada', 'audio'), [wrong[10]]);

    expect(reports).toEqual(['mismatch ada']);
  });

  it('aFrameThatOpensBeforeTheRuleIsMet_startsTheCountAgain_andReportsNoMatch', async () => {
    const reports: string[] = [];
    const grace = receiver(reports);
    const wrong = await sealed('ada', otherKey, 'grace', Array(18).fill('delta'));

    await run(grace, receiving('ada'), wrong.slice(0, 9));
    await run(grace, receiving('ada'), await sealed('ada', key, 'grace', ['delta']));
    await run(grace, receiving('ada'), wrong.slice(9));

    expect(reports).toEqual([]);
  });

  it('replayedFrames_areDropped_andNeverTellOfAMismatch', async () => {
    const reports: string[] = [];
    const [frame] = await sealed('ada', key, 'grace', ['key']);
    const copies = Array.from({ length: 20 }, () => again(frame));

    const opened = await run(receiver(reports), receiving('ada'), copies);

    expect(opened).toHaveLength(1);
    expect(reports).toEqual([]);
  });

  it('afterADroppedFrame_theNextDeltaFrameAsksForAKeyFrame_butAfterAReplayItDoesNot', async () => {
    let requests = 0;
    const transformer = { sendKeyFrameRequest: async () => void requests++ };
    const [first, second, third] = await sealed('ada', key, 'grace', ['key', 'delta', 'delta']);
    const [undecryptable] = await sealed('ada', otherKey, 'grace', ['delta']);
    const grace = receiver();

    const replayed = await run(grace, receiving('ada'), [first, again(first), second], transformer);
    expect(replayed).toHaveLength(2);
    expect(requests).toBe(0);

    const dropped = await run(grace, receiving('ada'), [undecryptable, third], transformer);
    expect(dropped).toHaveLength(1);
    expect(requests).toBe(1);
  });

  it('aForgottenParticipant_startsAFreshCount', async () => {
    const reports: string[] = [];
    const grace = receiver(reports);
    const wrong = await sealed('ada', otherKey, 'grace', Array(10).fill('delta'));

    await run(grace, receiving('ada'), wrong.slice(0, 9));
    grace.forget('ada');
    await run(grace, receiving('ada'), wrong.slice(9));

    expect(reports).toEqual([]);
  });

  it('costs_countTheFramesSealedAndOpened_notThoseDropped', async () => {
    const ada = new FrameCryptor(reportsTo([]));
    ada.setKey(key, 'ada');
    const grace = receiver();
    const frames = await run(ada, { direction: 'send', kind: 'video', participant: 'grace' }, [
      { data: frameOf(60), type: 'key' },
      { data: frameOf(60), type: 'delta' },
    ]);

    await run(grace, receiving('ada'), [...frames, again(frames[1])]);

    expect(ada.costs().encryptMicros.count).toBe(2);
    expect(grace.costs().decryptMicros.count).toBe(2);
    expect(grace.costs().encryptMicros.count).toBe(0);
  });
});
