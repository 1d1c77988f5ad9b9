import type { CallTicket } from '../call-engine';

/** The part of a peer connection's configuration that the server's ticket decides. */
export type IceConfiguration = Required<Pick<RTCConfiguration, 'iceServers' | 'iceTransportPolicy'>>;

/**
 * The STUN/TURN servers and the ICE transport policy of a local ticket, as RTCPeerConnection takes
 * them. A username or credential the server left out stays out (a null would reach the TURN
 * server as the text "null"); an entry without a URL is dropped; any policy but 'relay' is 'all'.
 */
export function iceConfiguration(
  ticket: Partial<Pick<CallTicket, 'iceServers' | 'icePolicy'>> | undefined,
): IceConfiguration {
  const servers: unknown = ticket?.iceServers;
  const iceServers: RTCIceServer[] = [];
  for (const entry of Array.isArray(servers) ? (servers as unknown[]) : []) {
    const server = entry as Partial<Record<keyof RTCIceServer, unknown>> | null;
    if (typeof server !== 'object' || server === null || typeof server.urls !== 'string' || server.urls === '') {
      continue;
    }
    const iceServer: RTCIceServer = { urls: server.urls };
    if (typeof server.username === 'string') {
      iceServer.username = server.username;
    }
    if (typeof server.credential === 'string') {
      iceServer.credential = server.credential;
    }
    iceServers.push(iceServer);
  }
  return { iceServers, iceTransportPolicy: ticket?.icePolicy === 'relay' ? 'relay' : 'all' };
}
