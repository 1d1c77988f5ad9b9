import type OT from '@vonage/client-sdk-video';

/**
 * The `name` in the stream's connection data, which this app's server wrote into the token and the
 * video service signs. Never `stream.name`: the sending client sets that to anything it likes.
 */
export function participantName(stream: OT.Stream): string {
  return nameInConnectionData(stream.connection?.data) || 'Guest';
}

function nameInConnectionData(data: string | undefined): string {
  if (!data) {
    return '';
  }
  try {
    const parsed: unknown = JSON.parse(data);
    if (typeof parsed === 'object' && parsed !== null && 'name' in parsed && typeof parsed.name === 'string') {
      return parsed.name.trim();
    }
  } catch {
    // Connection data that is not JSON carries no name.
  }
  return '';
}
