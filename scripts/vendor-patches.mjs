// Changes the build makes to Vega's own code where it bundles it (dist/bundle/vega-draw.cjs and
// vega-full.cjs; the tests and a run from the sources use Vega as installed). Each keeps what the
// code does and removes work that drawing cj's figures paid for, measured on the fixture to its
// figures and pages (farm-bench, paired runs, medians; the same SVG bytes). Each is made on the
// exact text of the version in package-lock.json: when that text is not in the file once, the
// build stops rather than bundle an unpatched or half-patched copy (a new Vega: look again).
import { readFileSync } from 'node:fs';

const PATCHES = [
  {
    // vega-dataflow 6.1.3. UniqueList (each operator's list of targets, a dataflow's touched
    // operators) kept the ids it holds as keys of a plain object. Operator ids count on through a
    // run, so such an object of a later figure has keys in the thousands: V8 then grows its
    // elements to the largest id or makes it a dictionary, and these were the largest single
    // allocation of drawing the fixture (6.4 of 45 MB, a seventh of what the garbage collector
    // works through). A Set of the ids holds the same: every list is keyed by `id` (an operator's
    // or event stream's number), so an id is in the Set exactly when the object had it as a truthy
    // key. 0.94x and 0.95x the wall time (41 pairs each, 2026-12-02); 38.7 MB allocated.
    file: /[\\/]vega-dataflow[\\/]build[\\/]vega-dataflow\.js$/,
    from: `function UniqueList(idFunc) {
  const $ = idFunc || identity,
    list = [],
    ids = {};
  list.add = _ => {
    const id = $(_);
    if (!ids[id]) {
      ids[id] = 1;
      list.push(_);
    }
    return list;
  };
  list.remove = _ => {
    const id = $(_);
    if (ids[id]) {
      ids[id] = 0;
      const idx = list.indexOf(_);
      if (idx >= 0) list.splice(idx, 1);
    }
    return list;
  };
  return list;
}`,
    to: `function UniqueList(idFunc) {
  const $ = idFunc || identity,
    list = [],
    ids = new Set();
  list.add = _ => {
    const id = $(_);
    if (!ids.has(id)) {
      ids.add(id);
      list.push(_);
    }
    return list;
  };
  list.remove = _ => {
    const id = $(_);
    if (ids.delete(id)) {
      const idx = list.indexOf(_);
      if (idx >= 0) list.splice(idx, 1);
    }
    return list;
  };
  return list;
}`,
  },
  {
    // vega-scale 8.1.3. Loading it made an interpolator of each of its 53 continuous colour
    // schemes (each a chain of RGB interpolators over its parsed colours), which no figure of cj
    // uses: its scales name their colours. Made when a scheme is first asked for instead; a
    // scheme registered later still replaces it, and the discrete schemes are as they were.
    // 0.975x the wall time, 0.967x the CPU (41 pairs, 2026-12-02).
    file: /[\\/]vega-scale[\\/]build[\\/]vega-scale\.js$/,
    from: `const schemes = {};
apply(discrete, colors);
apply(continuous, _ => interpolateColors(colors(_)));
function scheme(name, scheme) {
  name = name && name.toLowerCase();
  if (arguments.length > 1) {
    schemes[name] = scheme;
    return this;
  } else {
    return schemes[name];
  }
}`,
    to: `const schemes = {};
const unmade = {};
apply(discrete, colors);
for (const k in continuous) {
  const name = k.toLowerCase();
  delete schemes[name];
  unmade[name] = continuous[k];
}
function scheme(name, scheme) {
  name = name && name.toLowerCase();
  if (arguments.length > 1) {
    delete unmade[name];
    schemes[name] = scheme;
    return this;
  } else {
    if (Object.prototype.hasOwnProperty.call(unmade, name)) {
      schemes[name] = interpolateColors(colors(unmade[name]));
      delete unmade[name];
    }
    return schemes[name];
  }
}`,
  },
];

/** The esbuild plugin that makes PATCHES. */
export const vendorPatches = {
  name: 'vendor-patches',
  setup(plugin) {
    for (const patch of PATCHES) {
      plugin.onLoad({ filter: patch.file }, (args) => {
        const text = readFileSync(args.path, 'utf8');
        if (text.split(patch.from).length !== 2) throw new Error(`${args.path}: not the text scripts/vendor-patches.mjs changes (a new version? look at the patch again)`);
        return { contents: text.replace(patch.from, () => patch.to), loader: 'js' };
      });
    }
  },
};
