/**
 * Which figures and bars two cohorts share. Figures are matched by id, bars by column, so two
 * runs with different survey definitions are compared on what both have; everything else is
 * listed with the reason it could not be compared.
 */
import type { Cohort, CohortBar, CohortFigure } from './cohort.js';
import type { BarNotComparedReason } from './types.js';

export interface MatchedFigure {
  readonly id: string;
  readonly a: CohortFigure;
  readonly b: CohortFigure;
  readonly bars: readonly { readonly a: CohortBar; readonly b: CohortBar }[];
}

export interface Unmatched {
  readonly figureId: string;
  readonly column: string | null;
  /** The bar's label, where there is a bar. */
  readonly label: string | null;
  readonly reason: BarNotComparedReason;
}

export interface Matching {
  readonly figures: readonly MatchedFigure[];
  readonly unmatched: readonly Unmatched[];
}

const categoryKeys = (figure: CohortFigure): string => figure.categories.map((category) => category.key).join('\u0000');

/** The shared figures and bars in a's order (then b's leftovers), and what could not be matched. */
export function matchCohorts(a: Cohort, b: Cohort): Matching {
  const figures: MatchedFigure[] = [];
  const unmatched: Unmatched[] = [];
  const figuresB = new Map(b.figures.map((figure) => [figure.id, figure]));
  const absentA = new Set(a.input.columnsAbsent);
  const absentB = new Set(b.input.columnsAbsent);
  for (const figureA of a.figures) {
    const figureB = figuresB.get(figureA.id);
    if (figureB === undefined) {
      unmatched.push({ figureId: figureA.id, column: null, label: null, reason: 'figure-only-in-a' });
      continue;
    }
    // A figure that shows n.v.t. counts it in N; one that does not, leaves it out: their shares
    // answer different questions, so the categories (and whether n.v.t. is one) must agree.
    if (categoryKeys(figureA) !== categoryKeys(figureB) || figureA.showNotApplicable !== figureB.showNotApplicable) {
      unmatched.push({ figureId: figureA.id, column: null, label: null, reason: 'categories-differ' });
      continue;
    }
    const barsB = new Map(figureB.bars.map((bar) => [bar.column, bar]));
    const bars: { a: CohortBar; b: CohortBar }[] = [];
    for (const barA of figureA.bars) {
      const barB = barsB.get(barA.column);
      const where = { figureId: figureA.id, column: barA.column, label: barA.label };
      if (barB === undefined) unmatched.push({ ...where, reason: 'bar-only-in-a' });
      else if (barA.n === 0) unmatched.push({ ...where, reason: absentA.has(barA.column) ? 'column-absent-in-a' : 'no-answers-in-a' });
      else if (barB.n === 0) unmatched.push({ ...where, reason: absentB.has(barB.column) ? 'column-absent-in-b' : 'no-answers-in-b' });
      else bars.push({ a: barA, b: barB });
    }
    const columnsA = new Set(figureA.bars.map((bar) => bar.column));
    for (const barB of figureB.bars) {
      if (!columnsA.has(barB.column)) unmatched.push({ figureId: figureB.id, column: barB.column, label: barB.label, reason: 'bar-only-in-b' });
    }
    if (bars.length > 0) figures.push({ id: figureA.id, a: figureA, b: figureB, bars });
  }
  const idsA = new Set(a.figures.map((figure) => figure.id));
  for (const figureB of b.figures) {
    if (!idsA.has(figureB.id)) unmatched.push({ figureId: figureB.id, column: null, label: null, reason: 'figure-only-in-b' });
  }
  return { figures, unmatched };
}
