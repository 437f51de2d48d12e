import { describe, expect, it } from 'vitest';
import { findIdentityNumbers, maskIdentityNumbers } from '../../src/rules/identity-numbers.js';

const found = (text: string) => findIdentityNumbers(text).map((m) => `${text.slice(m.start, m.end)} ${m.kind}`);

describe('findIdentityNumbers', () => {
  it('recognises every written form with a valid check digit', () => {
    expect(found('a 900101-0017 b')).toEqual(['900101-0017 personnummer']);
    expect(found('9001010017')).toEqual(['9001010017 personnummer']);
    expect(found('19900101-0017')).toEqual(['19900101-0017 personnummer']);
    expect(found('199001010017')).toEqual(['199001010017 personnummer']);
    expect(found('900101+0017')).toEqual(['900101+0017 personnummer']);
    expect(found('(900101-0017)')).toEqual(['900101-0017 personnummer']);
    expect(found('pnr:900101-0017.')).toEqual(['900101-0017 personnummer']);
  });

  it('recognises a samordningsnummer (day + 60)', () => {
    expect(found('900161-0014')).toEqual(['900161-0014 samordningsnummer']);
  });

  it('ignores a wrong check digit and impossible dates', () => {
    expect(found('900101-0018')).toEqual([]);
    expect(found('901301-0017 900132-0013')).toEqual([]);
  });

  it('ignores dates, diary numbers, longer numbers and decimals', () => {
    expect(found('2009-06-10 kl. 13.00, Dnr KS 2008/1234, § 61')).toEqual([]);
    expect(found('1234567890123 and 19900101-00171')).toEqual([]);
    expect(found('3.9001010017')).toEqual([]);
  });

  it('ignores phone numbers and amounts that happen to have a valid check digit', () => {
    expect(found('0701234569')).toEqual(['0701234569 personnummer']);
    expect(found('tel 0701234569')).toEqual([]);
    expect(found('Telefon: 0701234569')).toEqual([]);
    expect(found('+46 0701234569')).toEqual([]);
    expect(found('belopp 9001010017 kr')).toEqual([]);
    expect(found('8112289874 kronor')).toEqual([]);
    // "ring" inside a Swedish word is not the verb "ring".
    expect(found('Hundraåring 900101+0017')).toEqual(['900101+0017 personnummer']);
  });
});

describe('maskIdentityNumbers', () => {
  it('keeps the date part and the separator, and hides the serial number', () => {
    expect(maskIdentityNumbers('a 900101-0017 b')).toBe('a 900101-**** b');
    expect(maskIdentityNumbers('199001010017')).toBe('19900101-****');
    expect(maskIdentityNumbers('900101+0017, 9001010017')).toBe('900101+****, 900101-****');
    expect(maskIdentityNumbers('tel 0701234569')).toBe('tel 0701234569');
  });
});
