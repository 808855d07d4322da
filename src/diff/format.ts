/**
 * Numbers of a comparison as a reader sees them, with the language's decimal separator. The JSON
 * keeps the full numbers; these are for sentences, tables and figures only.
 */
import { formatDecimal } from '../format.js';

const MINUS = '−';

/**
 * A p-value: two decimals from 0,1 up, three below, "< 0,001" below that; and never rounded
 * onto or across alpha: a p just under alpha gets more decimals (0,0499), up to six, else
 * "< alpha"; a p at or just above it shows that it is not below (0,0501).
 */
export function formatP(p: number, separator: string, alpha = 0.05): string {
  if (p < 0.001 && alpha > 0.001) return `< ${formatDecimal(0.001, 3, separator)}`;
  let decimals = p < 0.095 ? 3 : 2;
  let text = formatDecimal(p, decimals, separator);
  const printed = (): number => Number(text.replace(separator, '.'));
  while ((printed() < alpha) !== (p < alpha) && decimals < 6) text = formatDecimal(p, ++decimals, separator);
  if ((printed() < alpha) !== (p < alpha)) return p < alpha ? `< ${String(alpha).replace('.', separator)}` : text;
  return text;
}

/** A p-value with its relation: "p = 0,005", "p < 0,001". */
export function formatPWithRelation(p: number, separator: string, alpha = 0.05): string {
  const value = formatP(p, separator, alpha);
  return value.startsWith('<') ? `p ${value}` : `p = ${value}`;
}

/** A caption without its "(N= 16)": the two cohorts' N differ and are shown apart. */
export function captionWithoutN(title: string): string {
  return title.replace(/\s*\((?:N|n)\s*=\s*\d+\)\*?/, '').trim();
}

/** A signed number with a true minus sign, "+0" for zero: changes always show their direction. */
export function formatSigned(value: number, decimals: number, separator: string): string {
  const text = formatDecimal(Math.abs(value), decimals, separator);
  const isZero = Number(text.replace(separator, '.')) === 0;
  return `${isZero || value > 0 ? '+' : MINUS}${text}`;
}

/** A share (0–1) as whole percent. */
export function formatShare(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/**
 * The mark of a demonstrable change, in the terminal, the figures and the page alike: ▲ better
 * (or up over the waves), ▼ worse (down), ◆ changed without a demonstrable direction.
 */
export function changeMark(direction: 'better' | 'worse' | 'up' | 'down' | 'none'): string {
  return direction === 'better' || direction === 'up' ? '▲' : direction === 'worse' || direction === 'down' ? '▼' : '◆';
}
