import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exactPersonalData, findPersonalData, mayHoldPersonalData } from '../../src/input/personal-data.js';
import { casesInTests } from '../helpers/test-cases.js';

// The pre-filter may only pass over cells the exact check clears: whatever it sends on, the
// exact check decides, so findPersonalData refuses exactly what exactPersonalData refuses.
const agrees = (cell: string): boolean => mayHoldPersonalData(cell) || exactPersonalData(cell) === null;

// Characters every pattern turns on: digits, the letters of an IBAN, separators, brackets, a plus,
// an at sign, letters outside ASCII (ſ and K fold to ASCII letters under case-insensitive matching).
const unit = fc.constantFrom(...'0123456789012345678901234567890nNlLaAbBzZ .-/,()+@_:éſK\u212a\u00a0'.split(''));
const digits = (min: number, max: number): fc.Arbitrary<string> => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });
const glue = fc.constantFrom('', ' ', '-', '.', '(', ')', '+', 'a', 'R', 'l', 'L', 'nl', 'NL', 'é', '/', ',', '@', ':');

describe('the personal-data pre-filter and the exact check', () => {
  it('agree on every text and CSV cell in the tests (the personal-data cases among them)', () => {
    const cases = casesInTests();
    expect(cases.length).toBeGreaterThan(1000);
    const disagreeing = cases.filter((cell) => !agrees(cell));
    expect(disagreeing).toEqual([]);
    // The cases include refusals of every kind, so the check above is not vacuous.
    const kinds = new Set(cases.map(exactPersonalData));
    expect([...kinds].sort()).toEqual(['bsn', 'email', 'iban', 'phone', 'postcode-house-number', null].sort());
  });

  it('agree on random cells of the characters the patterns turn on', () => {
    fc.assert(fc.property(fc.string({ unit, minLength: 0, maxLength: 24 }), agrees), { numRuns: 20_000 });
  });

  it('agree on numbers of 5 to 14 digits glued to anything on either side', () => {
    const number = fc.tuple(digits(1, 5), fc.constantFrom('', ' ', '-', '.'), digits(0, 9)).map(([a, sep, b]) => `${a}${b === '' ? '' : sep}${b}`);
    fc.assert(fc.property(glue, number, glue, glue, (left, middle, right, far) => agrees(`${far}${left}${middle}${right}`)), { numRuns: 20_000 });
  });

  it('refuse the same cells as before on shapes of each kind, with a random code around them', () => {
    const bsn = digits(9, 9);
    const phone = fc.tuple(fc.constantFrom('06', '+316', '00316', '(023) ', '023-', '+31 (0)6 '), digits(8, 8)).map(([a, b]) => a + b);
    const postcode = fc.tuple(fc.integer({ min: 1000, max: 9999 }), fc.constantFrom('AB', 'rd', 'SA', 'XY'), fc.constantFrom(' ', ''), fc.integer({ min: 1, max: 400 })).map(([p, l, s, n]) => `${p}${s}${l} ${n}`);
    const iban = fc.tuple(digits(2, 2), fc.constantFrom('ABNA', 'rabo', 'INGB'), digits(10, 10)).map(([c, b, n]) => `NL${c}${b}${n}`);
    const shape = fc.oneof(bsn, phone, postcode, iban);
    fc.assert(fc.property(glue, shape, glue, (left, middle, right) => agrees(`${left}${middle}${right}`) && agrees(`x${left}${middle}`)), { numRuns: 20_000 });
  });

  it('passes over respondent codes and answers, so the exact check runs on few cells', () => {
    for (const cell of ['R00000001', 'resp12345', 'zeer positief', 'helemaal mee eens', '6,5', '123456', '1234567']) {
      expect(mayHoldPersonalData(cell), cell).toBe(false);
      expect(findPersonalData(cell), cell).toBeNull();
    }
  });
});
