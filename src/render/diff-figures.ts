/**
 * The figure files of a comparison: per figure with a bar both cohorts share `diff-figuur-N.svg`
 * and its Vega-Lite spec (and with --png a PNG), drawn with the shipped font's metrics so the same
 * comparison gives the same bytes; then the page, `index.html`.
 */
import type { DiffResult } from '../diff/types.js';
import { messages } from '../messages.js';
import { diffFigureFileName, diffFigureSpec } from './diff-figure-spec.js';
import { renderDiffHtml } from './diff-page.js';
import { specFiles, type FigureFile, type FigureFileOptions } from './figures.js';
import { textWidth } from './svg.js';

export async function renderDiffFigureFiles(diff: DiffResult, options: FigureFileOptions): Promise<FigureFile[]> {
  const m = options.messages ?? messages.nl;
  const files: FigureFile[] = [];
  const svgs: string[] = [];
  for (const figure of diff.figures) {
    const drawn = await specFiles(diffFigureFileName(figure), diffFigureSpec(figure, diff, m, (text, fontSize) => textWidth(text, fontSize)), options.png);
    svgs.push(drawn.svg);
    files.push(...drawn.files);
  }
  files.push({ name: 'index.html', content: renderDiffHtml(diff, svgs, m) });
  return files;
}
