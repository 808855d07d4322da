/**
 * Numbers and templates as a reader sees them, for every renderer (terminal, page, figures,
 * comparisons): one rounding, one decimal separator per language, one way to fill a caption.
 * The JSON keeps the full numbers.
 */
import type { GradeSummary, LeadTimeResult } from './count/results.js';
import type { Messages } from './messages.js';

/**
 * Formats a number with the language's decimal separator, rounding half away from zero as the
 * decimal the number stands for: 6.05 (stored as 6.0499999…) gives "6,1" and 1.005 gives "1,01".
 */
export function formatDecimal(value: number, decimals: number, separator: string): string {
  // Nine decimals absorb the binary representation error; the shift by 10^decimals is then done
  // on the decimal text (an exponent), where multiplying would bring the error back.
  const shifted = Number(`${Math.abs(value).toFixed(9)}e${decimals}`);
  const text = ((Math.sign(value) * Math.round(shifted)) / 10 ** decimals).toFixed(decimals);
  return text.replace('.', separator);
}

/** A share as whole percent, as reports print it: "83%" (the terminal, the pages, breakdowns). */
export function percent(share: number): string {
  return `${Math.round(100 * share)}%`;
}

/** A rate or margin to one decimal: "35,0%". */
export function percentOne(share: number, messages: Messages): string {
  return `${formatDecimal(100 * share, 1, messages.decimalSeparator)}%`;
}

/** A report mark (1–10): whole marks without decimals ("7"), others with one ("6,5"). */
export function formatMark(mark: number, messages: Messages): string {
  return formatDecimal(mark, Number.isInteger(mark) ? 0 : 1, messages.decimalSeparator);
}

/** The grade in one line: mean, n, median, sd; or that there were no marks. */
export function gradeLine(grade: GradeSummary, messages: Messages): string {
  if (grade.display === null || grade.median === null) return messages.noGrades;
  const sd = grade.sd === null ? '–' : formatDecimal(grade.sd, 2, messages.decimalSeparator);
  return messages.gradeLine(grade.display, grade.n, formatDecimal(grade.median, 1, messages.decimalSeparator), sd);
}

/**
 * Fills a footnote or caption template: `{n}` a count in words, `{N}` in digits,
 * `{n|singular|plural}` a word chosen by the count, `{*}` the footnote marker.
 */
export function fillTemplate(template: string, n: number, messages: Messages, marker = ''): string {
  return template.replace(/\{(n|N|\*)(?:\|([^|}]*)\|([^}]*))?\}/g, (_, key: string, singular?: string, plural?: string) => {
    if (key === '*') return marker;
    if (singular !== undefined && plural !== undefined) return n === 1 ? singular : plural;
    return key === 'N' ? String(n) : messages.numberWord(n);
  });
}

/** Width of text in a terminal: our text has no wide characters, but it may hold colour codes. */
export function displayWidth(text: string): number {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;]*m/g, '').length;
}

/** Pads to a display width on the right (left-aligned columns). */
export function padEnd(text: string, size: number): string {
  return text + ' '.repeat(Math.max(0, size - displayWidth(text)));
}

/** Pads to a display width on the left (right-aligned columns, numbers). */
export function padStart(text: string, size: number): string {
  return ' '.repeat(Math.max(0, size - displayWidth(text))) + text;
}

/**
 * Days as the evaluation prints them: a whole number without decimals ("11"), otherwise one
 * decimal ("20,7"), as rounded from the full number; a dash when there is none (n = 0).
 */
export function formatDays(days: number | null, messages: Messages): string {
  if (days === null) return messages.leadTimes.none;
  const text = formatDecimal(days, 1, messages.decimalSeparator);
  return text.endsWith(`${messages.decimalSeparator}0`) ? text.slice(0, -2) : text;
}

/** One lead-time segment's numbers as table cells, for the terminal and the page alike. */
export function leadTimeCells(segment: LeadTimeResult, messages: Messages): {
  readonly n: string;
  readonly mean: string;
  readonly median: string;
  readonly p90: string;
  readonly max: string;
  readonly withinTerm: string;
  readonly notCounted: string;
} {
  const m = messages.leadTimes;
  const percent = (share: number): string => formatDecimal(share * 100, 0, messages.decimalSeparator);
  const { withinTerm } = segment;
  return {
    n: String(segment.n),
    mean: formatDays(segment.mean, messages),
    median: formatDays(segment.median, messages),
    p90: formatDays(segment.p90, messages),
    max: formatDays(segment.max, messages),
    withinTerm:
      segment.legalTermDays === null
        ? m.noTerm
        : withinTerm === null
          ? `≤ ${segment.legalTermDays}: ${m.none}`
          : `≤ ${segment.legalTermDays}: ${m.share(percent(withinTerm.share), percent(withinTerm.lower), percent(withinTerm.upper), withinTerm.count, segment.n)}`,
    notCounted: m.notCounted(segment.missing, segment.withdrawnConsent),
  };
}
