/**
 * Drawing figures runs most of Vega's code a few times per figure, cold: in Node 20's V8 (11.3)
 * a function is sent to Turbofan, the optimising compiler, once it has run ~66 KB of bytecode
 * (`--interrupt-budget`), and for a drawing that is mostly compiling code that will barely run
 * again. While figures are drawn the budget is ten times that: the fixture to its figures and
 * pages took 0.77x the CPU and 0.91x the wall time (41 paired runs, medians, 2026-12-02). Only
 * from the first figure on: the reading and counting before it (and cj diff's statistics) keep
 * V8's budget, which a 100k file needs (a budget four times larger for the whole run made
 * `analyse --format json` of 100k respondents 1.05x slower).
 *
 * V8 checks its flags against those a code cache was made under (cached-script.ts), so a script
 * is loaded, and a cache made, under V8's own budget (withDefaultBudget), and the budget is set
 * back before the caches are written at exit. Newer V8 (Node 22 and 24) has no such flag (it
 * counts invocations, and Maglev comes first): there nothing changes.
 */
import { setFlagsFromString } from 'node:v8';

/** Node 20's V8, whose default budget is DEFAULT_BUDGET (test/render/jit.test.ts reads it from `node --v8-options`). */
export const BUDGET_V8 = /^11\.3\./;
export const DEFAULT_BUDGET = 67_584;
export const DRAWING_BUDGET = 10 * DEFAULT_BUDGET;

let raised = false;

function setBudget(bytes: number): void {
  setFlagsFromString(`--interrupt-budget=${bytes}`);
}

/** Raises V8's interrupt budget for the rest of the run (once), and sets it back when the process exits. */
export function budgetForDrawing(): void {
  if (raised || !BUDGET_V8.test(process.versions.v8)) return;
  raised = true;
  setBudget(DRAWING_BUDGET);
  // Before any other exit listener: the code caches are written by those (cached-script.ts).
  process.prependOnceListener('exit', () => setBudget(DEFAULT_BUDGET));
}

/** Runs `action` (loading a script with its code cache, or making one) under V8's own budget. */
export function withDefaultBudget<T>(action: () => T): T {
  if (!raised) return action();
  setBudget(DEFAULT_BUDGET);
  try {
    return action();
  } finally {
    setBudget(DRAWING_BUDGET);
  }
}
