/** The one colour rule, #rrggbb: the same answer from the definition schema, the results.json schema and the renderers. */
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { HEX_COLOR_PATTERN, isHexColor, rgbOf } from '../src/color.js';

const cases: [string, boolean][] = [
  ['#1f5f99', true],
  ['#E66101', true],
  ['#fff', false],
  ['#ffff', false],
  ['1f5f99', false],
  ['#1f5f9g', false],
  ['url(#x)', false],
  ['red', false],
  ['#1f5f99;background:url(x)', false],
];

describe('colours', () => {
  it.each(cases)('%s is a colour: %s (code and JSON Schema pattern agree)', (color, expected) => {
    expect(isHexColor(color)).toBe(expected);
    const validate = new Ajv().compile({ type: 'string', pattern: HEX_COLOR_PATTERN });
    expect(validate(color)).toBe(expected);
  });

  it('rgbOf reads the channels', () => {
    expect(rgbOf('#1f5f99')).toEqual([0x1f, 0x5f, 0x99]);
    expect(rgbOf('#FFFFFF')).toEqual([255, 255, 255]);
    expect(() => rgbOf('#fff')).toThrow();
  });
});
