/** The commands that go to the server's view, which runs them as its own buttons do: never a key. */
export interface ServerCommand {
  readonly command: 'leave' | 'microphone' | 'camera';
  readonly on: boolean;
}

/** What the server's view learns of an `open`: the name, and whether a key came too (never the key). */
export interface ServerOpen {
  readonly name: string;
  readonly join: boolean;
}

/** The detail of every event `<e2ee-embed-frame>` fires for the server. */
export interface EmbedEventDetails {
  'e2ee-embed-open': ServerOpen;
  'e2ee-embed-command': ServerCommand;
}

/**
 * Every event above with the keys of its detail: the names the Java events of `dev.e2eecall.embed`
 * read (`@DomEvent`, `@EventData("event.detail.<key>")`). `CallEventContractTest` holds the Java
 * side to this list, the types below the dispatch sites.
 */
export const EMBED_EVENTS = {
  'e2ee-embed-open': ['name', 'join'],
  'e2ee-embed-command': ['command', 'on'],
} as const satisfies { readonly [K in keyof EmbedEventDetails]: readonly (keyof EmbedEventDetails[K])[] };

export type EmbedEventType = keyof EmbedEventDetails;

type Unlisted = {
  [K in EmbedEventType]: Exclude<keyof EmbedEventDetails[K], (typeof EMBED_EVENTS)[K][number]>;
}[EmbedEventType];
type Expect<T extends true> = T;
/** Does not compile while a detail has a key that `EMBED_EVENTS` does not list. */
export type EveryDetailKeyListed = Expect<[Unlisted] extends [never] ? true : false>;

/** One of the events above, for `dispatchEvent` on the embed frame element. */
export function embedEvent<K extends EmbedEventType>(
  type: K,
  detail: EmbedEventDetails[K],
): CustomEvent<EmbedEventDetails[K]> {
  return new CustomEvent(type, { detail });
}
