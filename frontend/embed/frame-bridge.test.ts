import { describe, expect, it } from 'vitest';
import { envelope, PROTOCOL } from './embed-messages';
import { FrameBridge, readyTargets, type FrameBridgeOptions, type HostState } from './frame-bridge';

const PORTAL = 'http://127.0.0.1:8080';

/** A framed page's window: its parent records what is posted to it, and messages can be delivered. */
function framedWindow(ancestorOrigin?: string) {
  const posted: { message: unknown; origin: string }[] = [];
  const parent = { postMessage: (message: unknown, origin: string) => posted.push({ message, origin }) };
  const target = new EventTarget();
  const window = Object.assign(target, {
    parent,
    location: { ancestorOrigins: ancestorOrigin === undefined ? undefined : origins(ancestorOrigin) },
  });
  const deliver = (data: unknown, origin: string, source: unknown = parent) =>
    // Node's MessageEvent takes only a MessagePort as its source, so a plain event carries the fields
    target.dispatchEvent(Object.assign(new Event('message'), { data, origin, source }));
  return { window, parent, posted, deliver };
}

function origins(...list: string[]): DOMStringList {
  return {
    length: list.length,
    item: (i: number) => list[i] ?? null,
    contains: (o: string) => list.includes(o),
  } as DOMStringList;
}

class FakeCall extends EventTarget {
  readonly changedTo: string[] = [];
  async changeKey(field: { value: string }): Promise<void> {
    this.changedTo.push(field.value);
  }
}

function bridge(frame = framedWindow(PORTAL), host: HostState = { opened: false }) {
  const call = new FakeCall();
  const keyField = { value: '' };
  const server = new EventTarget();
  const toServer: { type: string; detail: unknown }[] = [];
  for (const type of ['e2ee-embed-open', 'e2ee-embed-command']) {
    server.addEventListener(type, (event) => toServer.push({ type, detail: (event as CustomEvent).detail }));
  }
  const options: FrameBridgeOptions = {
    window: frame.window as unknown as FrameBridgeOptions['window'],
    origins: [PORTAL],
    call: call as unknown as FrameBridgeOptions['call'],
    keyField,
    server,
    ownCall: () => ({ room: 'standup', name: 'Ada' }),
    newKeyField: () => ({ value: '' }),
    host,
  };
  return { ...frame, call, keyField, toServer, host, bridge: new FrameBridge(options) };
}

describe('FrameBridge', () => {
  it('start_announcesItselfToTheAllowedParentOnly', () => {
    const { posted } = bridge();

    expect(posted).toEqual([{ message: { protocol: PROTOCOL, type: 'ready' }, origin: PORTAL }]);
  });

  it('parentNotAllowed_isToldNothing', () => {
    const { posted } = bridge(framedWindow('https://evil.example'));

    expect(posted).toEqual([]);
  });

  it('openFromTheHost_putsTheKeyIntoTheField_andSendsTheServerOnlyTheName', () => {
    const { deliver, keyField, toServer } = bridge();

    deliver(envelope({ type: 'open', name: 'Ada', key: 'a key of the portal' }), PORTAL);

    expect(keyField.value).toBe('a key of the portal');
    expect(toServer).toEqual([{ type: 'e2ee-embed-open', detail: { name: 'Ada', join: true } }]);
  });

  it('messagesFromAWrongOrigin_areIgnored', () => {
    const { deliver, keyField, toServer, call } = bridge();

    deliver(envelope({ type: 'open', name: 'Mallory', key: 'a key of the attacker' }), 'https://evil.example');
    deliver(envelope({ type: 'leave' }), 'https://evil.example');
    deliver(envelope({ type: 'change-key', key: 'a key of the attacker' }), 'http://127.0.0.1:8081');

    expect(keyField.value).toBe('');
    expect(toServer).toEqual([]);
    expect(call.changedTo).toEqual([]);
  });

  it('allowedOriginFromAnotherWindow_isIgnored', () => {
    const { deliver, toServer } = bridge();

    deliver(envelope({ type: 'leave' }), PORTAL, {});

    expect(toServer).toEqual([]);
  });

  it('secondOpen_changesNothing', () => {
    const { deliver, keyField, toServer } = bridge();
    deliver(envelope({ type: 'open', key: 'the first key 123' }), PORTAL);

    deliver(envelope({ type: 'open', name: 'Eve', key: 'the second key 123' }), PORTAL);

    expect(keyField.value).toBe('the first key 123');
    expect(toServer).toEqual([]);
  });

  it('commands_goToTheServer_andTheNewKeyToTheCallElementOnly', () => {
    const { deliver, toServer, call } = bridge();

    deliver(envelope({ type: 'set-microphone', on: false }), PORTAL);
    deliver(envelope({ type: 'set-camera', on: true }), PORTAL);
    deliver(envelope({ type: 'leave' }), PORTAL);
    deliver(envelope({ type: 'change-key', key: 'the next key 456' }), PORTAL);

    expect(toServer).toEqual([
      { type: 'e2ee-embed-command', detail: { command: 'microphone', on: false } },
      { type: 'e2ee-embed-command', detail: { command: 'camera', on: true } },
      { type: 'e2ee-embed-command', detail: { command: 'leave', on: false } },
    ]);
    expect(call.changedTo).toEqual(['the next key 456']);
  });

  it('callEvents_goToTheHostsOriginOnly_onceItSpoke', () => {
    const { deliver, posted, call } = bridge();
    call.dispatchEvent(new CustomEvent('e2ee-call-connected', { detail: {} }));
    expect(posted).toHaveLength(1);

    deliver(envelope({ type: 'open' }), PORTAL);
    call.dispatchEvent(new CustomEvent('e2ee-call-connected', { detail: {} }));
    call.dispatchEvent(new CustomEvent('e2ee-call-participant-joined', { detail: { id: 'p2', name: 'Grace' } }));
    call.dispatchEvent(new CustomEvent('e2ee-call-disconnected', { detail: { reason: 'networkDisconnected' } }));

    expect(posted.slice(1)).toEqual([
      { origin: PORTAL, message: envelope({ type: 'event', event: 'joined', data: { room: 'standup', name: 'Ada' } }) },
      {
        origin: PORTAL,
        message: envelope({ type: 'event', event: 'participant-joined', data: { id: 'p2', name: 'Grace' } }),
      },
      { origin: PORTAL, message: envelope({ type: 'event', event: 'left', data: { reason: 'networkDisconnected' } }) },
    ]);
  });

  it('othersMetBeforeTheOwnJoinCompletes_areToldAfterJoined', () => {
    const { deliver, posted, call } = bridge();
    deliver(envelope({ type: 'open' }), PORTAL);
    call.dispatchEvent(new CustomEvent('e2ee-call-participant-joined', { detail: { id: 'p2', name: 'Grace' } }));
    call.dispatchEvent(new CustomEvent('e2ee-call-key-match', { detail: { id: 'p2', name: 'Grace' } }));
    call.dispatchEvent(new CustomEvent('e2ee-call-connected', { detail: {} }));

    expect(posted.slice(1).map(({ message }) => (message as { event: string }).event)).toEqual([
      'joined',
      'participant-joined',
      'key-match',
    ]);
  });

  it('aFailedJoin_forgetsTheOthersItMet', () => {
    const { deliver, posted, call } = bridge();
    deliver(envelope({ type: 'open' }), PORTAL);
    call.dispatchEvent(new CustomEvent('e2ee-call-participant-joined', { detail: { id: 'p2', name: 'Grace' } }));
    call.dispatchEvent(
      new CustomEvent('e2ee-call-error', { detail: { name: 'LOCAL_SIGNALLING_TIMEOUT', message: 'm' } }),
    );
    call.dispatchEvent(new CustomEvent('e2ee-call-connected', { detail: {} }));

    expect(posted.slice(1).map(({ message }) => (message as { event: string }).event)).toEqual(['error', 'joined']);
  });

  it('bridgeStartedAgain_keepsTheHostItKnew_andRunsNoSecondOpen', () => {
    const first = bridge();
    first.deliver(envelope({ type: 'open', name: 'Ada', key: 'the first key 123' }), PORTAL);
    first.bridge.stop();

    const again = bridge(framedWindow(PORTAL), first.host);
    again.deliver(envelope({ type: 'open', name: 'Ada', key: 'the first key 123' }), PORTAL);
    again.call.dispatchEvent(new CustomEvent('e2ee-call-connected', { detail: {} }));

    expect(again.keyField.value).toBe('');
    expect(again.toServer).toEqual([]);
    expect(again.posted.at(-1)).toEqual({
      origin: PORTAL,
      message: envelope({ type: 'event', event: 'joined', data: { room: 'standup', name: 'Ada' } }),
    });
  });

  it('stop_endsListening', () => {
    const { deliver, toServer, bridge: running } = bridge();

    running.stop();
    deliver(envelope({ type: 'leave' }), PORTAL);

    expect(toServer).toEqual([]);
  });
});

describe('readyTargets', () => {
  it('knownParent_isTheOnlyTarget', () => {
    expect(readyTargets([PORTAL, 'https://portal.example.com'], origins(PORTAL))).toEqual([PORTAL]);
  });

  it('unknownParent_getsEveryAllowedOrigin', () => {
    expect(readyTargets([PORTAL, 'https://portal.example.com'], undefined)).toEqual([
      PORTAL,
      'https://portal.example.com',
    ]);
  });
});
