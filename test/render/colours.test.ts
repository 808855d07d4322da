/**
 * The definition's colours, checked for readers who see them differently: simulated
 * deuteranopia and protanopia (Machado, Oliveira & Fernandes 2009, severity 1.0, applied in
 * linear RGB) and a greyscale print (CIE L* alone). Thresholds: ΔE*ab ≥ 15 between any two
 * categories of a figure in every simulation, and ΔL* ≥ 15 in greyscale (two greys, as Neutraal
 * #bdbdbd and n.v.t. #f2f2f2, differ by ΔL* alone, 18.9, and are never side by side).
 */
import { describe, expect, it } from 'vitest';
import { fixtureResults } from './fixture-results.js';

type Rgb = readonly [number, number, number];
type Matrix = readonly [Rgb, Rgb, Rgb];

const MACHADO: Readonly<Record<'deuteranopia' | 'protanopia', Matrix>> = {
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
};

function linearRgb(hex: string): Rgb {
  const value = Number.parseInt(hex.slice(1), 16);
  const channel = (c: number): number => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return [channel(((value >> 16) & 255) / 255), channel(((value >> 8) & 255) / 255), channel((value & 255) / 255)];
}

function simulate(rgb: Rgb, matrix: Matrix): Rgb {
  const clamp = (v: number): number => Math.min(1, Math.max(0, v));
  const [r, g, b] = rgb;
  return matrix.map((row) => clamp(row[0] * r + row[1] * g + row[2] * b)) as unknown as Rgb;
}

/** CIE L*a*b* (D65) of a linear RGB colour. */
function lab([r, g, b]: Rgb): Rgb {
  const f = (t: number): number => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
  const x = f((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047);
  const y = f(0.2126 * r + 0.7152 * g + 0.0722 * b);
  const z = f((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883);
  return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
}

const deltaE = (a: Rgb, b: Rgb): number => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);

async function categoryPairs(): Promise<{ figure: string; a: { label: string; color: string }; b: { label: string; color: string } }[]> {
  const pairs = [];
  for (const figure of (await fixtureResults()).figures) {
    const { categories } = figure;
    for (let i = 0; i < categories.length; i++) {
      for (let j = i + 1; j < categories.length; j++) {
        const a = categories[i];
        const b = categories[j];
        if (a !== undefined && b !== undefined) pairs.push({ figure: figure.id, a, b });
      }
    }
  }
  return pairs;
}

describe('the Haarlem 2016 colours', () => {
  it.each(['deuteranopia', 'protanopia'] as const)('stay apart under simulated %s (ΔE*ab ≥ 15)', async (kind) => {
    for (const { figure, a, b } of await categoryPairs()) {
      const distance = deltaE(lab(simulate(linearRgb(a.color), MACHADO[kind])), lab(simulate(linearRgb(b.color), MACHADO[kind])));
      expect(distance, `figure ${figure}: ${a.label} ${a.color} vs ${b.label} ${b.color}`).toBeGreaterThanOrEqual(15);
    }
  });

  it('stay apart in greyscale (ΔL* ≥ 15)', async () => {
    for (const { figure, a, b } of await categoryPairs()) {
      const distance = Math.abs(lab(linearRgb(a.color))[0] - lab(linearRgb(b.color))[0]);
      expect(distance, `figure ${figure}: ${a.label} ${a.color} vs ${b.label} ${b.color}`).toBeGreaterThanOrEqual(15);
    }
  });

  it('the simulation is the published one: pure red under protanopia', () => {
    // Machado 2009, protanopia 1.0: pure red maps to the first column, (0.152286, 0.114503, -0.003882), clamped.
    expect(simulate([1, 0, 0], MACHADO.protanopia)).toEqual([0.152286, 0.114503, 0]);
  });
});
