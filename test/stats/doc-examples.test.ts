// Every `@example` of the functions that src/stats/index.ts exports is run: a
// line `expression; // => expected` asserts that both sides are deeply equal;
// other lines run as written.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as stats from '../../src/stats/index.js';

const directory = fileURLToPath(new URL('../../src/stats/', import.meta.url));
const files = [...readFileSync(`${directory}index.ts`, 'utf8').matchAll(/from '\.\/(.+)\.js'/g)].map(
  (match) => `${match[1]}.ts`,
);

function examples(source: string): string[][] {
  const blocks: string[][] = [];
  let block: string[] | undefined;
  for (const raw of source.split('\n')) {
    const line = raw.replace(/^\s*\*\s?/, '');
    if (/^\s*\*\s*@example/.test(raw)) {
      block = [];
      blocks.push(block);
    } else if (block && (/^\s*\*\//.test(raw) || line.startsWith('@'))) {
      block = undefined;
    } else if (block) {
      block.push(line);
    }
  }
  return blocks;
}

it('every file of src/stats is exported from its index, so every @example below runs', () => {
  const all = readdirSync(directory).filter((name) => name.endsWith('.ts') && name !== 'index.ts');
  expect(files.sort()).toEqual(all.sort());
});

describe.each(files)('the @example of src/stats/%s', (file) => {
  const blocks = examples(readFileSync(directory + file, 'utf8'));

  it('exists', () => {
    expect(blocks.length).toBeGreaterThan(0);
  });

  it.each(blocks.map((lines) => [lines.join('\n')]))('is true:\n%s', (code) => {
    const checks: [unknown, unknown, string][] = [];
    const body = code
      .split('\n')
      .map((line) => {
        const match = /^(.*);\s*\/\/ => (.*)$/.exec(line);
        return match ? `checks.push([${match[1]}, ${match[2]}, ${JSON.stringify(line)}]);` : line;
      })
      .join('\n');
    const names = Object.keys(stats);
    new Function('checks', ...names, body)(checks, ...names.map((name) => stats[name as keyof typeof stats]));
    expect(checks.length).toBeGreaterThan(0);
    for (const [actual, expected, line] of checks) expect(actual, line).toEqual(expected);
  });
});
