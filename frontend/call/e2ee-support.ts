/**
 * Whether this browser can join an end-to-end-encrypted call, decided without loading the
 * 845 KB OpenTok.js: the conditions that `OT.hasEndToEndEncryptionSupport()` checks in 2.35.
 */
export function hasE2eeSupport(): boolean {
  return hasWebRtc() && hasWebCrypto() && hasFrameTransforms() && typeof Worker === 'function';
}

function hasWebRtc(): boolean {
  return typeof RTCPeerConnection === 'function' && typeof navigator.mediaDevices?.getUserMedia === 'function';
}

// The key is derived with PBKDF2 in SubtleCrypto, which browsers offer only in secure contexts.
function hasWebCrypto(): boolean {
  return typeof crypto !== 'undefined' && crypto.subtle !== undefined;
}

// Frames are encrypted through insertable streams (Chromium) or RTCRtpScriptTransform (WebKit).
// OpenTok.js does not use Firefox's RTCRtpScriptTransform, so Firefox is refused as OpenTok.js does.
function hasFrameTransforms(): boolean {
  const insertableStreams = typeof RTCRtpSender === 'function' && 'createEncodedStreams' in RTCRtpSender.prototype;
  const scriptTransform = 'RTCRtpScriptTransform' in globalThis && !/\bFirefox\//.test(navigator.userAgent);
  return insertableStreams || scriptTransform;
}
