/**
 * A message's body, the bytes that are encrypted: what a participant typed or signalled, in as few
 * bytes as the signal limit needs.
 *
 * - chat: a format byte, then the text. Format 0 is UTF-8; format 1 packs each code point in 21 bits
 *   (most significant first, the last byte padded with zero bits). The sender uses whichever is
 *   shorter, so that the longest text the rules allow, 2,000 code points, needs at most
 *   1 + 5,250 bytes whatever its script: in UTF-8 alone 2,000 emoji take 8,000 bytes, more than an
 *   OpenTok signal carries once sealed and in base64.
 * - reaction: one byte, the reaction's place in the fixed set, so that every reaction has the same
 *   length on the wire and no emoji's bytes travel at all.
 * - hand: one byte, 1 raised and 0 lowered.
 */
import { MAX_CHAT_CODE_POINTS, REACTIONS, type Reaction, codePointCount } from './chat-rules';

export type MessageKind = 'chat' | 'reaction' | 'hand';

/** What a participant sends: a chat text, a reaction, or their hand raised or lowered. */
export type CallMessage =
  | { readonly kind: 'chat'; readonly text: string }
  | { readonly kind: 'reaction'; readonly reaction: Reaction }
  | { readonly kind: 'hand'; readonly raised: boolean };

/** Each kind's byte on the wire (in the header, the additional data and the nonce). */
export const KIND_BYTES: Record<MessageKind, number> = { chat: 1, reaction: 2, hand: 3 };

export function kindOfByte(byte: number): MessageKind | undefined {
  return (Object.keys(KIND_BYTES) as MessageKind[]).find((kind) => KIND_BYTES[kind] === byte);
}

const UTF8 = 0;
const PACKED = 1;
const CODE_POINT_BITS = 21;
const REPLACEMENT_CHARACTER = 0xfffd;

/** The largest body of a chat message the rules allow. */
export const MAX_CHAT_BODY_BYTES = 1 + packedLength(MAX_CHAT_CODE_POINTS);

const encoder = new TextEncoder();
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function encodeBody(message: CallMessage): Uint8Array<ArrayBuffer> {
  switch (message.kind) {
    case 'chat':
      return encodeText(message.text);
    case 'reaction':
      return Uint8Array.of(REACTIONS.findIndex((reaction) => reaction.emoji === message.reaction));
    case 'hand':
      return Uint8Array.of(message.raised ? 1 : 0);
  }
}

/** The message a body holds; `undefined` when it is not one this version writes or the rules allow. */
export function decodeBody(kind: MessageKind, body: Uint8Array): CallMessage | undefined {
  switch (kind) {
    case 'chat': {
      const text = decodeText(body);
      const allowed = text !== undefined && text.length > 0 && codePointCount(text) <= MAX_CHAT_CODE_POINTS;
      return allowed ? { kind, text } : undefined;
    }
    case 'reaction': {
      const reaction = body.length === 1 ? REACTIONS[body[0]] : undefined;
      return reaction ? { kind, reaction: reaction.emoji } : undefined;
    }
    case 'hand':
      return body.length === 1 && body[0] <= 1 ? { kind, raised: body[0] === 1 } : undefined;
  }
}

function encodeText(text: string): Uint8Array<ArrayBuffer> {
  // As TextEncoder does, a lone surrogate becomes U+FFFD in either format.
  const codePoints = Array.from(text, (character) => {
    const codePoint = character.codePointAt(0) ?? REPLACEMENT_CHARACTER;
    return isSurrogate(codePoint) ? REPLACEMENT_CHARACTER : codePoint;
  });
  const asUtf8 = encoder.encode(text);
  if (asUtf8.length <= packedLength(codePoints.length)) {
    const body = new Uint8Array(1 + asUtf8.length);
    body[0] = UTF8;
    body.set(asUtf8, 1);
    return body;
  }
  const body = new Uint8Array(1 + packedLength(codePoints.length));
  body[0] = PACKED;
  let pending = 0;
  let pendingBits = 0;
  let at = 1;
  for (const codePoint of codePoints) {
    pending = (pending << CODE_POINT_BITS) | codePoint;
    pendingBits += CODE_POINT_BITS;
    while (pendingBits >= 8) {
      pendingBits -= 8;
      body[at++] = (pending >>> pendingBits) & 0xff;
    }
    pending &= (1 << pendingBits) - 1;
  }
  if (pendingBits > 0) {
    body[at] = (pending << (8 - pendingBits)) & 0xff;
  }
  return body;
}

function decodeText(body: Uint8Array): string | undefined {
  if (body.length === 0) {
    return undefined;
  }
  const content = body.subarray(1);
  if (body[0] === UTF8) {
    try {
      return utf8.decode(content);
    } catch {
      return undefined;
    }
  }
  if (body[0] !== PACKED) {
    return undefined;
  }
  const count = Math.floor((content.length * 8) / CODE_POINT_BITS);
  // Only the length the sender writes: fewer than 8 padding bits, all zero.
  if (packedLength(count) !== content.length) {
    return undefined;
  }
  const codePoints: number[] = [];
  let pending = 0;
  let pendingBits = 0;
  for (const byte of content) {
    pending = (pending << 8) | byte;
    pendingBits += 8;
    if (pendingBits >= CODE_POINT_BITS && codePoints.length < count) {
      pendingBits -= CODE_POINT_BITS;
      const codePoint = pending >>> pendingBits;
      if (codePoint > 0x10ffff || isSurrogate(codePoint)) {
        return undefined;
      }
      codePoints.push(codePoint);
      pending &= (1 << pendingBits) - 1;
    }
  }
  return pending === 0 ? String.fromCodePoint(...codePoints) : undefined;
}

function packedLength(codePoints: number): number {
  return Math.ceil((codePoints * CODE_POINT_BITS) / 8);
}

function isSurrogate(codePoint: number): boolean {
  return codePoint >= 0xd800 && codePoint <= 0xdfff;
}
