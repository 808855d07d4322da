import type { FigureResult } from '../../src/count/results.js';

/** A figure whose labels and texts were written by someone who knows markup. */
export function hostileFigure(figure: FigureResult): FigureResult {
  const [first, second] = figure.bars;
  if (first === undefined || second === undefined) throw new Error('needs a figure with two bars');
  return {
    ...figure,
    title: 'Oordeel "R&D" <b>vet</b> (N= 16)',
    footnote: "* Gegevens van <i>één</i> aanvrager & 'quote'",
    categories: figure.categories.map((category, index) => (index === 0 ? { ...category, label: 'Neg<atief>' } : index === 1 ? { ...category, label: `Neu"tr'aal\\ \${x}` } : category)),
    bars: [
      { ...first, label: '<script>alert(1)</script>' },
      { ...second, label: 'R&D' },
    ],
  };
}
