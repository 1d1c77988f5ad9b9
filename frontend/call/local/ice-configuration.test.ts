import { describe, expect, it } from 'vitest';
import type { CallTicket } from '../call-engine';
import { iceConfiguration } from './ice-configuration';

describe('ICE configuration from a local ticket', () => {
  it('turnServersKeepTheirCredentials_stunServersGetNone', () => {
    const ticket: Pick<CallTicket, 'iceServers' | 'icePolicy'> = {
      iceServers: [
        { urls: 'stun:stun.example.org:3478', username: null, credential: null },
        { urls: 'turn:turn.example.org:3478', username: '1764417600:ada', credential: '/aO3NUOudNHXvvbowMjvQaLXYIs=' },
      ],
      icePolicy: 'all',
    };

    expect(iceConfiguration(ticket)).toStrictEqual({
      iceServers: [
        { urls: 'stun:stun.example.org:3478' },
        { urls: 'turn:turn.example.org:3478', username: '1764417600:ada', credential: '/aO3NUOudNHXvvbowMjvQaLXYIs=' },
      ],
      iceTransportPolicy: 'all',
    });
  });

  it('relayPolicy_becomesTheRelayTransportPolicy', () => {
    expect(
      iceConfiguration({ iceServers: [{ urls: 'turn:turn.example.org' }], icePolicy: 'relay' }).iceTransportPolicy,
    ).toBe('relay');
  });

  it('missingOrMalformedEntries_areDropped_andAMissingPolicyIsAll', () => {
    const malformed = {
      iceServers: ['stun:old.example.org', null, {}, { urls: '' }, { urls: 3 }, { urls: 'stun:ok.example.org' }],
    };

    expect(iceConfiguration(malformed as unknown as CallTicket)).toStrictEqual({
      iceServers: [{ urls: 'stun:ok.example.org' }],
      iceTransportPolicy: 'all',
    });
    expect(iceConfiguration(undefined)).toStrictEqual({ iceServers: [], iceTransportPolicy: 'all' });
    expect(iceConfiguration({ iceServers: 'turn:x' } as unknown as CallTicket).iceServers).toStrictEqual([]);
  });
});
