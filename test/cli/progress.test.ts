/** Issue 7: a progress line on stderr for inputs over a few MB, on a terminal only; nothing on a pipe. */
import { describe, expect, it } from 'vitest';
import { run, tempDir, writeTemp } from '../helpers/run.js';

function largeFile(): string {
  const header = 'respondent,track,cv_uploaden,werkplein_melden,opmerking';
  const remark = 'x'.repeat(200);
  const rows = Array.from({ length: 24_000 }, (_, i) => `R${i},volwassene,positief,neutraal,${remark}`);
  return writeTemp('large.csv', [header, ...rows].join('\n') + '\n');
}

describe('progress on long work', () => {
  const file = largeFile();

  it('shows a percentage on a terminal, and clears the line before the results', async () => {
    const result = await run(['analyse', file, '--format', 'json'], { isTTY: true, cwd: tempDir() });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/\r\d{1,3}% \(\d+ MB\)/);
    expect(result.stderr).toContain('\r\u001b[K');
  });

  it('says nothing of progress on a pipe, nor with --quiet', async () => {
    const piped = await run(['analyse', file, '--format', 'json'], { isTTY: false, cwd: tempDir() });
    expect(piped.stderr).not.toMatch(/\d+% \(/);
    const quiet = await run(['analyse', file, '--format', 'json', '--quiet'], { isTTY: true, cwd: tempDir() });
    expect(quiet.stderr).not.toMatch(/\d+% \(/);
  });
});
