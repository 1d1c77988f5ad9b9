import { describe, expect, it } from 'vitest';
import type { CallMessage } from './message-body';
import { MessageKeys } from './message-keys';
import { MessageOpener, MessageSealer, type OpenedMessage, messageNonce, readSealedHeader } from './message-seal';
import { MESSAGE_REPLAY_WINDOW } from './replay-window';

const CALL_SALT = 'AAECAwQFBgcICQoLDA0ODw';
const HELLO: CallMessage = { kind: 'chat', text: 'Hello, Grace' };

async function messageKeys(seed: number): Promise<MessageKeys> {
  const material = await crypto.subtle.importKey('raw', new Uint8Array(32).fill(seed), 'HKDF', false, ['deriveBits']);
  return MessageKeys.from(material, CALL_SALT);
}

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function counterOf(sealed: Uint8Array): number {
  const header = readSealedHeader(sealed);
  if (!header) {
    throw new Error('no header');
  }
  return header.counter;
}

async function sealMany(sealer: MessageSealer, keys: MessageKeys, message: CallMessage, count: number) {
  const sealed: Uint8Array<ArrayBuffer>[] = [];
  for (let i = 0; i < count; i++) {
    sealed.push(await sealer.seal(keys, message));
  }
  return sealed;
}

function statuses(results: OpenedMessage[]): string[] {
  return results.map((result) => result.status);
}

describe('sealing messages', () => {
  it('opensEveryKind_forTheReceiversOfTheSender', async () => {
    const keys = await messageKeys(1);
    const sealer = new MessageSealer('ada');
    const opener = new MessageOpener();
    const messages: CallMessage[] = [
      HELLO,
      { kind: 'reaction', reaction: '🎉' },
      { kind: 'hand', raised: true },
      { kind: 'hand', raised: false },
    ];

    for (const message of messages) {
      const opened = await opener.open(keys, 'ada', await sealer.seal(keys, message));
      expect(opened).toEqual({ status: 'opened', message, keyId: keys.keyId });
    }
  });

  it('neverRepeatsANonce_acrossKinds_evenWhereTheirCountersMeet', async () => {
    const keys = await messageKeys(1);
    const sealer = new MessageSealer('ada');
    const nonces = new Set<string>();
    for (const message of [HELLO, { kind: 'reaction', reaction: '👍' }, { kind: 'hand', raised: true }] as const) {
      const sealed = await sealMany(sealer, keys, message, 50);
      const counters = sealed.map(counterOf);
      // one counter per kind, counting up by one
      expect(counters).toEqual(counters.map((_, i) => counters[0] + i));
      counters.forEach((counter) => nonces.add(hex(messageNonce(message.kind, counter))));
    }
    expect(nonces.size).toBe(150);

    for (const counter of [0, 1, 2 ** 40, Number.MAX_SAFE_INTEGER]) {
      const sameCounter = [
        messageNonce('chat', counter),
        messageNonce('reaction', counter),
        messageNonce('hand', counter),
      ];
      expect(new Set(sameCounter.map(hex)).size).toBe(3);
      expect(sameCounter.every((nonce) => nonce.length === 12)).toBe(true);
    }
  });

  it('startsEachSendersCountersAtRandom_soTwoSealersUnderOneIdDoNotMeet', async () => {
    const keys = await messageKeys(1);
    const [first, second] = await Promise.all([
      new MessageSealer('ada').seal(keys, HELLO),
      new MessageSealer('ada').seal(keys, HELLO),
    ]);

    expect(counterOf(first)).not.toBe(counterOf(second));
  });

  it('refusesAReplay_acceptsReorderingWithinTheWindow_andRefusesTheTooOld', async () => {
    const keys = await messageKeys(1);
    const sealer = new MessageSealer('ada');
    const opener = new MessageOpener();
    const sealed = await sealMany(sealer, keys, HELLO, MESSAGE_REPLAY_WINDOW + 2);
    const open = (index: number) => opener.open(keys, 'ada', sealed[index]);

    expect(statuses([await open(2), await open(0), await open(1)])).toEqual(['opened', 'opened', 'opened']);
    expect((await open(1)).status).toBe('replayed');

    // the newest is now MESSAGE_REPLAY_WINDOW + 1: 2 is 63 behind (in the window), 1 is 64 behind (too old)
    expect((await open(MESSAGE_REPLAY_WINDOW + 1)).status).toBe('opened');
    expect(statuses([await open(3), await open(2)])).toEqual(['opened', 'replayed']);
    expect((await open(MESSAGE_REPLAY_WINDOW + 1)).status).toBe('replayed');
  });

  it('keepsAWindowPerSenderAndKind', async () => {
    const keys = await messageKeys(1);
    const opener = new MessageOpener();
    const ada = new MessageSealer('ada');
    const grace = new MessageSealer('grace');
    const adaHand = await ada.seal(keys, { kind: 'hand', raised: true });
    const adaChats = await sealMany(ada, keys, HELLO, MESSAGE_REPLAY_WINDOW + 1);
    const graceChat = await grace.seal(keys, HELLO);

    await opener.open(keys, 'ada', adaChats[MESSAGE_REPLAY_WINDOW]);
    expect((await opener.open(keys, 'ada', adaChats[0])).status).toBe('replayed');
    expect((await opener.open(keys, 'ada', adaHand)).status).toBe('opened');
    expect((await opener.open(keys, 'grace', graceChat)).status).toBe('opened');
  });

  it('carriesTheNewKeyIdAfterAKeyChange_andTellsADifferentKeyFromTampering', async () => {
    const [before, after] = await Promise.all([messageKeys(1), messageKeys(2)]);
    const sealer = new MessageSealer('ada');
    const underOld = await sealer.seal(before, HELLO);
    const underNew = await sealer.seal(after, HELLO);

    expect(readSealedHeader(underOld)?.keyId).toBe(before.keyId);
    expect(readSealedHeader(underNew)?.keyId).toBe(after.keyId);
    expect(after.keyId).not.toBe(before.keyId);
    // the counter goes on across the change, so the window carries over
    expect(counterOf(underNew)).toBe(counterOf(underOld) + 1);

    const stillOnOld = new MessageOpener();
    expect(await stillOnOld.open(before, 'ada', underNew)).toEqual({ status: 'different-key', keyId: after.keyId });
    const changedToo = new MessageOpener();
    expect(await changedToo.open(after, 'ada', underNew)).toEqual({
      status: 'opened',
      message: HELLO,
      keyId: after.keyId,
    });
  });

  it('refusesAForeignKey_evenUnderTheReceiversKeyId', async () => {
    const [ours, foreign] = await Promise.all([messageKeys(1), messageKeys(3)]);
    const sealed = await new MessageSealer('ada').seal(foreign, HELLO);
    new DataView(sealed.buffer).setUint32(2, ours.keyId);

    expect(await new MessageOpener().open(ours, 'ada', sealed)).toEqual({ status: 'tampered', keyId: ours.keyId });
  });

  it('refusesTamperedCiphertextTagAndAdditionalData', async () => {
    const keys = await messageKeys(1);
    const sealer = new MessageSealer('ada');
    const hand = await sealer.seal(keys, { kind: 'hand', raised: true });
    const opener = new MessageOpener();
    const altered = (change: (sealed: Uint8Array<ArrayBuffer>) => void) => {
      const copy = hand.slice();
      change(copy);
      return opener.open(keys, 'ada', copy);
    };

    const results = [
      await altered((sealed) => (sealed[14] ^= 1)), // the ciphertext
      await altered((sealed) => (sealed[sealed.length - 1] ^= 1)), // the tag
      await altered((sealed) => (sealed[1] = 2)), // hand presented as a reaction
      await altered((sealed) => (sealed[13] ^= 1)), // another counter
      await opener.open(keys, 'grace', hand), // another sender
      await altered((sealed) => (sealed[0] = 2)), // an unknown version
      await opener.open(keys, 'ada', hand.slice(0, 20)), // cut short
    ];

    expect(statuses(results)).toEqual(Array(results.length).fill('tampered'));
    expect(await opener.open(keys, 'ada', hand)).toEqual({
      status: 'opened',
      message: { kind: 'hand', raised: true },
      keyId: keys.keyId,
    });
  });

  it('refusesABodyTheRulesDoNotAllow_evenSealedUnderTheKey', async () => {
    const keys = await messageKeys(1);
    const key = await keys.senderKey('ada');
    const header = (await new MessageSealer('ada').seal(keys, { kind: 'reaction', reaction: '👍' })).subarray(0, 14);
    const counter = readSealedHeader(header)?.counter ?? 0;
    const additionalData = new Uint8Array([...header, 3, ...new TextEncoder().encode('ada')]);
    const sealedReaction = async (number: number) => {
      const iv = messageNonce('reaction', counter);
      const ciphertext = await crypto.subtle.encrypt(
        { name: 'AES-GCM', iv, additionalData },
        key,
        Uint8Array.of(number),
      );
      return new Uint8Array([...header, ...new Uint8Array(ciphertext)]);
    };

    // there are 6 reactions, numbered from 0: the 7th is refused, the 6th opens
    expect((await new MessageOpener().open(keys, 'ada', await sealedReaction(6))).status).toBe('tampered');
    expect(await new MessageOpener().open(keys, 'ada', await sealedReaction(5))).toEqual({
      status: 'opened',
      message: { kind: 'reaction', reaction: '🎉' },
      keyId: keys.keyId,
    });
  });
});
