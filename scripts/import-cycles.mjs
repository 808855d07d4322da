// Lists the import cycles among the files of src/ (type-only imports included: a cycle of types
// is still two modules that cannot be understood apart). Exits 1 when there is one.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../src/', import.meta.url));
const files = readdirSync(root, { recursive: true }).filter((name) => name.endsWith('.ts')).map((name) => join(root, name));
const graph = new Map();
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const targets = [...text.matchAll(/^(?:import|export)\s[^;]*?from\s+'(\.[^']+)'/gms)].map((match) =>
    resolve(dirname(file), match[1].replace(/\.js$/, '.ts')),
  );
  graph.set(file, targets.filter((target) => graph.has(target) || files.includes(target)));
}
// Tarjan's strongly connected components: each with more than one file is a cycle.
let index = 0;
const stack = [];
const state = new Map();
const cycles = [];
function visit(node) {
  state.set(node, { index, low: index, onStack: true });
  index++;
  stack.push(node);
  for (const next of graph.get(node) ?? []) {
    if (!state.has(next)) {
      visit(next);
      state.get(node).low = Math.min(state.get(node).low, state.get(next).low);
    } else if (state.get(next).onStack) {
      state.get(node).low = Math.min(state.get(node).low, state.get(next).index);
    }
  }
  if (state.get(node).low === state.get(node).index) {
    const component = [];
    let member;
    do {
      member = stack.pop();
      state.get(member).onStack = false;
      component.push(relative(root, member));
    } while (member !== node);
    if (component.length > 1) cycles.push(component.sort());
  }
}
for (const file of files) if (!state.has(file)) visit(file);
for (const cycle of cycles) console.log(`cycle: ${cycle.join(' ')}`);
console.log(cycles.length === 0 ? 'no import cycles in src/' : `${cycles.length} import cycle(s)`);
process.exitCode = cycles.length === 0 ? 0 : 1;
