import { describe, expect, it } from 'vitest';
import { type CallMessageEvents, CallMessages, type MessageOrigin, type MessageTransport } from './call-messages';
import { fromSignalData, toSignalData } from './message-seal';

const NAMES: Record<string, string> = { ada: 'Ada', grace: 'Grace', linus: 'Linus' };
const CALL_SALT = 'AAECAwQFBgcICQoLDA0ODw';

function keyMaterial(seed: number): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', new Uint8Array(32).fill(seed), 'HKDF', false, ['deriveBits']);
}

interface Person {
  readonly messages: CallMessages;
  /** What this person's page was told, one line each. */
  readonly seen: string[];
  /** What left this person's page, as the transport carried it. */
  readonly sent: (string | Uint8Array)[];
}

/**
 * A call whose transport hands every payload to everyone, the sender included (as OpenTok's
 * signals to the session do), naming the sender as the transport knows them.
 */
class Call {
  readonly people = new Map<string, Person>();
  clock = 0;

  constructor(private readonly carries: 'text' | 'bytes' = 'text') {}

  /** `seed`: the key material's, or `null` for a page whose key is not ready yet. */
  async join(id: string, seed: number | null = 1): Promise<Person> {
    const seen: string[] = [];
    const sent: (string | Uint8Array)[] = [];
    const line = (origin: MessageOrigin, what: string) =>
      seen.push(`${origin.name}${origin.own ? ' (me)' : ''} ${what}`);
    const events: CallMessageEvents = {
      message: (origin, text) => line(origin, `said ${text}`),
      reaction: (origin, reaction) => line(origin, `reacted ${reaction}`),
      hand: (origin, raised) => line(origin, raised ? 'raised a hand' : 'lowered a hand'),
      unreadable: (origin, reason) => line(origin, `could not be read (${reason})`),
    };
    const relay = (data: string | Uint8Array<ArrayBuffer>) => {
      sent.push(data);
      this.people.forEach((person) => person.messages.receive(id, data));
    };
    const transport: MessageTransport =
      this.carries === 'text' ? { carries: 'text', send: relay } : { carries: 'bytes', send: relay };
    const messages = new CallMessages({
      self: id,
      callSalt: CALL_SALT,
      transport,
      nameOf: (sender) => NAMES[sender] ?? 'Someone',
      events,
      now: () => this.clock,
    });
    if (seed !== null) {
      await messages.setKey(await keyMaterial(seed));
    }
    const person = { messages, seen, sent };
    this.people.set(id, person);
    return person;
  }

  settled(): Promise<unknown> {
    return Promise.all([...this.people.values()].map((person) => person.messages.settled()));
  }
}

describe('call messages', () => {
  it('threePeopleExchangeMessagesReactionsAndHands_namedByTheTransport', async () => {
    const call = new Call();
    const [ada, grace, linus] = [await call.join('ada'), await call.join('grace'), await call.join('linus')];

    expect(await ada.messages.sendChat('Hello, both')).toEqual({ sent: true });
    await grace.messages.sendReaction('👏');
    call.clock = 1000;
    await linus.messages.setHand(true);
    call.clock = 2000;
    await ada.messages.setHand(true);
    await call.settled();

    expect(grace.seen).toEqual([
      'Ada said Hello, both',
      'Grace (me) reacted 👏',
      'Linus raised a hand',
      'Ada raised a hand',
    ]);
    expect(linus.seen).toEqual([
      'Ada said Hello, both',
      'Grace reacted 👏',
      'Linus (me) raised a hand',
      'Ada raised a hand',
    ]);
    expect(ada.seen[0]).toBe('Ada (me) said Hello, both');
    expect(grace.messages.raisedHands()).toEqual([
      { senderId: 'linus', since: 1000 },
      { senderId: 'ada', since: 2000 },
    ]);

    await linus.messages.setHand(false);
    await call.settled();
    expect(grace.messages.raisedHands()).toEqual([{ senderId: 'ada', since: 2000 }]);
  });

  it('carriesBytesOverADataChannel_andBase64OverSignals_neverTheTextItself', async () => {
    for (const carries of ['bytes', 'text'] as const) {
      const call = new Call(carries);
      const [ada, grace] = [await call.join('ada'), await call.join('grace')];

      await ada.messages.sendChat('the launch code is 0000');
      await ada.messages.sendReaction('🎉');
      await call.settled();

      expect(grace.seen).toEqual(['Ada said the launch code is 0000', 'Ada reacted 🎉']);
      expect(
        ada.sent.every((data) => (carries === 'text' ? typeof data === 'string' : data instanceof Uint8Array)),
      ).toBe(true);
      const onTheWire = ada.sent.map((data) => (typeof data === 'string' ? data : new TextDecoder().decode(data)));
      expect(onTheWire.join(' ')).not.toContain('launch');
      expect(onTheWire.join(' ')).not.toContain('🎉');
    }
  });

  it('tellsOncePerSenderAndKey_thatMessagesUnderAnotherKeyArrived', async () => {
    const call = new Call();
    const ada = await call.join('ada', 1);
    const grace = await call.join('grace', 2);
    const send = async (text: string) => {
      await ada.messages.sendChat(text);
      await call.settled();
    };

    await send('one');
    await send('two');
    expect(grace.seen).toEqual(['Ada could not be read (different-key)']);

    // still unreadable under Ada's next key: nothing new to tell
    await ada.messages.setKey(await keyMaterial(3));
    await send('three');
    expect(grace.seen).toHaveLength(1);

    await grace.messages.setKey(await keyMaterial(3));
    await send('four');
    await grace.messages.setKey(await keyMaterial(4));
    await send('five');
    expect(grace.seen).toEqual([
      'Ada could not be read (different-key)',
      'Ada said four',
      'Ada could not be read (different-key)',
    ]);
  });

  it('tellsAnotherKeyOnce_howeverManyKeyIdsARelayMakesUp', async () => {
    const call = new Call();
    const [ada, grace] = [await call.join('ada'), await call.join('grace')];
    await ada.messages.sendChat('hi');
    await call.settled();
    const sealed = fromSignalData(ada.sent[0] as string) ?? new Uint8Array();

    for (let keyId = 1; keyId <= 20; keyId++) {
      const forged = sealed.slice();
      new DataView(forged.buffer).setUint32(2, keyId);
      grace.messages.receive('ada', toSignalData(forged));
    }
    await call.settled();

    expect(grace.seen).toEqual(['Ada said hi', 'Ada could not be read (different-key)']);
  });

  it('refusesAPayloadRelayedAsAnotherSendersOrAltered_andSaysSoOncePerSender', async () => {
    const call = new Call();
    const ada = await call.join('ada');
    await ada.messages.sendChat('from Ada');
    const [sealed] = ada.sent as string[];
    const grace = await call.join('grace');

    // a relay that names Linus as the sender of Ada's message
    grace.messages.receive('linus', sealed);
    grace.messages.receive('linus', sealed);
    const altered = `${sealed.slice(0, 30)}${sealed[30] === 'A' ? 'B' : 'A'}${sealed.slice(31)}`;
    grace.messages.receive('ada', altered);
    grace.messages.receive('ada', 'not a sealed message!');
    grace.messages.receive('ada', sealed);
    await call.settled();

    expect(grace.seen).toEqual([
      'Linus could not be read (tampered)',
      'Ada could not be read (tampered)',
      'Ada said from Ada',
    ]);
  });

  it('showsAReplayedOrRepeatedMessageOnce', async () => {
    const call = new Call();
    const [ada, grace] = [await call.join('ada'), await call.join('grace')];
    await ada.messages.sendChat('once');
    await call.settled();

    grace.messages.receive('ada', ada.sent[0] as string);
    await call.settled();

    expect(grace.seen).toEqual(['Ada said once']);
  });

  it('holdsWhatArrivesBeforeTheKey_andOpensItInOrderOnceTheKeyIsReady', async () => {
    const call = new Call();
    const ada = await call.join('ada');
    const grace = await call.join('grace', null);
    await ada.messages.sendChat('early');
    await ada.messages.sendReaction('👍');
    await call.settled();
    expect(grace.seen).toEqual([]);

    await grace.messages.setKey(await keyMaterial(1));
    await call.settled();

    expect(grace.seen).toEqual(['Ada said early', 'Ada reacted 👍']);
  });

  it('refusesAFlood_andTooLongText_withASentence_sendingNothing', async () => {
    const call = new Call();
    const [ada, grace] = [await call.join('ada'), await call.join('grace')];
    const outcomes = [];
    for (let i = 0; i < 6; i++) {
      outcomes.push(await ada.messages.sendChat(`flood ${i}`));
    }
    const tooLong = await ada.messages.sendChat('x'.repeat(2001));
    call.clock += 1000;
    const afterASecond = await ada.messages.sendChat('later');
    await call.settled();

    expect(outcomes.slice(0, 5).every((outcome) => outcome.sent)).toBe(true);
    expect(outcomes[5]).toEqual({
      sent: false,
      problem: 'You are sending quickly: at most 5 in 5 seconds. Try again in 1 s.',
    });
    expect(tooLong).toEqual({
      sent: false,
      problem: 'A message can have at most 2,000 characters; this one has 2,001.',
    });
    expect(afterASecond).toEqual({ sent: true });
    expect(ada.sent).toHaveLength(6);
    expect(grace.seen).toHaveLength(6);
  });

  it('deliversMarkupAsTheTextItIs', async () => {
    const call = new Call();
    const [ada, grace] = [await call.join('ada'), await call.join('grace')];
    await ada.messages.sendChat('<img src=x onerror=alert(1)>');
    await call.settled();

    expect(grace.seen).toEqual(['Ada said <img src=x onerror=alert(1)>']);
  });

  it('saysWhenTheTransportFails_orTheKeyIsNotReady', async () => {
    const failing = new CallMessages({
      self: 'ada',
      callSalt: CALL_SALT,
      transport: { carries: 'text', send: () => Promise.reject(new Error('not connected')) },
      nameOf: () => 'Ada',
      events: { message: () => {}, reaction: () => {}, hand: () => {}, unreadable: () => {} },
    });

    expect(await failing.sendChat('hi')).toEqual({ sent: false, problem: 'The call is not ready for messages yet.' });
    await failing.setKey(await keyMaterial(1));
    expect(await failing.sendChat('hi')).toEqual({ sent: false, problem: 'The message was not sent: not connected' });
  });

  it('forgetsALeaversHand_andReportsNothingAfterClose', async () => {
    const call = new Call();
    const [ada, grace] = [await call.join('ada'), await call.join('grace')];
    await ada.messages.setHand(true);
    await call.settled();
    grace.messages.forget('ada');
    expect(grace.messages.raisedHands()).toEqual([]);

    grace.messages.close();
    await ada.messages.sendChat('anyone?');
    await call.settled();

    expect(grace.seen).toEqual(['Ada raised a hand']);
    expect(await grace.messages.sendChat('bye')).toEqual({ sent: false, problem: 'You are no longer in the call.' });
  });
});
