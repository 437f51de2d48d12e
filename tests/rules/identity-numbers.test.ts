import { describe, expect, it } from 'vitest';
import { findIdentityNumbers, maskIdentityNumbers } from '../../src/rules/identity-numbers.js';

// Example numbers are fictional or from the personnummer libraries' public test data.

/**
 * A row marks each number it must find with [[ ]]; the markers are removed before the search,
 * and the offsets they stood at are the start and end the finding must have.
 */
function expected(marked: string): { text: string; spans: Array<[number, number]> } {
  const spans: Array<[number, number]> = [];
  let text = '';
  let open = -1;
  for (let i = 0; i < marked.length; i++) {
    if (marked.startsWith('[[', i)) { open = text.length; i++; }
    else if (marked.startsWith(']]', i)) { spans.push([open, text.length]); i++; }
    else text += marked[i];
  }
  return { text, spans };
}

const spansOf = (text: string) => findIdentityNumbers(text).map((m): [number, number] => [m.start, m.end]);

const FOUND: Array<[string, string]> = [
  ['plain, with a hyphen', 'a [[900101-0017]] b'],
  ['ten digits', '[[9001010017]]'],
  ['twelve digits with a hyphen', '[[19330121-9618]]'],
  ['twelve digits', '[[193301219618]]'],
  ['twelve digits, over 100', '[[19330121+9618]]'],
  ['plus for over 100', '[[330121+9618]]'],
  ['after a comma', 'Anna Andersson,[[330121-9618]]'],
  ['a comma list', '[[330121-9618]],[[160417-8929]],[[900101-0017]]'],
  ['a comma list without separators', '[[3301219618]],[[1604178929]]'],
  ['a comma list of long and short', '[[193301219618]],[[1604178929]]'],
  ['a comma list with spaces', '[[330121-9618]], [[160417-8929]]'],
  ['a semicolon list', '[[330121-9618]];[[160417-8929]]'],
  ['after a full stop', 'pnr.[[1604178929]]'],
  ['before a full stop', 'Hennes nummer är [[160417-8929]].'],
  ['between slashes', 'a/[[330121-9618]]/b'],
  ['a slash list', '[[330121-9618]]/[[160417-8929]]'],
  ['after a colon', 'pnr:[[330121-9618]]'],
  ['in parentheses', '([[330121-9618]])'],
  ['in double quotes', '"[[330121-9618]]"'],
  ["in single quotes", "'[[330121-9618]]'"],
  ['in a table row', '| Anna | [[330121-9618]] |'],
  ['after letters', 'ABC[[3301219618]]xyz'],
  ['with a space', '[[330121 9618]]'],
  ['with an en dash', '[[330121\u20139618]]'],
  ['with an em dash', '[[330121\u20149618]]'],
  ['with a minus sign', '[[330121\u22129618]]'],
  ['with a Unicode hyphen', '[[330121\u20109618]]'],
  ['with a figure dash', '[[330121\u20129618]]'],
  ['with a horizontal bar', '[[330121\u20159618]]'],
  ['with a non-breaking hyphen', '[[330121\u20119618]]'],
  ['with a non-breaking space', '[[330121\u00a09618]]'],
  ['with a narrow non-breaking space', '[[330121\u202f9618]]'],
  ['with a full-width hyphen', '[[330121\uff0d9618]]'],
  ['with a small hyphen-minus', '[[330121\ufe639618]]'],
  ['full-width digits and hyphen', '[[３３０１２１－９６１８]]'],
  ['full-width digits, twelve', '[[１９３３０１２１９６１８]]'],
  ['full-width plus', '[[330121\uff0b9618]]'],
  ['after Swedish letters', 'Åsa Öberg, född [[330121–9618]], bor här'],
  ['after an emoji (two code units)', '😀 [[３３０１２１-９６１８]] 😀 [[160417-8929]]'],
  ['mathematical bold digits', '[[𝟑𝟑𝟎𝟏𝟐𝟏-𝟗𝟔𝟏𝟖]]'],
  ['after a Hundraåring, which is not the word ring', 'Hundraåring [[900101+0017]]'],
  ['born in the 1800s, with a plus', '[[18791221+9990]]'],
  ['in December', '[[901211-9948]]'],
  ['with kr further on', 'Anna [[3301219618]] 5 kr'],
  ['after a word that ends in an amount label', 'Ökr [[3301219618]]'],
  ['on 29 February 2004', '[[20040229-1231]]'],
  ['with a serial ending in 000', '[[330108-1000]]'],
  ['a list joined by full stops', '[[3301219618]].[[1604178929]]'],
  ['a list joined by slashes, long and short', '[[193301219618]]/[[1604178929]]'],
  ['with a zero-width space inside', '[[821105\u200b-9954]]'],
  ['with a soft hyphen for the hyphen', '[[821105\u00ad9954]]'],
  ['with a word joiner and a zero-width space between digits', 'x [[82\u20601105-99\u200b54]] y'],
  ['samordningsnummer', '[[900161-0014]]'],
  ['samordningsnummer on the 31st', '[[330191-9613]]'],
  ['29 February 2000', '[[20000229-9618]]'],
  ['29 February, short year 00', '[[000229-9618]]'],
  ['interim T, separated', '[[000101-T220]]'],
  ['interim T, long', '[[20000101T220]]'],
  ['interim T, short', '[[000101T220]]'],
  ['interim T, separated long', '[[20000101-T220]]'],
  ['interim in lower case', '[[000101-t220]]'],
  ['interim P', '[[000101-P220]]'],
  ['interim with a plus', '[[000101+X220]]'],
  ['a spreadsheet row: date, number', '2009-06-10,[[821105-9954]]'],
  ['a spreadsheet row: name, age, number', 'Anna,42,[[821105-9954]],Malmö'],
  ['a spreadsheet row: bare digits after a number', 'rad 3,[[8211059954]],42'],
  ['a spreadsheet row: number, then a number', '[[821105-9954]],42'],
  ['between slashes after digits', '12/[[821105-9954]]/2009'],
  ['after a numbered list item', '1.[[821105-9954]]'],
  ['two numbers in a sentence', 'Både [[330121-9618]] och [[000101-K220]] står här.'],
];

const NOT_FOUND: Array<[string, string]> = [
  ['a date', '2009-06-10'],
  ['a date without hyphens', '20090610'],
  ['a timestamp', '2009-06-10T13:00:00'],
  ['a timestamp without separators', '20090610130000'],
  ['a basic timestamp with T', '20090610T1300'],
  ['a short basic timestamp with T', '090610T1300'],
  ['a date and a time', '2009-06-10 kl. 13.00'],
  ['a mobile number', '070-123 45 67'],
  ['an international number', '+46 70 123 45 67'],
  ['a Stockholm number', '08-123 456 78'],
  ['a phone number after tel', 'tel 0701234569'],
  ['a phone number after tel, in a long sentence', 'tel 0701234569 dagtid, annars via växeln på kommunen'],
  ['a phone number after Telefon:', 'Telefon: 0701234569'],
  ['a phone number after Mobil nr', 'Mobil nr. 0701234569'],
  ['a phone number after +46', '+46 0701234569'],
  ['a phone number after fax', 'Fax: 0701234569'],
  ['a diary number with a slash', 'Dnr KS 2008/12'],
  ['a diary number with hyphens', 'KS-2009-1234'],
  ['a longer diary number', 'Dnr 2008/1234'],
  ['an organisation number', '212000-1355'],
  ['another organisation number', '556036-0793'],
  ['an organisation number with 16', '16556036-0793'],
  ['an organisation number, twelve digits', '165560360793'],
  ['a postal number', '452 31 Strömstad'],
  ['an amount', '1 200 000 kr'],
  ['an amount with a label and kr', 'belopp 9001010017 kr'],
  ['an amount in kronor', '8112289874 kronor'],
  ['an amount after kostnad', 'kostnad: 3301219618'],
  ['an amount after kostnad in a sentence', 'Totalt, kostnad: 3301219618'],
  ['an amount after kostnad and a colon', 'kostnad:3301219618'],
  ['a phone number after tel and a colon', 'tel:0701234569'],
  ['an amount with :-', '3301219618:-'],
  ['an amount after SEK', 'SEK 3301219618'],
  ['an ISO week', '2009-W24'],
  ['an ISO week with day', '2009-W24-3'],
  ['a version number', '1.2.3'],
  ['a version ending in a number', 'v2.0.3301219618'],
  ['a decimal', '3.9001010017'],
  ['a decimal in a long sentence', '3.9001010017 är ett decimaltal i en lång mening om ingenting'],
  ['a time before', '13:3301219618'],
  ['a ratio after', '3301219618/12'],
  ['a list whose neighbour is a longer number', '99993301219618.1604178929'],
  ['a list whose neighbour after is a longer number', '1604178929.33012196181'],
  ['month 00', '330021-9619'],
  ['a number with decimals', '9001010017.5'],
  ['an amount with öre', '3301219618,50 kr'],
  ['a ratio', '12/3301219618'],
  ['a time after', '3301219618:30'],
  ['thirteen digits', '1234567890123'],
  ['eleven digits after the separator', '19900101-00171'],
  ['one digit too many before', '119330121-9618'],
  ['a wrong check digit', '330121-9617'],
  ['a wrong check digit, twelve', '19330121-9617'],
  ['month 13', '331301-9618'],
  ['day 32', '330132-9615'],
  ['day 0', '330100-9613'],
  ['31 April in a leap year', '000431-9612'],
  ['day 60, not a coordination day', '330160-9610'],
  ['day 92', '330192-9612'],
  ['29 February 1900', '19000229-9618'],
  ['29 February 2001', '010229-9617'],
  ['the 1700s', '17330121-9618'],
  ['the 1700s, with 19 inside the date', '17190527-1472'],
  ['the 2100s', '21330121-9618'],
  ['serial 000', '000101-0008'],
  ['interim with a wrong check digit', '000101-T221'],
  ['interim with a letter that is not used', '000101-A220'],
  ['interim with two letters', '000101-TT20'],
  ['interim one digit too long', '000101T2200'],
  ['interim with an impossible date', '001301-T226'],
  ['interim on 30 February', '000230-T224'],
  ['a letter in the date', '0001T1-0220'],
  ['two separators', '330121--9618'],
  ['a dash and a space', '330121- 9618'],
  ['a line break', '330121\n9618'],
  ['a tab', '330121\t9618'],
  ['nine digits', '330121961'],
  ['empty text', ''],
];

describe('findIdentityNumbers', () => {
  it.each(FOUND)('finds a number %s', (_, marked) => {
    const { text, spans } = expected(marked);
    expect(spansOf(text)).toEqual(spans);
  });

  it.each(NOT_FOUND)('leaves alone %s', (_, text) => {
    expect(spansOf(text)).toEqual([]);
  });

  it('finds all 48 interim forms of the personnummer libraries\' test data', () => {
    const forms = [...'PTRSUWXJKLMN'].flatMap((l) => [`20000101${l}220`, `000101${l}220`, `000101-${l}220`, `20000101-${l}220`]);
    expect(forms).toHaveLength(48);
    for (const form of forms) expect(findIdentityNumbers(`x ${form} y`).map((m) => m.kind), form).toEqual(['interim']);
  });

  it('says which kind of number it found, and gives one key for every form of it', () => {
    const kinds = findIdentityNumbers('900101-0017 900161-0014 000101-t220 19900101+0017 ９００１０１００１７ 330131-9616 330191-9613');
    expect(kinds.map((m) => m.kind)).toEqual(['personnummer', 'samordningsnummer', 'interim', 'personnummer', 'personnummer', 'personnummer', 'samordningsnummer']);
    expect(kinds.map((m) => m.canonical)).toEqual(['9001010017', '9001610014', '000101T220', '9001010017', '9001010017', '3301319616', '3301919613']);
  });

  it('checks the label before a number only where it touches the number', () => {
    expect(spansOf('tel 08-123 456, pnr 9001010017')).toEqual([[20, 30]]);
    expect(spansOf('9001010017 är inte kr')).toEqual([[0, 10]]);
    expect(spansOf('kronor: 9001010017')).toEqual([[8, 18]]);
  });

  it('searches 100 KB of text in well under a second', () => {
    const line = 'Åsa Öberg, Testgatan 1, 452 31 Strömstad, tel 070-123 45 67, 2009-06-10 13:00, 1 200 000 kr — ';
    const text = `${line.repeat(Math.ceil(100_000 / line.length))}330121–9618`;
    const began = performance.now();
    expect(findIdentityNumbers(text)).toHaveLength(1);
    expect(performance.now() - began).toBeLessThan(500);
  });
});

describe('maskIdentityNumbers', () => {
  it.each([
    ['a 900101-0017 b', 'a 900101-**** b'],
    ['199001010017', '19900101-****'],
    ['900101+0017, 9001010017', '900101+****, 900101-****'],
    ['330121 9618', '330121 ****'],
    ['330121\u20139618', '330121\u2013****'],
    ['Anna,３３０１２１－９６１８.', 'Anna,３３０１２１－****.'],
    ['😀 000101-T220 😀', '😀 000101-**** 😀'],
    ['a 821105\u200b-9954 b', 'a 821105-**** b'],
    ['20000101t220', '20000101-****'],
    ['tel 0701234569', 'tel 0701234569'],
    ['2009-06-10, 556036-0793', '2009-06-10, 556036-0793'],
    ['', ''],
  ])('masks %j as %j', (text, masked) => {
    expect(maskIdentityNumbers(text)).toBe(masked);
  });

  it('never throws, not even on a value that is not a text', () => {
    expect(maskIdentityNumbers(undefined as unknown as string)).toBe('');
    expect(maskIdentityNumbers(9001010017 as unknown as string)).toBe('900101-****');
    const hostile = { toString: () => { throw new Error('900101-0017'); } };
    expect(maskIdentityNumbers(hostile as unknown as string)).toBe('');
  });

  it('masks 100 KB of text quickly', () => {
    const text = 'Anna Andersson,330121-9618; '.repeat(4000);
    const began = performance.now();
    const masked = maskIdentityNumbers(text);
    expect(performance.now() - began).toBeLessThan(500);
    expect(masked).not.toContain('9618');
    expect(masked.length).toBe(text.length);
  });
});
