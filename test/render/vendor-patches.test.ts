/**
 * The build changes two pieces of Vega where it bundles it (scripts/vendor-patches.mjs): the
 * bundle must do what Vega as installed does. Held here against Vega from node_modules (what
 * the tests and a run from the sources use), on what each change touches: the targets of
 * operators added, removed and added again (vega-dataflow's UniqueList), and every continuous
 * colour scheme, asked for in turn, replaced, and drawn in a figure (vega-scale's schemes).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import * as installed from 'vega';
import * as installedLite from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/run.js';

type Vega = typeof import('vega');
/** An operator as the dataflow numbers it (its id is not in vega's typings). */
type Numbered = installed.Operator & { readonly id: number };
// The built script of all of Vega and Vega-Lite, patched by the build.
const BUNDLE = join(repoRoot, 'dist', 'bundle', 'vega-full.cjs');
const bundled = createRequire(import.meta.url)(BUNDLE) as {
  vega: Vega;
  vegaLite: typeof import('vega-lite');
};

/** The ids of an operator's targets, as its list holds them, in order. */
function targetIds(operator: installed.Operator): number[] {
  return [...(operator.targets() as unknown as Numbered[])].map((target) => target.id);
}

/** Adds, removes and re-adds targets in the same order through one copy of Vega; what each list holds after each step. */
function targetsWalk(vega: Vega): number[][] {
  const source = new vega.Operator(0);
  const others = Array.from({ length: 6 }, (_, i) => new vega.Operator(i));
  const base = (source as Numbered).id;
  const seen: number[][] = [];
  const list = source.targets() as unknown as { add: (op: installed.Operator) => void; remove: (op: installed.Operator) => void };
  const steps: [string, number][] = [
    ['add', 0], ['add', 1], ['add', 1], ['add', 2], ['remove', 1], ['remove', 1], ['add', 1], ['remove', 0], ['add', 3], ['add', 0], ['remove', 5], ['add', 5], ['add', 5],
  ];
  for (const [step, index] of steps) {
    const target = others[index] as installed.Operator;
    if (step === 'add') list.add(target);
    else list.remove(target);
    // Relative to the source's id: the two copies of Vega count their operators apart.
    seen.push(targetIds(source).map((id) => id - base));
  }
  return seen;
}

/** Every continuous scheme of vega-scale 8.1.3 (its `continuous` palettes, 53), as it names them. */
const CONTINUOUS = ['blues', 'greens', 'greys', 'oranges', 'purples', 'reds', 'blueGreen', 'bluePurple', 'greenBlue', 'orangeRed', 'purpleBlue', 'purpleBlueGreen', 'purpleRed', 'redPurple', 'yellowGreen', 'yellowOrangeBrown', 'yellowOrangeRed', 'blueOrange', 'brownBlueGreen', 'purpleGreen', 'purpleOrange', 'redBlue', 'redGrey', 'yellowGreenBlue', 'redYellowBlue', 'redYellowGreen', 'pinkYellowGreen', 'spectral', 'viridis', 'magma', 'inferno', 'plasma', 'cividis', 'rainbow', 'sinebow', 'turbo', 'browns', 'tealBlues', 'teals', 'warmGreys', 'goldGreen', 'goldOrange', 'goldRed', 'lightGreyRed', 'lightGreyTeal', 'lightMulti', 'lightOrange', 'lightTealBlue', 'darkBlue', 'darkGold', 'darkGreen', 'darkMulti', 'darkRed'];

describe('the build\'s changes to Vega (scripts/vendor-patches.mjs)', () => {
  it('the bundle was changed: an operator\'s targets keep their ids in a Set, the continuous schemes are made when asked for', () => {
    // What the bundle holds, so that the comparisons below compare the changed code.
    const text = String(bundled.vega.Operator.prototype.targets);
    expect(text).toContain('UniqueList');
    const source = readFileSync(BUNDLE, 'utf8');
    expect(source).toMatch(/ids=new Set/);
    expect(source).toMatch(/unmade/);
  });

  it('an operator\'s targets: the same after every add, repeated add, remove, repeated remove and add again', () => {
    const walk = targetsWalk(installed);
    expect(targetsWalk(bundled.vega)).toEqual(walk);
    // By hand (others[i] is source + 1 + i): each target once, in the order added, until removed;
    // removing one not held, or adding one held, changes nothing.
    expect(walk.slice(0, 7)).toEqual([[1], [1, 2], [1, 2], [1, 2, 3], [1, 3], [1, 3], [1, 3, 2]]);
    expect(walk.at(-1)).toEqual([3, 2, 4, 1, 6]);
  });

  it('every continuous scheme gives the installed Vega\'s colours, first asked for in any case of its name, and in a Vega-Lite figure', async () => {
    expect(CONTINUOUS).toHaveLength(53);
    // Discrete schemes (left as they were), and a name that is none.
    for (const name of [...CONTINUOUS, 'category10', 'tableau10', 'set1', 'nonesuch']) {
      for (const asked of [name, name.toUpperCase()]) {
        const mine = bundled.vega.scheme(asked) as unknown;
        const theirs = installed.scheme(asked) as unknown;
        expect(typeof theirs === 'function', asked).toBe(CONTINUOUS.includes(name));
        if (typeof theirs === 'function') {
          expect(typeof mine, asked).toBe('function');
          for (const t of [0, 0.1, 0.25, 0.5, 0.75, 0.9, 1]) expect((mine as (t: number) => string)(t), `${asked}(${t})`).toBe((theirs as (t: number) => string)(t));
        } else {
          expect(mine, asked).toEqual(theirs);
        }
      }
    }
    const spec = {
      data: { values: CONTINUOUS.slice(0, 6).map((name, i) => ({ name, value: i })) },
      mark: 'bar',
      encoding: { x: { field: 'name', type: 'nominal' }, y: { field: 'value', type: 'quantitative' }, color: { field: 'value', type: 'quantitative', scale: { scheme: 'goldRed' } } },
    };
    const draw = async (vega: Vega, lite: typeof installedLite): Promise<string> => new vega.View(vega.parse(lite.compile(spec as installedLite.TopLevelSpec).spec), { renderer: 'none' }).toSVG();
    expect(await draw(bundled.vega, bundled.vegaLite)).toBe(await draw(installed, installedLite));
  });

  it('a scheme registered over a continuous one replaces it, before and after it was first asked for', () => {
    const replacement = (t: number): string => (t < 0.5 ? '#000000' : '#ffffff');
    bundled.vega.scheme('lightOrange', replacement);
    expect(bundled.vega.scheme('lightorange')).toBe(replacement);
    expect(typeof bundled.vega.scheme('darkRed')).toBe('function');
    bundled.vega.scheme('darkRed', replacement);
    expect(bundled.vega.scheme('DARKRED')).toBe(replacement);
  });
});
