import type { CallEngine, CallEvents, CallTicket } from './call-engine';

/** Makes the engine for one join. */
export type EngineFactory = new (events: CallEvents) => CallEngine;

type EngineKind = CallTicket['engine'];

/**
 * Where each engine lives. Each loads on the first join of its kind, in a chunk of its own, so
 * that the form page carries neither and `<e2ee-video-call>` knows no more than the contract.
 * (A chunk's name is its file's: only OpenTok.js's own chunk is called `opentok-…`, which the
 * browser tests replace with their double.)
 */
const ENGINES: Readonly<Record<EngineKind, () => Promise<EngineFactory>>> = {
  opentok: async () => (await import('./opentok/ot-engine')).OpenTokEngine,
  local: async () => (await import('./local/local-engine')).LocalEngine,
};

/** The loader of the engine a ticket names; `undefined` for a kind this page does not know. */
export function engineLoader(kind: string): (() => Promise<EngineFactory>) | undefined {
  return Object.hasOwn(ENGINES, kind) ? ENGINES[kind as EngineKind] : undefined;
}
