/**
 * quoteInput, showInput and inputLabel: the one gate through which input text reaches a message.
 * Expectations are written out by hand from the rule (issue 10): personal data never, at most 40
 * characters and an ellipsis, every control and bidirectional character as a \uXXXX escape.
 */
import { describe, expect, it } from 'vitest';
import { inputLabel, quoteInput, showInput } from '../../src/input/quote-input.js';
import { escapeUnsafe } from '../../src/safe-text.js';

describe('quoteInput', () => {
  it.each([
    ['misschien', '"misschien"'],
    ['', '""'],
    ['zeg "ja"', '"zeg \\"ja\\""'],
    ['a\u001b[2Jb', '"a\\u001b[2Jb"'],
    ['a\u009bb', '"a\\u009bb"'],
    ['tab\there', '"tab\\there"'],
    ['del\u007f', '"del\\u007f"'],
    ['rtl\u202eevil', '"rtl\\u202eevil"'],
    ['isolate\u2066x\u2069', '"isolate\\u2066x\\u2069"'],
  ])('%j is shown as %s', (value, shown) => {
    expect(quoteInput(value)).toBe(shown);
  });

  it.each(['jan.jansen@example.nl', '123456782', 'NL91ABNA0417164300', '06-12345678', '2011 RD 12', 'mijn mail: a.b@c.nl graag'])(
    '%s is personal data: null, never shown',
    (value) => {
      expect(quoteInput(value)).toBeNull();
      expect(showInput(value)).toBeNull();
    },
  );

  it('cuts at 40 characters with an ellipsis', () => {
    const value = '0123456789'.repeat(5).replace(/\d/g, (d) => 'abcdefghij'[Number(d)] ?? '');
    expect(quoteInput(value)).toBe(`"${value.slice(0, 40)}…"`);
    expect(quoteInput(value.slice(0, 40))).toBe(`"${value.slice(0, 40)}"`);
  });

  it('never cuts a surrogate pair in two', () => {
    const value = `${'a'.repeat(39)}😀${'b'.repeat(10)}`;
    expect(quoteInput(value)).toBe(`"${'a'.repeat(39)}…"`);
  });

  it('a BSN that cutting would free (glued to letters in the whole value) is not shown', () => {
    const value = `${'x'.repeat(30)} 123456782abc`;
    expect(quoteInput(value)).toBeNull();
    expect(quoteInput(`${'x'.repeat(30)} 123456789abc`)).toBe(`"${'x'.repeat(30)} 123456789…"`);
  });
});

describe('inputLabel and escapeUnsafe', () => {
  it('names an empty or personal column by its position, others as written', () => {
    expect(inputLabel('', 0)).toBe('#1');
    expect(inputLabel('jan@example.nl', 6)).toBe('#7');
    expect(inputLabel('opmerking', 6)).toBe('opmerking');
    expect(inputLabel('x\u001b]0;t\u0007', 2)).toBe('x\\u001b]0;t\\u0007');
  });

  it('leaves ordinary text, accents and emoji alone', () => {
    expect(escapeUnsafe('café – ‘goed’ 😀')).toBe('café – ‘goed’ 😀');
  });
});
