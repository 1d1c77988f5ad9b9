import { describe, expect, it } from 'vitest';
import {
  envelope,
  isTrustedFrame,
  isTrustedHost,
  parseFrameMessage,
  parseHostMessage,
  PROTOCOL,
} from './embed-messages';

const PORTAL = 'https://portal.example.com';
const parent = {};

describe('isTrustedHost', () => {
  it('parentFromAllowedOrigin_isTrusted', () => {
    expect(isTrustedHost({ origin: PORTAL, source: parent }, parent, [PORTAL], undefined)).toBe(true);
  });

  it('originNotAllowed_isRefused', () => {
    expect(isTrustedHost({ origin: 'https://evil.example', source: parent }, parent, [PORTAL], undefined)).toBe(false);
  });

  it('originThatOnlyStartsLikeAnAllowedOne_isRefused', () => {
    expect(isTrustedHost({ origin: `${PORTAL}.evil.example`, source: parent }, parent, [PORTAL], undefined)).toBe(
      false,
    );
  });

  it('allowedOriginButAnotherWindow_isRefused', () => {
    expect(isTrustedHost({ origin: PORTAL, source: {} }, parent, [PORTAL], undefined)).toBe(false);
  });

  it('noAllowedOrigins_refusesEveryone', () => {
    expect(isTrustedHost({ origin: PORTAL, source: parent }, parent, [], undefined)).toBe(false);
  });

  it('secondAllowedOriginAfterTheFirstSpoke_isRefused', () => {
    const other = 'http://127.0.0.1:8080';

    expect(isTrustedHost({ origin: other, source: parent }, parent, [PORTAL, other], PORTAL)).toBe(false);
    expect(isTrustedHost({ origin: PORTAL, source: parent }, parent, [PORTAL, other], PORTAL)).toBe(true);
  });
});

describe('isTrustedFrame', () => {
  const frame = {};

  it('ownFrameFromAppOrigin_isTrusted', () => {
    expect(isTrustedFrame({ origin: 'http://localhost:3010', source: frame }, frame, 'http://localhost:3010')).toBe(
      true,
    );
  });

  it('ownFrameNavigatedElsewhere_isRefused', () => {
    expect(isTrustedFrame({ origin: 'https://evil.example', source: frame }, frame, 'http://localhost:3010')).toBe(
      false,
    );
  });

  it('appOriginFromAnotherWindow_isRefused', () => {
    expect(isTrustedFrame({ origin: 'http://localhost:3010', source: {} }, frame, 'http://localhost:3010')).toBe(false);
  });

  it('frameRemoved_refusesEverything', () => {
    expect(isTrustedFrame({ origin: 'http://localhost:3010', source: null }, null, 'http://localhost:3010')).toBe(
      false,
    );
  });
});

describe('parseHostMessage', () => {
  it('open_keepsOnlyNameAndKey', () => {
    const message = parseHostMessage({
      protocol: PROTOCOL,
      type: 'open',
      name: 'Ada',
      key: 'correct horse',
      extra: { x: 1 },
    });

    expect(message).toEqual({ type: 'open', name: 'Ada', key: 'correct horse' });
  });

  it('openWithoutKey_hasNoKey', () => {
    expect(parseHostMessage({ protocol: PROTOCOL, type: 'open', name: 'Ada' })).toEqual({ type: 'open', name: 'Ada' });
  });

  it('commands_areRecognized', () => {
    expect(parseHostMessage(envelope({ type: 'leave' }))).toEqual({ type: 'leave' });
    expect(parseHostMessage(envelope({ type: 'set-microphone', on: false }))).toEqual({
      type: 'set-microphone',
      on: false,
    });
    expect(parseHostMessage(envelope({ type: 'set-camera', on: true }))).toEqual({ type: 'set-camera', on: true });
    expect(parseHostMessage(envelope({ type: 'change-key', key: 'new key 12345' }))).toEqual({
      type: 'change-key',
      key: 'new key 12345',
    });
  });

  it('wrongShapes_areRefused', () => {
    for (const data of [
      null,
      'leave',
      ['leave'],
      { type: 'leave' },
      { protocol: 'other/v1', type: 'leave' },
      { protocol: PROTOCOL, type: 'set-microphone', on: 'false' },
      { protocol: PROTOCOL, type: 'change-key' },
      { protocol: PROTOCOL, type: 'change-key', key: 42 },
      { protocol: PROTOCOL, type: 'open', key: { toString: () => 'k' } },
      { protocol: PROTOCOL, type: 'open', name: 'x'.repeat(5000) },
      { protocol: PROTOCOL, type: 'join' },
      { protocol: PROTOCOL, type: 'event', event: 'joined', data: { room: 'r', name: 'n' } },
    ]) {
      expect(parseHostMessage(data), JSON.stringify(data)).toBeUndefined();
    }
  });
});

describe('parseFrameMessage', () => {
  it('participantEvent_keepsOnlyIdAndName', () => {
    const message = parseFrameMessage({
      protocol: PROTOCOL,
      type: 'event',
      event: 'participant-joined',
      data: { id: 'p1', name: 'Grace', key: 'should not be here' },
    });

    expect(message).toEqual({ type: 'event', event: 'participant-joined', data: { id: 'p1', name: 'Grace' } });
  });

  it('events_areRecognized', () => {
    expect(parseFrameMessage(envelope({ type: 'ready' }))).toEqual({ type: 'ready' });
    expect(
      parseFrameMessage(envelope({ type: 'event', event: 'joined', data: { room: 'standup', name: 'Ada' } })),
    ).toEqual({
      type: 'event',
      event: 'joined',
      data: { room: 'standup', name: 'Ada' },
    });
    expect(
      parseFrameMessage(envelope({ type: 'event', event: 'left', data: { reason: 'networkDisconnected' } })),
    ).toEqual({
      type: 'event',
      event: 'left',
      data: { reason: 'networkDisconnected' },
    });
  });

  it('wrongShapes_areRefused', () => {
    for (const data of [
      undefined,
      { type: 'ready' },
      { protocol: PROTOCOL, type: 'event', event: 'joined', data: { room: 'r' } },
      { protocol: PROTOCOL, type: 'event', event: 'left', data: { reason: 'whatever' } },
      { protocol: PROTOCOL, type: 'event', event: 'error', data: 'boom' },
      { protocol: PROTOCOL, type: 'event', event: 'secret', data: {} },
      { protocol: PROTOCOL, type: 'open', key: 'k' },
    ]) {
      expect(parseFrameMessage(data), JSON.stringify(data)).toBeUndefined();
    }
  });
});
