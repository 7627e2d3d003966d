import { describe, expect, it } from 'vitest';
import { splitMailText } from './mailLinks';

const ORIGIN = 'http://127.0.0.1:8080';

describe('splitMailText', () => {
  it('makes a link to this web UI clickable and keeps the text around it', () => {
    expect(splitMailText('Open\nhttp://127.0.0.1:8080/reset-password#token=a-b_c\nThanks', ORIGIN)).toEqual([
      { text: 'Open\n' },
      { text: 'http://127.0.0.1:8080/reset-password#token=a-b_c', href: 'http://127.0.0.1:8080/reset-password#token=a-b_c' },
      { text: '\nThanks' },
    ]);
  });

  it('leaves sentence punctuation after a link outside it', () => {
    const pieces = splitMailText('See http://127.0.0.1:8080/invitation#token=x.', ORIGIN);
    expect(pieces[1]).toEqual({ text: 'http://127.0.0.1:8080/invitation#token=x', href: 'http://127.0.0.1:8080/invitation#token=x' });
    expect(pieces[2]).toEqual({ text: '.' });
  });

  it('keeps links to any other origin as plain text', () => {
    for (const other of [
      'https://127.0.0.1:8080/reset-password',
      'http://127.0.0.1:9090/reset-password',
      'http://127.0.0.1:8080.evil.example/reset-password',
      'http://evil.example/?u=http://127.0.0.1:8080/',
    ]) {
      const pieces = splitMailText(`Go to ${other} now`, ORIGIN);
      expect(pieces.every((p) => p.href === undefined), other).toBe(true);
      expect(pieces.map((p) => p.text).join('')).toBe(`Go to ${other} now`);
    }
  });

  it('returns the whole text as one piece when there is no link', () => {
    expect(splitMailText('Hei Aino,\n\nterveisin', ORIGIN)).toEqual([{ text: 'Hei Aino,\n\nterveisin' }]);
    expect(splitMailText('', ORIGIN)).toEqual([]);
  });
});
