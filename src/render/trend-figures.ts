/**
 * The files of a trend: per report figure `trend-figuur-N.svg` with its Vega-Lite spec, the
 * grade per wave (`trend-rapportcijfer.*`), the lead times per wave when the waves have them
 * (`trend-doorlooptijden.*`), PNGs with --png, and the page, `index.html`.
 */
import type { TrendResult } from '../diff/trend.js';
import { messages } from '../messages.js';
import { specFiles, type FigureFile, type FigureFileOptions } from './figures.js';
import { textWidth } from './svg.js';
import { TREND_GRADE_FILE, TREND_LEAD_TIME_FILE, trendFigureFileName, trendFigureSpec, trendGradeSpec, trendLeadTimeSpec } from './trend-figure-spec.js';
import { renderTrendHtml } from './trend-page.js';

export async function renderTrendFiles(trend: TrendResult, options: FigureFileOptions): Promise<FigureFile[]> {
  const m = options.messages ?? messages.nl;
  const measure = (text: string, fontSize: number): number => textWidth(text, fontSize);
  const files: FigureFile[] = [];
  const figures: string[] = [];
  for (const figure of trend.figures) {
    const drawn = await specFiles(trendFigureFileName(figure), trendFigureSpec(figure, trend, m, measure), options.png);
    figures.push(drawn.svg);
    files.push(...drawn.files);
  }
  const grade = await specFiles(TREND_GRADE_FILE, trendGradeSpec(trend, m, measure), options.png);
  files.push(...grade.files);
  let leadTimes: string | undefined;
  if (trend.leadTimes.length > 0) {
    const drawn = await specFiles(TREND_LEAD_TIME_FILE, trendLeadTimeSpec(trend, m, measure), options.png);
    leadTimes = drawn.svg;
    files.push(...drawn.files);
  }
  files.push({ name: 'index.html', content: renderTrendHtml(trend, { figures, grade: grade.svg, leadTimes }, m) });
  return files;
}
