/**
 * Recognising personal data in a file that must be anonymised (DATA-CONTRACT.md, "Personal data"):
 * column names that say they hold it, and cells that hold a BSN, an e-mail address, a Dutch phone
 * number, a postcode with house number or an IBAN. Runs on every free-text cell, so each check
 * starts with a cheap test and every regex is compiled once, here.
 */
import type { PersonalDataKind } from '../contract.js';

/**
 * Keywords as the words a column name splits into; the first spelling is what is returned.
 * Whole words only, never substrings: `naamloos`, `cijfer`, `telling` are not personal data, so
 * compounds that are (`achternaam`, `emailadres`) are listed one by one.
 */
const columnKeywords: readonly string[] = [
  'naam', 'namen', 'name', 'voornaam', 'voornamen', 'achternaam', 'tussenvoegsel', 'roepnaam',
  'voorletters', 'initialen', 'geslachtsnaam', 'klantnaam', 'firstname', 'first name', 'lastname',
  'last name', 'surname', 'fullname', 'full name',
  'bsn', 'burgerservicenummer', 'sofinummer', 'sofi',
  'email', 'e-mail', 'mail', 'emailadres', 'e-mailadres', 'mailadres',
  'telefoon', 'telefoonnummer', 'telefoonnr', 'telnr', 'tel', 'phone', 'mobiel', 'mobielnummer',
  'mobile', 'gsm',
  'adres', 'address', 'woonadres', 'huisadres', 'postadres', 'straat', 'straatnaam', 'street',
  'huisnummer', 'huisnr', 'postcode', 'post code', 'zipcode', 'zip code', 'zip', 'woonplaats',
  'geboortedatum', 'geboortedag', 'date_of_birth', 'dob', 'birthdate', 'birthday',
  'iban', 'rekeningnummer', 'bankrekening', 'bankrekeningnummer',
  'ip', 'ip_adres', 'ipadres', 'ip address',
];

const nonLetters = /[^\p{L}]+/u;
const lowerUpper = /(\p{Ll})(\p{Lu})/gu;
const acronymWord = /(\p{Lu})(\p{Lu}\p{Ll})/gu;

function words(name: string): string[] {
  return name
    .replace(lowerUpper, '$1 $2')
    .replace(acronymWord, '$1 $2')
    .toLowerCase()
    .split(nonLetters)
    .filter((word) => word !== '');
}

/** Keywords by their first word, longest first, so `E-mail adres` gives `e-mail` before `mail`. */
const keywordsByFirstWord = new Map<string, { keyword: string; words: string[] }[]>();
for (const keyword of columnKeywords) {
  const keywordWords = words(keyword);
  const first = keywordWords[0];
  if (first === undefined) continue;
  const list = keywordsByFirstWord.get(first) ?? [];
  list.push({ keyword, words: keywordWords });
  list.sort((a, b) => b.words.length - a.words.length);
  keywordsByFirstWord.set(first, list);
}

/**
 * The keyword that says a column holds personal data, or null. The name is split into words at
 * every non-letter and at camelCase humps (`naam_klant`, `E-mail adres`, `Telefoon nr`,
 * `emailAdres` match), and a keyword must be one or more whole words: `naamloos`, `respondent`,
 * `werkplein_melden`, `aanvraag_medewerker`, `cijfer`, `mw_bereikbaarheid` do not match.
 * @example personalDataColumn('E-mail adres') // 'e-mail'
 */
export function personalDataColumn(name: string): string | null {
  const nameWords = words(name);
  for (let i = 0; i < nameWords.length; i++) {
    const candidates = keywordsByFirstWord.get(nameWords[i] ?? '');
    if (candidates === undefined) continue;
    for (const candidate of candidates) {
      if (candidate.words.every((word, j) => nameWords[i + j] === word)) return candidate.keyword;
    }
  }
  return null;
}

/**
 * Whether nine digits (or eight, read with a leading 0) pass the 11-proef of the BSN:
 * 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is a multiple of 11 and not 0 (so all zeros is no BSN).
 * @example isValidBsn('123456782') // true
 */
export function isValidBsn(digits: string): boolean {
  if (!/^\d{8,9}$/.test(digits)) return false;
  const nine = digits.length === 8 ? `0${digits}` : digits;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (9 - i) * (nine.charCodeAt(i) - 48);
  sum -= nine.charCodeAt(8) - 48;
  return sum !== 0 && sum % 11 === 0;
}

const dutchIban = /^NL\d{2}[A-Z]{4}\d{10}$/;

/**
 * Whether a string is a Dutch IBAN (NL, two check digits, four letters of the bank, ten digits)
 * whose ISO 13616 mod-97 check gives 1. Spaces and lower case are allowed (`nl91 abna 0417 1643 00`).
 * @example isValidDutchIban('NL91ABNA0417164300') // true
 */
export function isValidDutchIban(s: string): boolean {
  const iban = s.replace(/ /g, '').toUpperCase();
  if (!dutchIban.test(iban)) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (let i = 0; i < rearranged.length; i++) {
    const code = rearranged.charCodeAt(i);
    // A letter counts as two digits, A = 10 … Z = 35.
    remainder = code >= 65 ? (remainder * 100 + code - 55) % 97 : (remainder * 10 + code - 48) % 97;
  }
  return remainder === 1;
}

// Token edges: a number glued to letters or to another number (`HLM-2016-007`, `R01`,
// `12.345.678,90`) is a code or an amount, not a BSN or phone number.
const before = String.raw`(?<![\p{L}\d_+])(?<!\d[.,\-\/])(?<!\p{L}-)`;
const after = String.raw`(?!\d)(?![.,\-]?[\p{L}\d])`;

const email = /(?<![\p{L}\d._%+\-])[\p{L}\d._%+\-]+@[\p{L}\d\-]+(?:\.[\p{L}\d\-]+)*\.\p{L}{2,}/u;

const ibanShape = /(?<![\p{L}\d])nl ?\d{2} ?[a-z]{4}(?: ?\d){10}(?!\d)/giu;

/** Dates are masked before numbers are read, so `03-04-2016 10` is never a phone number. */
const date = /(?<!\d)(?:(\d{4})([\-.\/ ])(\d{1,2})\2(\d{1,2})|(\d{1,2})([\-.\/ ])(\d{1,2})\6(\d{4}))(?!\d)/gu;

// A Dutch number: +31 or 0031 (with an optional `(0)`), or 0, then nine more digits that may be
// split by spaces, dashes, dots and a `)` after an area code: `(023) 5115115`.
const phone = new RegExp(
  String.raw`${before}(?:(?:\+|00)31[ .\-]?(?:\(0\)[ .\-]?)?|\(?0)(\d(?:[ .\-)]{0,2}\d){8})${after}`,
  'gu',
);
const serviceNumber = /^0(?:800|900|906|909)|^00/;

// Digit groups split by one space, dot or dash; which of them form a BSN is decided in code.
const digitGroups = new RegExp(String.raw`${before}\d{1,9}(?:[ .\-]\d{2,4}){0,4}${after}`, 'gu');
const groupSeparator = /[ .\-]/;

// Four digits (not starting with 0), two letters (not SA, SD or SS, which PostNL does not use),
// then a house number. With a space the letters must be capitals, or `in 2016 is 3 keer`
// would be a postcode; written together, any case (`1234ab, 7`).
const postcodeCore = String.raw`[1-9]\d{3}(?! ?[Ss][AaDdSs])(?: [A-Z]{2}|[A-Za-z]{2})(?!\p{L})`;
const houseNumber = String.raw`\d{1,5}(?!\d)`;
const postcodeThenNumber = new RegExp(
  String.raw`(?<![\p{L}\d_\-])${postcodeCore} ?,? ?${houseNumber}`,
  'u',
);
// The address order, `Grote Markt 2, 2011 RD Haarlem`: a word, a house number, the postcode.
const streetThenPostcode = new RegExp(
  String.raw`\p{L}{2}\.? ${houseNumber}(?:[ \-]?[A-Za-z]{1,2}|[\-\/]\d{1,4})?(?!\p{L}) ?,? ?${postcodeCore}`,
  'u',
);

function blank(text: string): string {
  return ' '.repeat(text.length);
}

function maskDate(match: string, ...groups: (string | undefined)[]): string {
  const yearFirst = groups[0] !== undefined;
  const month = Number(yearFirst ? groups[2] : groups[6]);
  const day = Number(yearFirst ? groups[3] : groups[4]);
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 ? blank(match) : match;
}

function hasPhone(text: string): boolean {
  for (const match of text.matchAll(phone)) {
    const normalised = `0${(match[1] ?? '').replace(/\D/g, '')}`;
    if (!serviceNumber.test(normalised)) return true;
  }
  return false;
}

function hasBsn(text: string): boolean {
  for (const match of text.matchAll(digitGroups)) {
    const groups = match[0].split(groupSeparator);
    // Any consecutive groups may be the BSN: `123456782 12 keer`, `nr 1 123 456 782`.
    for (let first = 0; first < groups.length; first++) {
      let digits = '';
      for (let last = first; last < groups.length && digits.length < 9; last++) {
        digits += groups[last];
        if (digits.length >= 8 && isValidBsn(digits)) return true;
      }
    }
  }
  return false;
}

const isDigit = (code: number): boolean => code >= 48 && code <= 57;
const isAsciiLetter = (code: number): boolean => (code | 0x20) >= 97 && (code | 0x20) <= 122;

/**
 * Whether a cell could hold personal data at all: false only where `exactPersonalData` is sure
 * to find none, so that the regexes run on few cells (a respondent code such as `R00000001` ran
 * all of them, 21% of a run). One pass over the characters; it holds because every kind the exact
 * check finds needs one of these:
 * - e-mail: an `@`;
 * - five digits or more: a postcode (4) with a house number (1+), a BSN (8), a phone number (10),
 *   an IBAN (12);
 * - a number that does not follow a letter or digit: the BSN, phone and postcode patterns start
 *   where no letter or digit precedes (`before`), a `+` or `(` of a phone number is such a place
 *   for the digit after it, and the address order puts a space before its house number; the one
 *   exception is an IBAN's `NL91`, so an `l` followed by a digit (or a space and a digit) counts.
 * A cell of digits alone holds only a BSN (8 or 9 digits) or a phone number (10 or more, from 0).
 * Only ASCII letters count as letters here, so a number after any other character goes on to the
 * exact check. test/input/personal-data-prefilter.test.ts holds it against the exact check.
 */
export function mayHoldPersonalData(cell: string): boolean {
  return mayHold(cell, 0, cell.length);
}

/**
 * mayHoldPersonalData of a cell in UTF-8 bytes (`bytes` from `start` to `end`), without making
 * it a string: the same answer as on the decoded text, or true where that is not sure (a byte
 * of 0x80 or more: a character outside ASCII, or length in bytes where it is in characters).
 */
export function mayHoldPersonalDataBytes(bytes: Uint8Array, start: number, end: number): boolean {
  return mayHold(bytes, start, end);
}

/**
 * The pre-filter on text (UTF-16 code units) or on UTF-8 bytes: one rule. On bytes a byte of
 * 0x80 or more sends the cell on. Otherwise each byte is the character, so both give the same:
 * in UTF-8 the bytes of a character outside ASCII are all 0x80 or more, never a letter, digit,
 * `@` or space, as such a character is in text; and a cell has at least as many bytes as
 * characters, so `end - start < 5` on bytes implies it on the text.
 */
function mayHold(cell: string | Uint8Array, start: number, end: number): boolean {
  const length = end - start;
  if (length < 5) return false;
  const text = typeof cell === 'string';
  let digits = 0;
  let numberStart = false;
  let previous = -1;
  for (let i = start; i < end; i++) {
    const code = unitAt(cell, text, i, end);
    if (code === 64) return true;
    if (!text && code >= 0x80) return true;
    if (isDigit(code)) {
      digits++;
      if (!isDigit(previous) && !isAsciiLetter(previous)) numberStart = true;
      else if ((previous | 0x20) === 108) numberStart = true;
    } else if (code === 32 && (previous | 0x20) === 108 && isDigit(unitAt(cell, text, i + 1, end))) {
      numberStart = true;
    }
    previous = code;
  }
  if (digits < 5 || !numberStart) return false;
  if (digits === length) return digits === 8 || digits === 9 || (digits >= 10 && unitAt(cell, text, start, end) === 48);
  return true;
}

/**
 * mayHold's unit at `i`: a code unit of text, or a byte (NaN past `end`, as charCodeAt past the
 * text's end). A function of its own, not a closure in mayHold: one of those was made a cell.
 */
function unitAt(cell: string | Uint8Array, text: boolean, i: number, end: number): number {
  return text ? (cell as string).charCodeAt(i) : i < end ? ((cell as Uint8Array)[i] as number) : Number.NaN;
}

/**
 * The first kind of personal data found anywhere in a cell, or null. Kinds are tried in a fixed
 * order, e-mail, IBAN, phone, postcode with house number, BSN, so a cell holding two gives the
 * first of that list. A postcode without house number (`2011 RD Haarlem`) is not flagged: the
 * contract asks for a postcode with house number, and a postcode alone names a street, not a
 * person. A 9-digit number passes the 11-proef 1 time in 11, so some are flagged as BSN wrongly;
 * that is accepted.
 * @example findPersonalData('Bel me op 06-12345678') // 'phone'
 */
export function findPersonalData(cell: string): PersonalDataKind | null {
  return mayHoldPersonalData(cell) ? exactPersonalData(cell) : null;
}

/** The checks themselves, on any cell: what findPersonalData runs where the pre-filter lets a cell through. */
export function exactPersonalData(cell: string): PersonalDataKind | null {
  if (cell.length < 5) return null;
  if (cell.includes('@') && email.test(cell)) return 'email';
  if (!/\d/.test(cell)) return null;

  let text = cell;
  for (const match of cell.matchAll(ibanShape)) {
    if (isValidDutchIban(match[0])) return 'iban';
    // An IBAN with a wrong checksum is no IBAN, and its digits are no phone number either.
    text = text.slice(0, match.index) + blank(match[0]) + text.slice(match.index + match[0].length);
  }
  text = text.replace(date, maskDate);

  if (hasPhone(text)) return 'phone';
  if (postcodeThenNumber.test(text) || streetThenPostcode.test(text)) return 'postcode-house-number';
  if (hasBsn(text)) return 'bsn';
  return null;
}
