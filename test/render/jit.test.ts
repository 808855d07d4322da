/**
 * The interrupt budget cj raises while it draws (src/render/jit.ts): set back at exit to the value
 * V8 itself starts with, read here from `node --v8-options`, or the code caches made in a drawing
 * run would be refused by every run after; and never set on a V8 without the flag (V8 would print
 * "unrecognized flag" to the terminal).
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BUDGET_V8, DEFAULT_BUDGET, DRAWING_BUDGET } from '../../src/render/jit.js';

/** The default of `--interrupt-budget` this Node's V8 prints, or null when it has no such flag. */
function v8DefaultBudget(): number | null {
  const options = spawnSync(process.execPath, ['--v8-options'], { encoding: 'utf8' }).stdout;
  const match = /^\s+--interrupt-budget \([^\n]*\n\s+type: int\s+default: --interrupt-budget=(\d+)/m.exec(options);
  return match === null ? null : Number(match[1]);
}

describe('the interrupt budget while drawing', () => {
  it('is raised exactly on a V8 that has the flag, and set back to that V8\'s own default', () => {
    const own = v8DefaultBudget();
    expect(BUDGET_V8.test(process.versions.v8)).toBe(own !== null);
    if (own !== null) expect(DEFAULT_BUDGET).toBe(own);
    // Ten times V8's own: 675 840 bytes of bytecode before Turbofan.
    expect(DRAWING_BUDGET).toBe(675_840);
  });
});
