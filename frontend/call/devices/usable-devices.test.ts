import { describe, expect, it } from 'vitest';
import { isDeviceFailure, missingDevicesNotice } from './usable-devices';

describe('missingDevicesNotice', () => {
  it('names only the device that is missing', () => {
    const notice = missingDevicesNotice({ camera: 'denied' });
    expect(notice).toMatch(/^The browser did not allow the camera: allow it in the site settings/);
    expect(notice).toContain('press No camera to try again');
    expect(notice).not.toContain('microphone');
  });

  it('says the person still sees and hears the others when both are missing for one reason', () => {
    expect(missingDevicesNotice({ camera: 'denied', microphone: 'denied' })).toContain('you see and hear the others');
  });

  it('gives one sentence per device when the reasons differ', () => {
    expect(missingDevicesNotice({ camera: 'busy', microphone: 'missing' })).toBe(
      'The camera is in use by another application: close it, then press No camera to try again. ' +
        'No microphone was found: connect one, then press No microphone to try again.',
    );
  });

  it('is empty when nothing is missing', () => {
    expect(missingDevicesNotice({})).toBe('');
  });
});

describe('isDeviceFailure', () => {
  it('knows the engines’ names for a camera or microphone that cannot be had', () => {
    expect(isDeviceFailure({ name: 'OT_USER_MEDIA_ACCESS_DENIED' })).toBe(true);
    expect(isDeviceFailure({ name: 'OT_CONNECT_FAILED' })).toBe(false);
    expect(isDeviceFailure('OT_NO_DEVICES_FOUND')).toBe(false);
  });
});
