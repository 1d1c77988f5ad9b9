import { describe, expect, it } from 'vitest';
import {
  MAX_CHAT_CODE_POINTS,
  REACTIONS,
  SEND_BURST,
  SendRate,
  checkChatText,
  isReaction,
  slowDownProblem,
  splitLinks,
} from './chat-rules';

describe('chat text', () => {
  it('allows2000CharactersCountedAsCodePoints_andRefuses2001WithASentence', () => {
    const emoji = '😀'.repeat(MAX_CHAT_CODE_POINTS);

    expect(checkChatText(emoji)).toEqual({ ok: true, text: emoji });
    expect(checkChatText(`${emoji}a`)).toEqual({
      ok: false,
      problem: 'A message can have at most 2,000 characters; this one has 2,001.',
    });
  });

  it('trimsTheText_andRefusesAnEmptyOne', () => {
    expect(checkChatText('  hi \n')).toEqual({ ok: true, text: 'hi' });
    expect(checkChatText(' \n\t ')).toEqual({ ok: false, problem: 'Type a message first.' });
  });
});

describe('reactions', () => {
  it('areASmallFixedSet_eachWithWordsForScreenReaders', () => {
    expect(REACTIONS.map((reaction) => reaction.emoji)).toEqual(['👍', '❤️', '😂', '😮', '👏', '🎉']);
    expect(REACTIONS.every((reaction) => reaction.label.length > 0)).toBe(true);
    expect(isReaction('👍')).toBe(true);
    expect(isReaction('💩')).toBe(false);
    expect(isReaction('<img src=x onerror=alert(1)>')).toBe(false);
  });
});

describe('send rate', () => {
  it('allowsABurstOfFive_thenOneASecond_andSaysHowLongToWait', () => {
    const rate = new SendRate(0);
    for (let i = 0; i < SEND_BURST; i++) {
      expect(rate.take(0)).toBe(0);
    }
    expect(rate.take(0)).toBe(1000);
    expect(rate.take(400)).toBe(600);
    expect(rate.take(1000)).toBe(0);
    expect(rate.take(1000)).toBe(1000);
  });

  it('stopsAFlood_atFivePerFiveSeconds', () => {
    const rate = new SendRate(0);
    let sent = 0;
    // a script trying every 10 ms for 10 seconds
    for (let now = 0; now < 10_000; now += 10) {
      sent += rate.take(now) === 0 ? 1 : 0;
    }
    expect(sent).toBe(SEND_BURST + 10 - 1);
  });

  it('refillsToNoMoreThanTheBurst_afterAQuietSpell', () => {
    const rate = new SendRate(0);
    const sentAfterAnHour = Array.from({ length: 10 }, () => rate.take(3_600_000)).filter((wait) => wait === 0);
    expect(sentAfterAnHour).toHaveLength(SEND_BURST);
  });

  it('saysSoInASentence', () => {
    expect(slowDownProblem(1000)).toBe('You are sending quickly: at most 5 in 5 seconds. Try again in 1 s.');
    expect(slowDownProblem(1)).toContain('Try again in 1 s.');
  });
});

describe('links', () => {
  it('makesHttpsAddressesLinks_andKeepsTheRestAsText', () => {
    expect(splitLinks('See https://example.org/a?b=1#c, then reply.')).toEqual([
      { link: false, text: 'See ' },
      { link: true, text: 'https://example.org/a?b=1#c', href: 'https://example.org/a?b=1#c' },
      { link: false, text: ', then reply.' },
    ]);
  });

  it('keepsEveryOtherSchemeAsText', () => {
    for (const text of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(document.cookie)',
      'data:text/html,<script>alert(1)</script>',
      'http://example.org',
      'ftp://example.org',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      'javascript:alert(1) and http://example.org',
    ]) {
      expect(splitLinks(text)).toEqual([{ link: false, text }]);
    }
    // a javascript: address that holds an https: one links to the https: one only
    expect(splitLinks('javascript:https://example.org').filter((run) => run.link)).toEqual([
      { link: true, text: 'https://example.org', href: 'https://example.org/' },
    ]);
  });

  it('keepsAnAddressWithUserInfoAsText_itReadsAsOneHostAndGoesToAnother', () => {
    expect(splitLinks('https://bank.example@elsewhere.example/login')).toEqual([
      { link: false, text: 'https://bank.example@elsewhere.example/login' },
    ]);
  });

  it('leavesMarkupAroundALinkOutOfIt', () => {
    expect(splitLinks('<https://example.org/> "https://example.com"')).toEqual([
      { link: false, text: '<' },
      { link: true, text: 'https://example.org/', href: 'https://example.org/' },
      { link: false, text: '> "' },
      { link: true, text: 'https://example.com', href: 'https://example.com/' },
      { link: false, text: '"' },
    ]);
  });

  it('keepsParenthesesTheAddressOpened_andDropsTheSentences', () => {
    expect(splitLinks('(see https://en.wikipedia.org/wiki/Lisp_(language)).')).toEqual([
      { link: false, text: '(see ' },
      {
        link: true,
        text: 'https://en.wikipedia.org/wiki/Lisp_(language)',
        href: 'https://en.wikipedia.org/wiki/Lisp_(language)',
      },
      { link: false, text: ').' },
    ]);
  });

  it('acceptsTheSchemeInCapitals_andGivesTheNormalAddress', () => {
    expect(splitLinks('HTTPS://Example.ORG')).toEqual([
      { link: true, text: 'HTTPS://Example.ORG', href: 'https://example.org/' },
    ]);
  });

  it('keepsPlainTextWhole', () => {
    expect(splitLinks('no links here')).toEqual([{ link: false, text: 'no links here' }]);
    expect(splitLinks('')).toEqual([]);
    expect(splitLinks('https://')).toEqual([{ link: false, text: 'https://' }]);
  });
});
