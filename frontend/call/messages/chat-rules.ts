/**
 * What a participant may send in a call's chat, and how a message's text is shown: the rules the
 * sending side applies before anything is sealed, and the receiving side again after opening, so
 * that a participant whose page does not keep them cannot put more in front of the others.
 */

/** The longest chat message, in Unicode code points (what a person counts as characters, emoji included). */
export const MAX_CHAT_CODE_POINTS = 2000;

/** The reactions a participant can send: a small fixed set, each with the words a screen reader says. */
export const REACTIONS = [
  { emoji: '👍', label: 'thumbs up' },
  { emoji: '❤️', label: 'heart' },
  { emoji: '😂', label: 'laughing' },
  { emoji: '😮', label: 'surprised' },
  { emoji: '👏', label: 'applause' },
  { emoji: '🎉', label: 'celebration' },
] as const;

export type Reaction = (typeof REACTIONS)[number]['emoji'];

export function isReaction(value: unknown): value is Reaction {
  return REACTIONS.some((reaction) => reaction.emoji === value);
}

/** A chat text as it may be sent (trimmed), or why it may not. */
export type ChatTextCheck =
  { readonly ok: true; readonly text: string } | { readonly ok: false; readonly problem: string };

export function checkChatText(text: string): ChatTextCheck {
  const trimmed = text.trim();
  if (trimmed.length === 0) {
    return { ok: false, problem: 'Type a message first.' };
  }
  const length = codePointCount(trimmed);
  if (length > MAX_CHAT_CODE_POINTS) {
    return {
      ok: false,
      problem: `A message can have at most ${MAX_CHAT_CODE_POINTS.toLocaleString('en')} characters; this one has ${length.toLocaleString('en')}.`,
    };
  }
  return { ok: true, text: trimmed };
}

export function codePointCount(text: string): number {
  let count = 0;
  for (const _codePoint of text) {
    count++;
  }
  return count;
}

/** Sends allowed in a burst, and the time in which that many are allowed again. */
export const SEND_BURST = 5;
export const SEND_REFILL_MILLIS = 5000;

/**
 * A token bucket: a burst of `SEND_BURST` sends, then one more each `SEND_REFILL_MILLIS /
 * SEND_BURST`, so that a held-down Enter key or a script cannot flood everyone's screen.
 */
export class SendRate {
  private tokens = SEND_BURST;
  private updated: number;

  constructor(now: number) {
    this.updated = now;
  }

  /** Takes a send: 0 when it may go now, else how many milliseconds until it may. */
  take(now: number): number {
    const perToken = SEND_REFILL_MILLIS / SEND_BURST;
    this.tokens = Math.min(SEND_BURST, this.tokens + Math.max(0, now - this.updated) / perToken);
    this.updated = now;
    if (this.tokens >= 1) {
      this.tokens--;
      return 0;
    }
    return Math.ceil((1 - this.tokens) * perToken);
  }
}

/** What the sender is told when the bucket is empty. */
export function slowDownProblem(waitMillis: number): string {
  const seconds = Math.max(1, Math.ceil(waitMillis / 1000));
  return `You are sending quickly: at most ${SEND_BURST} in ${SEND_REFILL_MILLIS / 1000} seconds. Try again in ${seconds} s.`;
}

/** A piece of a message: text to show as text, or an `https:` link with its address. */
export type TextRun =
  | { readonly link: false; readonly text: string }
  | { readonly link: true; readonly text: string; readonly href: string };

// Only https: starts a link; every other scheme (javascript:, data:, http:, ...) stays text.
const HTTPS_CANDIDATE = /https:\/\/[^\s<>"]+/gi;
// Punctuation that ends a sentence rather than an address.
const TRAILING_PUNCTUATION = /[.,;:!?'"]+$/;

/**
 * Splits a message into text runs and `https:` links, to be shown as text nodes and as
 * `<a rel="noopener noreferrer" target="_blank">` (never as markup). An address with a user name
 * or password (`https://bank.example@elsewhere.example`) stays text: it reads as one host and goes
 * to another.
 */
export function splitLinks(text: string): TextRun[] {
  const runs: TextRun[] = [];
  let shown = 0;
  for (const match of text.matchAll(HTTPS_CANDIDATE)) {
    const candidate = trimTrailing(match[0]);
    const href = httpsAddress(candidate);
    if (href === undefined) {
      continue;
    }
    pushText(runs, text.slice(shown, match.index));
    runs.push({ link: true, text: candidate, href });
    shown = match.index + candidate.length;
  }
  pushText(runs, text.slice(shown));
  return runs;
}

function trimTrailing(candidate: string): string {
  let trimmed = candidate.replace(TRAILING_PUNCTUATION, '');
  // A closing parenthesis belongs to the address only when the address opened one.
  while (trimmed.endsWith(')') && count(trimmed, ')') > count(trimmed, '(')) {
    trimmed = trimmed.slice(0, -1).replace(TRAILING_PUNCTUATION, '');
  }
  return trimmed;
}

function count(text: string, character: string): number {
  return text.split(character).length - 1;
}

function httpsAddress(candidate: string): string | undefined {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' || url.hostname === '' || url.username !== '' || url.password !== '') {
    return undefined;
  }
  return url.href;
}

function pushText(runs: TextRun[], text: string): void {
  if (text.length === 0) {
    return;
  }
  const last = runs.at(-1);
  if (last && !last.link) {
    runs[runs.length - 1] = { link: false, text: last.text + text };
  } else {
    runs.push({ link: false, text });
  }
}
