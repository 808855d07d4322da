import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  findPersonalData,
  isValidBsn,
  isValidDutchIban,
  personalDataColumn,
} from '../../src/input/personal-data.js';

/** The 11-proef written again from the definition, so the module is not tested against itself. */
function elevenProof(nine: string): boolean {
  const weights = [9, 8, 7, 6, 5, 4, 3, 2, -1];
  const sum = weights.reduce((total, weight, i) => total + weight * Number(nine[i]), 0);
  return sum !== 0 && sum % 11 === 0;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

describe('personalDataColumn', () => {
  it.each([
    ['naam', 'naam'],
    ['naam_klant', 'naam'],
    ['Voornaam', 'voornaam'],
    ['achternaam', 'achternaam'],
    ['BSN', 'bsn'],
    ['burgerservicenummer', 'burgerservicenummer'],
    ['E-mail adres', 'e-mail'],
    ['email', 'email'],
    ['emailAdres', 'email'],
    ['Telefoon nr', 'telefoon'],
    ['tel', 'tel'],
    ['Mobiel', 'mobiel'],
    ['adres', 'adres'],
    ['Postcode', 'postcode'],
    ['zip_code', 'zip code'],
    ['woonplaats', 'woonplaats'],
    ['geboortedatum', 'geboortedatum'],
    ['date_of_birth', 'date_of_birth'],
    ['DOB', 'dob'],
    ['IBAN', 'iban'],
    ['rekeningnummer', 'rekeningnummer'],
    ['IP adres', 'ip_adres'],
    ['ip', 'ip'],
  ])('%s says it holds personal data (%s)', (name, keyword) => {
    expect(personalDataColumn(name)).toBe(keyword);
  });

  it.each([
    'respondent',
    'werkplein_melden',
    'aanvraag_medewerker',
    'cijfer',
    'mw_bereikbaarheid',
    'opmerking',
    'naamloos',
    'telling',
    'leeftijd',
    'respondent_id',
    '',
  ])('%s does not', (name) => {
    expect(personalDataColumn(name)).toBeNull();
  });
});

describe('isValidBsn', () => {
  it.each(['111222333', '123456782', '012345672', '12345672', '999999990'])('%s passes the 11-proef', (digits) => {
    expect(isValidBsn(digits)).toBe(true);
  });

  it.each(['123456789', '111222334', '000000000', '00000000', '100000009', '1234567', '1234567890', '12345678a'])(
    '%s does not',
    (digits) => {
      expect(isValidBsn(digits)).toBe(false);
    },
  );
});

describe('isValidDutchIban', () => {
  it.each(['NL91ABNA0417164300', 'NL91 ABNA 0417 1643 00', 'nl91abna0417164300', 'NL20INGB0001234567'])(
    '%s is valid',
    (iban) => {
      expect(isValidDutchIban(iban)).toBe(true);
    },
  );

  it.each(['NL92ABNA0417164300', 'NL91ABNA0417164301', 'DE89370400440532013000', 'NL91ABNA041716430', ''])(
    '%s is not',
    (iban) => {
      expect(isValidDutchIban(iban)).toBe(false);
    },
  );
});

describe('findPersonalData', () => {
  it.each([
    ['123456782', 'bsn'],
    ['1234.56.782', 'bsn'],
    ['123 456 782', 'bsn'],
    ['123-456-782', 'bsn'],
    ['12345672', 'bsn'],
    ['Mijn BSN is 111222333, graag terugbellen', 'bsn'],
    ['Ik gaf nummer 1 123 456 782 door', 'bsn'],
    ['BSN:123456782.', 'bsn'],
    ['jan.jansen@example.nl', 'email'],
    ['Mail mij op j.de-vries+cj@gemeente.haarlem.nl aub', 'email'],
    ['06-12345678', 'phone'],
    ['0612345678', 'phone'],
    ['+31 6 12345678', 'phone'],
    ['0031612345678', 'phone'],
    ['020-1234567', 'phone'],
    ['023 511 5115', 'phone'],
    ['+31 (0)23 5115115', 'phone'],
    ['(023) 5115115', 'phone'],
    ['Bel me terug op 06 1234 5678 na 17 uur', 'phone'],
    ['1234 AB 5', 'postcode-house-number'],
    ['1234AB 12a', 'postcode-house-number'],
    ['1234ab, 7', 'postcode-house-number'],
    ['2011 AB 12-3', 'postcode-house-number'],
    ['Grote Markt 2, 2011 RD Haarlem', 'postcode-house-number'],
    ['Ik woon op Zijlweg 12a 2013 DK Haarlem', 'postcode-house-number'],
    ['Stuur het naar 2011 RD 2 alstublieft', 'postcode-house-number'],
    ['NL91ABNA0417164300', 'iban'],
    ['NL91 ABNA 0417 1643 00', 'iban'],
    ['nl91abna0417164300', 'iban'],
    ['Uitkering graag op NL91 ABNA 0417 1643 00 storten', 'iban'],
  ])('%s holds %s', (cell, kind) => {
    expect(findPersonalData(cell)).toBe(kind);
  });

  it.each([
    'negatief',
    'neutraal',
    'positief',
    'nvt',
    'n.v.t.',
    '1',
    '5',
    '6,5',
    '7.5',
    '10',
    'R01',
    'J03',
    'HLM-2016-007',
    '2016',
    '2016-03-14',
    '14-03-2016',
    '14.03.2016',
    'Het duurde 3 weken',
    'Ik had 2 gesprekken om 10:30',
    'Op 03-04-2016 10 uur gewacht',
    'Gesprek op 2016-03-14 123 minuten',
    'Bel 14 023 voor een afspraak',
    '14023',
    '0900-1234567',
    '0800 1234567',
    '123456789',
    'Uitkering van 12.345.678,90 euro',
    '2011 RD Haarlem',
    '1234 AB',
    'In 2016 is 3 keer gebeld',
    'Postcode 1234 SA 5 bestaat niet',
    'NL91 ABNA 0417 1643 01',
    'info at example dot nl',
    '@gemeente',
  ])('%s holds none', (cell) => {
    expect(findPersonalData(cell)).toBeNull();
  });

  it('flags no date, yyyy-mm-dd or dd-mm-yyyy, alone or in a remark', () => {
    const day = fc.tuple(fc.integer({ min: 1900, max: 2099 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }));
    const written = fc.oneof(
      day.map(([y, m, d]) => `${y}-${pad(m, 2)}-${pad(d, 2)}`),
      day.map(([y, m, d]) => `${pad(d, 2)}-${pad(m, 2)}-${y}`),
      day.map(([y, m, d]) => `${d}-${m}-${y}`),
    );
    const cell = fc.oneof(written, written.map((date) => `Gesprek op ${date} om 10:30`));
    fc.assert(fc.property(cell, (text) => findPersonalData(text) === null));
  });

  it('flags no decimal mark from 1.0 to 10.0', () => {
    const mark = fc.integer({ min: 10, max: 100 }).chain((tenths) =>
      fc.constantFrom(`${tenths / 10}`, (tenths / 10).toFixed(1), (tenths / 10).toFixed(1).replace('.', ',')),
    );
    fc.assert(fc.property(mark, (text) => findPersonalData(`Ik geef een ${text}`) === null && findPersonalData(text) === null));
  });

  it('flags every 9-digit number that passes the 11-proef as a BSN', () => {
    const nine = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 9, maxLength: 9 }).filter(elevenProof);
    fc.assert(
      fc.property(nine, (digits) => findPersonalData(digits) === 'bsn' && findPersonalData(`Mijn BSN is ${digits}.`) === 'bsn'),
    );
  });

  it('reports its speed on a million remark cells', () => {
    const remarks = [
      'Het duurde 3 weken voordat ik iets hoorde',
      'Ik had 2 gesprekken om 10:30 en 14:00',
      'Prima geholpen, vriendelijke medewerker',
      'Op 14-03-2016 gebeld, niemand nam op',
      'Cijfer 7,5 want de wachttijd was lang',
      'nvt',
      'Werkplein Haarlem was goed bereikbaar met bus 3',
      'Geen opmerkingen',
    ];
    const cells = Array.from({ length: 1_000_000 }, (_, i) => remarks[i % remarks.length] ?? '');
    const start = performance.now();
    let flagged = 0;
    for (const cell of cells) if (findPersonalData(cell) !== null) flagged++;
    const seconds = (performance.now() - start) / 1000;
    console.log(`findPersonalData: ${Math.round(cells.length / seconds).toLocaleString('en')} cells/s`);
    expect(flagged).toBe(0);
  });
});
