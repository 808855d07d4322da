/** `cj analyse` writes both pages, and with --png/--dpi/--docx the PNGs and the Word document. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturePath, run, tempDir } from '../helpers/run.js';

function pngWidth(path: string): number {
  return readFileSync(path).readUInt32BE(16);
}

describe('cj analyse: pages, PNGs and the Word document', () => {
  it('one run writes index.html and rapport.html; no PNG or DOCX unless asked', async () => {
    const out = tempDir();
    const result = await run(['analyse', fixturePath, '--out', out]);
    expect(result.code).toBe(0);
    const files = readdirSync(out);
    expect(files).toEqual(expect.arrayContaining(['index.html', 'rapport.html']));
    expect(files.filter((name) => /\.(png|docx)$/.test(name))).toEqual([]);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('A16');
    expect(readFileSync(join(out, 'rapport.html'), 'utf8')).not.toMatch(/\bA16\b/);
  });

  it('--png: 300 dpi at 16 cm, 1890 px wide (300 × 16 / 2.54 = 1889.8); --dpi 150 alone implies --png: 945 px', async () => {
    const at300 = tempDir();
    expect((await run(['analyse', fixturePath, '--out', at300, '--png'])).code).toBe(0);
    expect(pngWidth(join(at300, 'figuur-8.png'))).toBe(1890);
    expect(pngWidth(join(at300, 'doorlooptijden.png'))).toBe(1890);
    const at150 = tempDir();
    expect((await run(['analyse', fixturePath, '--out', at150, '--dpi', '150'])).code).toBe(0);
    expect(pngWidth(join(at150, 'figuur-1.png'))).toBe(945);
  }, 60_000);

  it.each(['71', '1201', '300.5', 'abc'])('--dpi %s is a usage error (exit 2), in Dutch and English', async (value) => {
    const nl = await run(['analyse', fixturePath, '--out', tempDir(), '--dpi', value]);
    expect(nl.code).toBe(2);
    expect(nl.stderr).toContain(`--dpi: verwacht een heel getal van 72 tot en met 1200, niet "${value}"`);
    const en = await run(['analyse', fixturePath, '--out', tempDir(), '--dpi', value, '--lang', 'en']);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain(`--dpi: expected a whole number from 72 to 1200, got "${value}"`);
  });

  it('--docx writes rapport.docx, a ZIP holding word/document.xml', async () => {
    const out = tempDir();
    expect((await run(['analyse', fixturePath, '--out', out, '--docx'])).code).toBe(0);
    const docx = readFileSync(join(out, 'rapport.docx'));
    expect(docx.readUInt32LE(0)).toBe(0x04034b50);
    expect(docx.includes(Buffer.from('word/document.xml'))).toBe(true);
  }, 60_000);
});
