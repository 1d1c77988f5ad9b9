/**
 * A call's chat, reactions and raised hands over any transport: OpenTok signals (text, base64) or
 * the data channel between peers (bytes). It seals what this browser sends, opens what arrives,
 * applies the chat rules on both sides and reports typed events. Names never come from a message:
 * the sender is who the transport says sent it, and `nameOf` names them.
 */
import { type ChatTextCheck, type Reaction, SendRate, checkChatText, isReaction, slowDownProblem } from './chat-rules';
import type { CallMessage, MessageKind } from './message-body';
import { MessageKeys } from './message-keys';
import { MessageOpener, MessageSealer, fromSignalData, toSignalData } from './message-seal';

/** How sealed messages leave this browser: as text (OpenTok signal data) or as bytes (a data channel). */
export type MessageTransport =
  | { readonly carries: 'text'; send(data: string): void | Promise<void> }
  | { readonly carries: 'bytes'; send(data: Uint8Array<ArrayBuffer>): void | Promise<void> };

/** Who a message is from, and when it was shown; `own` for what this browser sent. */
export interface MessageOrigin {
  readonly senderId: string;
  readonly name: string;
  readonly own: boolean;
  /** Milliseconds since the epoch, this browser's clock, on arrival (or on sending, for `own`). */
  readonly at: number;
}

/** Why a message could not be read: sealed under another key, or altered on the way (or forged). */
export type UnreadableReason = 'different-key' | 'tampered';

export interface CallMessageEvents {
  message(origin: MessageOrigin, text: string): void;
  reaction(origin: MessageOrigin, reaction: Reaction): void;
  hand(origin: MessageOrigin, raised: boolean): void;
  /**
   * Messages from a sender arrive that this browser cannot read. `tampered` is told once per
   * sender; `different-key` once per sender and key: again only after a message from them opened
   * or this browser's key changed (not per key id the message claims, which anyone on the way
   * could vary to fill the screen).
   */
  unreadable(origin: MessageOrigin, reason: UnreadableReason): void;
}

export interface CallMessagesOptions {
  /** This browser's participant id, as the others' transports name it. */
  readonly self: string;
  /** The call salt in local mode, the session id in OpenTok mode. */
  readonly callSalt: string;
  readonly transport: MessageTransport;
  readonly nameOf: (senderId: string) => string;
  readonly events: CallMessageEvents;
  /** The clock, in milliseconds; `Date.now` unless a test sets it. */
  readonly now?: () => number;
}

/** A send's outcome: gone, or refused with a sentence for the sender. */
export type SendOutcome = { readonly sent: true } | { readonly sent: false; readonly problem: string };

const LEFT = 'You are no longer in the call.';
// Messages that arrive before the first key: kept until it is ready, at most this many.
const MAX_WAITING = 64;

export class CallMessages {
  private readonly options: CallMessagesOptions;
  private readonly now: () => number;
  private readonly sealer: MessageSealer;
  private readonly opener = new MessageOpener();
  private readonly rates: Record<MessageKind, SendRate>;
  // What was told about each sender's unreadable messages.
  private readonly told = new Map<string, Set<UnreadableReason>>();
  private readonly hands = new Map<string, number>();
  private keys?: MessageKeys;
  private keyVersion = 0;
  private waiting: { from: string; payload: string | Uint8Array<ArrayBuffer>; at: number }[] = [];
  private incoming: Promise<void> = Promise.resolve();
  private outgoing: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(options: CallMessagesOptions) {
    this.options = options;
    this.now = options.now ?? Date.now;
    this.sealer = new MessageSealer(options.self);
    const start = this.now();
    this.rates = { chat: new SendRate(start), reaction: new SendRate(start), hand: new SendRate(start) };
  }

  /** The key material from `keyStretched`; messages are sealed and opened under the newest. */
  async setKey(material: CryptoKey): Promise<void> {
    const version = ++this.keyVersion;
    const keys = await MessageKeys.from(material, this.options.callSalt);
    if (version !== this.keyVersion || this.closed) {
      return;
    }
    this.keys = keys;
    this.told.forEach((reasons) => reasons.delete('different-key'));
    const waiting = this.waiting;
    this.waiting = [];
    waiting.forEach(({ from, payload, at }) => this.enqueue(keys, from, payload, at));
  }

  sendChat(text: string): Promise<SendOutcome> {
    const check: ChatTextCheck = checkChatText(text);
    if (!check.ok) {
      return Promise.resolve({ sent: false, problem: check.problem });
    }
    return this.send({ kind: 'chat', text: check.text });
  }

  sendReaction(reaction: Reaction): Promise<SendOutcome> {
    if (!isReaction(reaction)) {
      return Promise.resolve({ sent: false, problem: 'That reaction is not one of the offered ones.' });
    }
    return this.send({ kind: 'reaction', reaction });
  }

  setHand(raised: boolean): Promise<SendOutcome> {
    return this.send({ kind: 'hand', raised });
  }

  /** The raised hands, the earliest first: participant ids with when each hand went up. */
  raisedHands(): { readonly senderId: string; readonly since: number }[] {
    return [...this.hands].map(([senderId, since]) => ({ senderId, since })).sort((a, b) => a.since - b.since);
  }

  /**
   * A payload that arrived from `from` (the transport's sender, never the message's say). Payloads
   * are handled in the order they arrive; this browser's own, which OpenTok echoes back, are skipped.
   */
  receive(from: string, payload: string | Uint8Array<ArrayBuffer>): void {
    if (this.closed || from === this.options.self) {
      return;
    }
    // The time it arrived, not the time it was opened, is the time it is shown with.
    const at = this.now();
    const keys = this.keys;
    if (!keys) {
      if (this.waiting.length < MAX_WAITING) {
        this.waiting.push({ from, payload, at });
      }
      return;
    }
    this.enqueue(keys, from, payload, at);
  }

  private enqueue(keys: MessageKeys, from: string, payload: string | Uint8Array<ArrayBuffer>, at: number): void {
    this.incoming = this.incoming.then(() => this.open(keys, from, payload, at));
  }

  /** Resolves once everything received so far has been handled. */
  settled(): Promise<void> {
    return Promise.all([this.incoming, this.outgoing]).then(() => undefined);
  }

  /** Drops what is kept about a participant who left, their hand included. */
  forget(senderId: string): void {
    this.opener.forget(senderId);
    this.keys?.forget(senderId);
    this.hands.delete(senderId);
    this.told.delete(senderId);
  }

  /** Ends it: nothing is sent or reported after this; what this browser held is dropped. */
  close(): void {
    this.closed = true;
    this.keys = undefined;
    this.waiting = [];
    this.hands.clear();
    this.told.clear();
  }

  private send(message: CallMessage): Promise<SendOutcome> {
    const keys = this.keys;
    if (this.closed) {
      return Promise.resolve({ sent: false, problem: LEFT });
    }
    if (!keys) {
      return Promise.resolve({ sent: false, problem: 'The call is not ready for messages yet.' });
    }
    const wait = this.rates[message.kind].take(this.now());
    if (wait > 0) {
      return Promise.resolve({ sent: false, problem: slowDownProblem(wait) });
    }
    // One after another, so that the others receive them in the order they were sent.
    const outcome = this.outgoing.then(() => this.sealAndSend(keys, message));
    this.outgoing = outcome.then(() => undefined);
    return outcome;
  }

  private async sealAndSend(keys: MessageKeys, message: CallMessage): Promise<SendOutcome> {
    try {
      const sealed = await this.sealer.seal(keys, message);
      if (this.closed) {
        return { sent: false, problem: LEFT };
      }
      const { transport } = this.options;
      await (transport.carries === 'text' ? transport.send(toSignalData(sealed)) : transport.send(sealed));
    } catch (error) {
      return {
        sent: false,
        problem: `The message was not sent: ${error instanceof Error ? error.message : String(error)}`,
      };
    }
    this.deliver(this.origin(this.options.self, true, this.now()), message);
    return { sent: true };
  }

  private async open(
    keys: MessageKeys,
    from: string,
    payload: string | Uint8Array<ArrayBuffer>,
    at: number,
  ): Promise<void> {
    const sealed = typeof payload === 'string' ? fromSignalData(payload) : payload;
    const opened = sealed ? await this.opener.open(keys, from, sealed) : ({ status: 'tampered' } as const);
    if (this.closed) {
      return;
    }
    switch (opened.status) {
      case 'opened':
        this.told.get(from)?.delete('different-key');
        this.deliver(this.origin(from, false, at), opened.message);
        break;
      case 'different-key':
      case 'tampered': {
        const told = this.told.get(from) ?? new Set();
        this.told.set(from, told);
        if (!told.has(opened.status)) {
          told.add(opened.status);
          this.options.events.unreadable(this.origin(from, false, at), opened.status);
        }
        break;
      }
      case 'replayed':
        // A copy of what was shown already (a transport's retry, or someone replaying): nothing new to say.
        break;
    }
  }

  private deliver(origin: MessageOrigin, message: CallMessage): void {
    const { events } = this.options;
    switch (message.kind) {
      case 'chat':
        events.message(origin, message.text);
        break;
      case 'reaction':
        events.reaction(origin, message.reaction);
        break;
      case 'hand':
        if (message.raised && !this.hands.has(origin.senderId)) {
          this.hands.set(origin.senderId, origin.at);
        } else if (!message.raised) {
          this.hands.delete(origin.senderId);
        }
        events.hand(origin, message.raised);
        break;
    }
  }

  private origin(senderId: string, own: boolean, at: number): MessageOrigin {
    return { senderId, name: this.options.nameOf(senderId), own, at };
  }
}
