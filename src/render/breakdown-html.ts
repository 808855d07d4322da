/**
 * A breakdown on the page: its figures, a table per figure with the share satisfied (and its
 * interval) of the whole and each group, response, and the tested sentence. With --suppress a
 * masked count's share is not printed (a share and n give the count back).
 */
import type { BreakdownResult, Results } from '../count/results.js';
import { percent, percentOne } from '../format.js';
import type { Messages } from '../messages.js';
import { cellKey } from './breakdown-spec.js';
import { escapeHtml } from './html.js';

export function breakdownSection(results: Results, breakdown: BreakdownResult, svgs: readonly string[], m: Messages): string {
  const masked = new Set(breakdown.disclosure.masked ? breakdown.disclosure.cells.map((cell) => cellKey(cell.column, cell.group, cell.category)) : []);
  const lines = [`<section class="breakdown" id="uitsplitsing-${escapeHtml(breakdown.column)}">`, `<h2>${escapeHtml(m.breakdownHeading(breakdown.label))}</h2>`];
  breakdown.figures.forEach((figureId, at) => {
    const svg = svgs[at];
    if (svg !== undefined) lines.push(`<figure class="figure"><div class="chart">${svg}</div></figure>`);
    const whole = results.figures.find((figure) => figure.id === figureId);
    const satisfaction = results.satisfaction?.find((figure) => figure.figureId === figureId);
    if (whole === undefined || satisfaction === undefined) return;
    const head = [m.figure + ' ' + figureId, m.total, ...breakdown.groups.map((group) => group.label)].map((text, i) => `<th scope="col"${i === 0 ? ' class="text"' : ''}>${escapeHtml(text)}</th>`);
    const rows = whole.bars.map((bar, barIndex) => {
      const cell = (share: number | null | undefined, lower: number | null | undefined, upper: number | null | undefined): string =>
        share === null || share === undefined ? '–' : `${percent(share)} <span class="pct">(${Math.round(100 * (lower ?? 0))}–${percent(upper ?? 0)})</span>`;
      const w = satisfaction.bars[barIndex];
      const groups = breakdown.groups.map((group) => {
        const s = group.satisfaction.find((figure) => figure.figureId === figureId)?.bars[barIndex];
        const hidden = satisfaction.categories.some((key) => masked.has(cellKey(bar.column, group.key, key)));
        return hidden ? escapeHtml(m.maskedLabel) : cell(s?.share, s?.lower, s?.upper);
      });
      // Each cell is HTML already: numbers and escaped words.
      return `<tr><th scope="row">${escapeHtml(bar.label)}</th><td>${cell(w?.share, w?.lower, w?.upper)}</td>${groups.map((html) => `<td>${html}</td>`).join('')}</tr>`;
    });
    lines.push(`<table class="counts"><caption>${escapeHtml(m.satisfiedCaption)}</caption><thead><tr>${head.join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`);
  });
  if (breakdown.groups.some((group) => group.population !== null) && results.population !== undefined) {
    const cells = [results.population, ...breakdown.groups.map((group) => group.population)].map((share) =>
      share === null ? '<td></td>' : `<td>${escapeHtml(`${percentOne(share.responseRate, m)} ±${percentOne(share.marginOfError, m)}`)}</td>`,
    );
    lines.push(`<table class="counts"><tbody><tr><th scope="row">${escapeHtml(m.responseHeading)}</th>${cells.join('')}</tr></tbody></table>`);
  }
  lines.push(`<p>${escapeHtml(breakdown.differences.sentence)}</p>`, '</section>');
  return lines.join('\n');
}
