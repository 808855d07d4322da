/**
 * How a cell's stored number becomes what Excel shows: date serials by hand from the 1900 and 1904
 * date systems (ECMA-376 Part 1, 18.17.4.1), number formats, column letters.
 */
import { describe, expect, it } from 'vitest';
import { columnLetter, isDateFormat, serialToDate } from '../../src/input/xlsx.js';

describe('serialToDate', () => {
  it('the 1900 system: day 1 is 1900-01-01, Excel counts a 29 February 1900 that never was', () => {
    expect(serialToDate(1, false)).toBe('1900-01-01');
    expect(serialToDate(59, false)).toBe('1900-02-28');
    expect(serialToDate(60, false)).toBeNull(); // Excel's 1900-02-29
    expect(serialToDate(61, false)).toBe('1900-03-01');
    // 2016-03-14: 116 years of days from 1899-12-30 = 42443 (Gnumeric writes this serial for it)
    expect(serialToDate(42443, false)).toBe('2016-03-14');
    expect(serialToDate(42443.75, false)).toBe('2016-03-14'); // 18:00 that day: the day
  });

  it('the 1904 system (old Mac workbooks): day 0 is 1904-01-01', () => {
    expect(serialToDate(0, true)).toBe('1904-01-01');
    expect(serialToDate(42443 - 1462, true)).toBe('2016-03-14');
  });

  it('no date for serials outside Excel’s range', () => {
    expect(serialToDate(0, false)).toBeNull();
    expect(serialToDate(-5, false)).toBeNull();
    expect(serialToDate(2_958_466, false)).toBeNull(); // after 9999-12-31
    expect(serialToDate(2_958_465, false)).toBe('9999-12-31');
  });
});

describe('isDateFormat', () => {
  it('built-in date formats 14–17 and 22 are dates; times (18–21, 45–47) and numbers are not', () => {
    for (const id of [14, 15, 16, 17, 22]) expect(isDateFormat(id, undefined), `id ${id}`).toBe(true);
    for (const id of [0, 1, 2, 9, 10, 18, 19, 20, 21, 45, 46, 47, 49]) expect(isDateFormat(id, undefined), `id ${id}`).toBe(false);
  });

  it('custom formats with a day or year part are dates, once quotes, escapes and brackets are taken out', () => {
    expect(isDateFormat(164, 'd-m-yyyy')).toBe(true);
    expect(isDateFormat(165, 'yyyy\\-mm\\-dd')).toBe(true);
    expect(isDateFormat(166, '[$-413]dddd d mmmm yyyy')).toBe(true);
    expect(isDateFormat(167, 'h:mm:ss')).toBe(false);
    expect(isDateFormat(168, '"day "0')).toBe(false);
    expect(isDateFormat(169, '[Red]0.00')).toBe(false);
    expect(isDateFormat(170, '0.0\\d')).toBe(false);
    expect(isDateFormat(171, '#,##0_);[Red](#,##0)')).toBe(false);
  });
});

describe('columnLetter', () => {
  it('counts A–Z, then AA, as Excel does', () => {
    expect([0, 1, 23, 25, 26, 27, 51, 52, 701, 702, 16383].map(columnLetter)).toEqual(['A', 'B', 'X', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA', 'XFD']);
  });
});
