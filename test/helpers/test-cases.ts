/**
 * Every quoted text in the tests and every cell of their CSV fixtures, and the pieces they split
 * into: the cases the personal-data tests hold the pre-filters to (the examples of every kind of
 * personal data the tests use are among them).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const testRoot = fileURLToPath(new URL('..', import.meta.url));

function testFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return testFiles(path);
    return /\.(test\.ts|csv)$/.test(name) ? [path] : [];
  });
}

export function casesInTests(): string[] {
  const cases = new Set<string>();
  for (const file of testFiles(testRoot)) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"|`([^`]*)`/g)) {
      const literal = match[1] ?? match[2] ?? match[3] ?? '';
      cases.add(literal);
      for (const piece of literal.split(/[,;\t\n\r]|\\n|\\t/)) cases.add(piece.trim());
    }
    if (file.endsWith('.csv')) for (const cell of text.split(/[,;\t\r\n]/)) cases.add(cell.trim());
  }
  return [...cases];
}
