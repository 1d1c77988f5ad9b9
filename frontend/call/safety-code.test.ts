import { describe, expect, it } from 'vitest';
import { deriveRoomKey } from './local/frames/frame-keys';
import { OPENTOK_KEY_ITERATIONS, openTokKeyMaterial, safetyCodeFrom } from './safety-code';

const SALT = 'AAECAwQFBgcICQoLDA0ODw';
const OTHER_SALT = 'Dw4NDAsKCQgHBgUEAwIBAA';
const SESSION = '2_MX4xMjM0NTZ-fjE3MDAwMDAwMDAwMDB-abcdefghijklmnop-fg';
const encoder = new TextEncoder();

async function hmac(key: Uint8Array<ArrayBuffer>, data: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  const hmacKey = await crypto.subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return new Uint8Array(await crypto.subtle.sign('HMAC', hmacKey, data));
}

/** The code as written out in the specification: PBKDF2 as OpenTok.js runs it, then RFC 5869 by hand with HMAC. */
async function expectedOpenTokCode(secret: string, sessionId: string): Promise<string> {
  const password = await crypto.subtle.importKey('raw', encoder.encode(secret), 'PBKDF2', false, ['deriveBits']);
  const stretched = new Uint8Array(
    await crypto.subtle.deriveBits(
      { name: 'PBKDF2', hash: 'SHA-256', salt: encoder.encode(sessionId), iterations: OPENTOK_KEY_ITERATIONS },
      password,
      256,
    ),
  );
  const prk = await hmac(new Uint8Array(32), stretched);
  const okm = await hmac(prk, new Uint8Array([...encoder.encode('e2ee-video-call/safety-code/v2'), 1]));
  const digits = (new DataView(okm.buffer).getBigUint64(0) % 10n ** 12n).toString().padStart(12, '0');
  return `${digits.slice(0, 4)} ${digits.slice(4, 8)} ${digits.slice(8)}`;
}

describe('safety code', () => {
  it('in OpenTok mode is HKDF over the key as OpenTok.js stretches it for the session', async () => {
    const code = await safetyCodeFrom(await openTokKeyMaterial('sharedSecretKey1', SESSION));

    expect(code).toMatch(/^\d{4} \d{4} \d{4}$/);
    expect(code).toBe(await expectedOpenTokCode('sharedSecretKey1', SESSION));
  });

  it('differs for another key or another session', async () => {
    const [code, otherKey, otherSession] = await Promise.all([
      openTokKeyMaterial('sharedSecretKey1', SESSION).then(safetyCodeFrom),
      openTokKeyMaterial('sharedSecretKey2', SESSION).then(safetyCodeFrom),
      openTokKeyMaterial('sharedSecretKey1', `${SESSION}x`).then(safetyCodeFrom),
    ]);

    expect(new Set([code, otherKey, otherSession]).size).toBe(3);
  });

  it('in local mode comes from the room key, so the same key reads another code in another call', async () => {
    const [same, again, otherCall, otherKey] = await Promise.all([
      deriveRoomKey('sharedSecretKey1', 'lab', SALT).then(safetyCodeFrom),
      deriveRoomKey('sharedSecretKey1', 'lab', SALT).then(safetyCodeFrom),
      deriveRoomKey('sharedSecretKey1', 'lab', OTHER_SALT).then(safetyCodeFrom),
      deriveRoomKey('sharedSecretKey2', 'lab', SALT).then(safetyCodeFrom),
    ]);

    expect(again).toBe(same);
    expect(otherCall).not.toBe(same);
    expect(otherKey).not.toBe(same);
  });
});
