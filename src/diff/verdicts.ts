/**
 * The comparison in sentences a reader can act on: which bars moved and which way, which did not
 * survive the correction for many tests, and, where nothing could be shown, how large a change
 * these N could have shown at all.
 */
import { formatDecimal } from '../format.js';
import type { Messages } from '../messages.js';
import { formatP, formatPWithRelation, formatShare, formatSigned } from './format.js';
import type { Unmatched } from './match.js';
import type { BarComparison, BarNotComparedReason, GradeComparison } from './types.js';

export interface Labels {
  readonly a: string;
  readonly b: string;
}

/** How a sentence names a bar: "Figuur 5, Workshop naar Werk". */
function barWhere(m: Messages, figureId: string, label: string): string {
  return `${m.figure} ${figureId}, ${label}`;
}

/** The category whose share moved most; the first one on a tie. */
function mostMoved(bar: BarComparison): BarComparison['categories'][number] | undefined {
  return bar.categories.reduce<BarComparison['categories'][number] | undefined>(
    (best, category) => (best === undefined || Math.abs(category.change.points) > Math.abs(best.change.points) ? category : best),
    undefined,
  );
}

/** The caution of a bar that did not move: the smallest change in its best category these N could show. */
function caution(bar: BarComparison, m: Messages, power: number): string {
  const best = bar.categories.find((category) => category.key === bar.detectable.category);
  const rise = (best?.change.points ?? 0) >= 0;
  const points = rise ? bar.detectable.increasePoints : bar.detectable.decreasePoints;
  const simulated = rise ? bar.detectable.simulated.increasePoints : bar.detectable.simulated.decreasePoints;
  const percent = Math.round(power * 100);
  const sep = m.decimalSeparator;
  if (points === null) return m.diffUndetectable(bar.a.n, bar.b.n, rise, bar.detectable.label, percent);
  if (points !== simulated) return m.diffDetectableObserved(bar.a.n, bar.b.n, formatDecimal(points, 0, sep), bar.detectable.label);
  const alpha = bar.detectable.alpha;
  const alphaText = formatDecimal(alpha, Math.max(2, Math.ceil(-Math.log10(alpha)) + 1), sep);
  return m.diffDetectable(bar.a.n, bar.b.n, formatDecimal(points, 0, sep), bar.detectable.label, percent, alphaText);
}

/** "Mann-Whitney, exact: p = 0,62, na Holm 0,62". */
function ordinalText(bar: BarComparison, m: Messages, alpha: number): string {
  const { ordinal } = bar;
  if (ordinal === null) return '';
  const sep = m.decimalSeparator;
  const ran = m.diffTestRan('mann-whitney', ordinal.method, formatDecimal(ordinal.standardError, 4, sep));
  return `${ran}: ${m.diffPAdjusted(formatPWithRelation(ordinal.p, sep, alpha), formatP(ordinal.pAdjusted, sep, alpha))}`;
}

export function barVerdictText(bar: BarComparison, m: Messages, labels: Labels, changeTests: number, power: number, alpha: number): string {
  const where = barWhere(m, bar.figureId, bar.label);
  const sep = m.decimalSeparator;
  const { p, pAdjusted } = bar.contingency;
  const ran = `${m.diffTestRan('fisher-freeman-halton', bar.contingency.method, formatDecimal(bar.contingency.standardError ?? 0, 4, sep))}: `;
  if (bar.verdict === 'changed') {
    const moved = mostMoved(bar);
    const ordinal = ordinalText(bar, m, alpha);
    return m.diffBarChanged(
      where,
      bar.direction === 'none' ? m.diffChangedNoDirection(labels.b) : m.diffDirection(bar.direction, labels.b),
      moved?.label ?? '',
      formatShare(moved?.a.share ?? 0),
      formatShare(moved?.b.share ?? 0),
      formatSigned(moved?.change.points ?? 0, 0, sep),
      formatSigned(moved?.change.lower ?? 0, 0, sep),
      formatSigned(moved?.change.upper ?? 0, 0, sep),
      ran + m.diffPAdjusted(formatPWithRelation(p, sep, alpha), formatP(pAdjusted, sep, alpha)) + (ordinal === '' ? '' : `; ${ordinal}`),
    );
  }
  const head =
    bar.verdict === 'not-after-correction'
      ? m.diffNotAfterCorrection(where, ran + formatPWithRelation(p, sep, alpha), formatP(pAdjusted, sep, alpha), changeTests)
      : m.diffNoEvidence(where, ran + formatPWithRelation(p, sep, alpha));
  const notDeciding = bar.ordinalAloneSignificant ? ` ${m.diffOrdinalNotDeciding(ordinalText(bar, m, alpha), changeTests)}` : '';
  return `${head}${notDeciding} ${caution(bar, m, power)}`;
}

export function gradeVerdictText(grade: GradeComparison, m: Messages, labels: Labels, changeTests: number, alpha: number): string {
  const sep = m.decimalSeparator;
  const means = m.diffGradeMeans(formatDecimal(grade.a.mean, 1, sep), formatDecimal(grade.b.mean, 1, sep), formatSigned(grade.difference, 1, sep));
  const interval =
    grade.welch === null ? '' : `${m.diffInterval} ${m.diffRange(formatSigned(grade.welch.lower, 1, sep), formatSigned(grade.welch.upper, 1, sep))}; `;
  const details = `${interval}${m.diffTestName(grade.test)} ${m.diffPAdjusted(formatPWithRelation(grade.p, sep, alpha), formatP(grade.pAdjusted, sep, alpha))}`;
  return m.diffGradeVerdict(means, details, m.diffGradeConclusion(grade.verdict, grade.direction, labels.b, changeTests));
}

export function unmatchedText(unmatched: Unmatched, m: Messages, labels: Labels): string {
  const figure = `${m.figure} ${unmatched.figureId}`;
  const where = barWhere(m, unmatched.figureId, unmatched.label ?? unmatched.column ?? '');
  const texts: Record<BarNotComparedReason, () => string> = {
    'figure-only-in-a': () => m.diffFigureOnly(figure, labels.a),
    'figure-only-in-b': () => m.diffFigureOnly(figure, labels.b),
    'categories-differ': () => m.diffCategoriesDiffer(figure),
    'bar-only-in-a': () => m.diffBarOnly(where, labels.a),
    'bar-only-in-b': () => m.diffBarOnly(where, labels.b),
    'column-absent-in-a': () => m.diffColumnAbsent(where, labels.a),
    'column-absent-in-b': () => m.diffColumnAbsent(where, labels.b),
    'no-answers-in-a': () => m.diffNoAnswers(where, labels.a),
    'no-answers-in-b': () => m.diffNoAnswers(where, labels.b),
  };
  return texts[unmatched.reason]();
}
