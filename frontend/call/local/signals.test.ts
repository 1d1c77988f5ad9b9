import { describe, expect, it } from 'vitest';
import { isLocalSignal } from './signals';

const peer = { id: 'a1b2c3', name: 'Grace' };
const salt = 'AAECAwQFBgcICQoLDA0ODw';
const candidate = { candidate: 'candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host', sdpMid: '0', sdpMLineIndex: 0 };

describe('isLocalSignal', () => {
  it.each([
    ['welcome, alone', { type: 'welcome', self: 'me', peers: [], salt }],
    ['welcome, with others', { type: 'welcome', self: 'me', peers: [peer, { id: 'd4', name: '' }], salt }],
    ['peer-joined', { type: 'peer-joined', peer }],
    ['peer-left', { type: 'peer-left', peer }],
    ['offer', { type: 'offer', from: 'a1', sdp: 'v=0' }],
    ['answer', { type: 'answer', from: 'a1', sdp: 'v=0' }],
    ['candidate', { type: 'candidate', from: 'a1', candidate }],
    [
      'candidate with null mid and index',
      { type: 'candidate', from: 'a1', candidate: { candidate: 'c', sdpMid: null, sdpMLineIndex: null } },
    ],
    ['candidate without mid and index', { type: 'candidate', from: 'a1', candidate: { candidate: 'c' } }],
    ['refused', { type: 'refused', reason: 'ROOM_FULL' }],
    ['refused with a sentence', { type: 'refused', reason: 'ROOM_FULL', message: 'This room is full.' }],
    ['a known shape with more fields', { type: 'peer-left', peer, extra: 1 }],
  ])('accepts %s', (_, message) => {
    expect(isLocalSignal(message)).toBe(true);
  });

  it.each([
    ['null', null],
    ['undefined', undefined],
    ['a string', 'welcome'],
    ['a number', 7],
    ['an array', [{ type: 'welcome', self: 'me', peers: [], salt }]],
    ['no type', { self: 'me', peers: [], salt }],
    ['a numeric type', { type: 1 }],
    ['an unknown type', { type: 'shout', from: 'a1' }],
    ['welcome without self', { type: 'welcome', peers: [], salt }],
    ['welcome with a numeric self', { type: 'welcome', self: 5, peers: [], salt }],
    ['welcome whose peers are not a list', { type: 'welcome', self: 'me', peers: peer, salt }],
    ['welcome with a peer without a name', { type: 'welcome', self: 'me', peers: [{ id: 'a1' }], salt }],
    ['welcome with a null peer', { type: 'welcome', self: 'me', peers: [null], salt }],
    ['welcome without a salt', { type: 'welcome', self: 'me', peers: [] }],
    ['welcome with a salt too short', { type: 'welcome', self: 'me', peers: [], salt: salt.slice(1) }],
    ['welcome with a salt too long', { type: 'welcome', self: 'me', peers: [], salt: salt + 'A' }],
    ['welcome with a padded salt', { type: 'welcome', self: 'me', peers: [], salt: 'AAECAwQFBgcICQoLDA0ODw==' }],
    [
      'welcome with a base64 (not url) salt',
      { type: 'welcome', self: 'me', peers: [], salt: 'AAECAwQFBgcICQoLDA0O+/' },
    ],
    ['welcome with a numeric salt', { type: 'welcome', self: 'me', peers: [], salt: 1234 }],
    ['peer-joined without a peer', { type: 'peer-joined' }],
    ['peer-joined with a numeric id', { type: 'peer-joined', peer: { id: 1, name: 'Grace' } }],
    ['peer-left with a peer list', { type: 'peer-left', peer: [peer] }],
    ['offer without a description', { type: 'offer', from: 'a1' }],
    ['offer without a sender', { type: 'offer', sdp: 'v=0' }],
    ['answer with a description object', { type: 'answer', from: 'a1', sdp: { type: 'answer', sdp: 'v=0' } }],
    ['candidate as text', { type: 'candidate', from: 'a1', candidate: 'candidate:1' }],
    ['candidate without its line', { type: 'candidate', from: 'a1', candidate: { sdpMid: '0' } }],
    ['candidate with a numeric mid', { type: 'candidate', from: 'a1', candidate: { candidate: 'c', sdpMid: 0 } }],
    [
      'candidate with a text index',
      { type: 'candidate', from: 'a1', candidate: { candidate: 'c', sdpMLineIndex: '0' } },
    ],
    ['candidate without a sender', { type: 'candidate', candidate }],
    ['refused without a reason', { type: 'refused', message: 'no' }],
    ['refused with a non-text sentence', { type: 'refused', reason: 'ROOM_FULL', message: 42 }],
  ])('refuses %s', (_, message) => {
    expect(isLocalSignal(message)).toBe(false);
  });
});
