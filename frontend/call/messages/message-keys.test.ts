import { describe, expect, it } from 'vitest';
import { deriveRoomKey } from '../local/frames/frame-keys';
import { openTokKeyMaterial } from '../safety-code';
import { MessageKeys } from './message-keys';

const CALL_SALT = 'AAECAwQFBgcICQoLDA0ODw';
const encoder = new TextEncoder();

/** Key material as the engines hand it over: an HKDF key that allows deriveBits only. */
function keyMaterial(seed: number): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', new Uint8Array(32).fill(seed), 'HKDF', false, ['deriveBits']);
}

async function messageKeys(seed: number, callSalt = CALL_SALT): Promise<MessageKeys> {
  return MessageKeys.from(await keyMaterial(seed), callSalt);
}

async function hmac(key: Uint8Array<ArrayBuffer>, data: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  const hmacKey = await crypto.subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return new Uint8Array(await crypto.subtle.sign('HMAC', hmacKey, data));
}

/** RFC 5869 by hand, first block only: HMAC(HMAC(salt, material), info | 1). */
async function hkdfFirstBlock(
  material: Uint8Array<ArrayBuffer>,
  salt: string,
  info: Uint8Array<ArrayBuffer>,
): Promise<Uint8Array<ArrayBuffer>> {
  const prk = await hmac(encoder.encode(salt), material);
  return hmac(prk, new Uint8Array([...info, 1]));
}

async function encrypts(key: CryptoKey): Promise<Uint8Array> {
  const iv = new Uint8Array(12);
  return new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, encoder.encode('hello')));
}

describe('message keys', () => {
  it('keyId_isHkdfOfTheMaterialWithTheCallSaltAndItsOwnLabel', async () => {
    const keys = await messageKeys(7);

    const expected = await hkdfFirstBlock(
      new Uint8Array(32).fill(7),
      CALL_SALT,
      encoder.encode('e2ee-video-call/message-key-id/v1'),
    );
    expect(keys.keyId).toBe(new DataView(expected.buffer).getUint32(0));
  });

  it('senderKey_isHkdfWithTheSenderIdInTheInfo', async () => {
    const keys = await messageKeys(7);
    const info = new Uint8Array([...encoder.encode('e2ee-video-call/message-key/v1'), 3, ...encoder.encode('ada')]);
    const raw = await hkdfFirstBlock(new Uint8Array(32).fill(7), CALL_SALT, info);
    const expected = await crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt']);

    expect(await encrypts(await keys.senderKey('ada'))).toEqual(await encrypts(expected));
  });

  it('keyId_changesWithTheKeyAndTheCall_andStaysForTheSame', async () => {
    const [same, again, otherKey, otherCall] = await Promise.all([
      messageKeys(1),
      messageKeys(1),
      messageKeys(2),
      messageKeys(1, 'Dw4NDAsKCQgHBgUEAwIBAA'),
    ]);

    expect(again.keyId).toBe(same.keyId);
    expect(new Set([same.keyId, otherKey.keyId, otherCall.keyId]).size).toBe(3);
  });

  it('senderKeys_differPerSender_andAreKeptOnce', async () => {
    const keys = await messageKeys(1);

    expect(await encrypts(await keys.senderKey('ada'))).not.toEqual(await encrypts(await keys.senderKey('grace')));
    expect(keys.senderKey('ada')).toBe(keys.senderKey('ada'));
  });

  it('takesBothEnginesMaterial_opentoksDeriveBitsOnly_andTheLocalRoomKey', async () => {
    const [opentok, local] = await Promise.all([
      openTokKeyMaterial('sharedSecretKey1', '2_MX4xMjM0NTZ-session').then((m) => MessageKeys.from(m, '2_MX4xMjM0NTZ')),
      deriveRoomKey('sharedSecretKey1', 'lab', CALL_SALT).then((m) => MessageKeys.from(m, CALL_SALT)),
    ]);

    expect(await encrypts(await opentok.senderKey('ada'))).toHaveLength(5 + 16);
    expect(await encrypts(await local.senderKey('ada'))).toHaveLength(5 + 16);
    expect(opentok.keyId).not.toBe(local.keyId);
  });

  it('refusesSenderIdsThatAreEmptyOrTooLong', async () => {
    const keys = await MessageKeys.from(await keyMaterial(1), CALL_SALT);

    await expect(keys.senderKey('')).rejects.toThrow('1 to 255 bytes');
    await expect(keys.senderKey('x'.repeat(256))).rejects.toThrow('1 to 255 bytes');
  });
});
