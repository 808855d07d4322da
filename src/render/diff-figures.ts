/**
 * The figure files of a comparison: `diff-figuur-N.svg` for every figure with a bar both cohorts
 * share, drawn with the shipped font's metrics so the same comparison gives the same bytes.
 */
import type { DiffResult } from '../diff/types.js';
import type { Messages } from '../messages.js';
import { diffFigureFileName, diffFigureSpec } from './diff-figure-spec.js';
import type { FigureFile } from './figures.js';
import { renderSvg, textWidth } from './svg.js';

export async function renderDiffFigureFiles(diff: DiffResult, m: Messages): Promise<FigureFile[]> {
  const files: FigureFile[] = [];
  for (const figure of diff.figures) {
    const spec = diffFigureSpec(figure, diff, m, (text, fontSize) => textWidth(text, fontSize));
    files.push({ name: `${diffFigureFileName(figure)}.svg`, content: await renderSvg(spec) });
  }
  return files;
}
