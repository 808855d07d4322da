/**
 * Issue 10, "Hostile input stays bounded": whatever arrives (an endless stream, a file of zeros,
 * megabytes of blank lines or one endless line, a pipe, UTF-16 without its mark, a path that
 * cannot be read) cj ends with a result or a clear data error (exit 3), having read no more than
 * the limit it names. The limit is 1 MiB (1 048 576 characters) for the header line, for the
 * blank lines above it together, and for one record.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { DataError } from '../../src/errors.js';
import type { ByteSource } from '../../src/input/records.js';
import { messages } from '../../src/messages.js';
import { analyse } from '../../src/pipeline.js';
import { builtInSurvey } from '../../src/survey/load.js';
import { fixturePath, repoRoot, run, tempDir, writeTemp, type Results } from '../helpers/run.js';

const LIMIT = 1024 * 1024;
const CHUNK = 64 * 1024;

/** A source that never ends: `first`, then `repeat` for ever; counts the bytes it handed out. */
function endless(first: string, repeat: string | Uint8Array): ByteSource & { pulled: number } {
  const piece = typeof repeat === 'string' ? Buffer.from(repeat.repeat(Math.ceil(CHUNK / repeat.length))) : repeat;
  const source = {
    name: 'endless.csv',
    pulled: 0,
    async *open(): AsyncGenerator<Uint8Array> {
      const head = Buffer.from(first);
      source.pulled += head.length;
      if (head.length > 0) yield head;
      for (;;) {
        source.pulled += piece.length;
        yield piece;
      }
    },
  };
  return source;
}

const options = {
  survey: builtInSurvey(messages.nl, 'nl'),
  messages: messages.nl,
  version: 'test',
  allowColumns: new Set<string>(),
  faultLimit: 50,
  listLimit: 10_000,
  minCell: 3,
};

/** The DataError an analysis ends with (the test fails if it ends otherwise). */
async function refusal(source: ByteSource): Promise<DataError> {
  try {
    await analyse(source, options);
  } catch (error) {
    if (error instanceof DataError) return error;
    throw error;
  }
  throw new Error('the analysis ended without an error');
}

describe('an endless stream ends with a clear error after reading a bounded amount', () => {
  it('zero bytes for ever (/dev/zero): not a text file, from the first chunk', async () => {
    const source = endless('', new Uint8Array(CHUNK));
    const error = await refusal(source);
    expect(error.code).toBe('CJ_NOT_TEXT');
    expect(error.message).toContain('een nul-byte op byte 0: dit is geen tekstbestand');
    // One chunk to tell the kind of file from its first bytes, one read as text.
    expect(source.pulled).toBeLessThanOrEqual(2 * CHUNK);
  });

  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['CR', '\r'],
    ['white space and LF', ' \t \n'],
  ])('blank lines for ever (%s): no header, after about 1 MiB', async (_, blank) => {
    const source = endless('', blank);
    const error = await refusal(source);
    expect(error.code).toBe('CJ_NO_HEADER');
    expect(error.message).toBe('meer dan 1048576 tekens aan lege regels vóór de kopregel; verwacht de kopregel bovenaan het bestand');
    expect(source.pulled).toBeLessThanOrEqual(LIMIT + 2 * CHUNK);
  });

  it('spaces for ever without a line end: a line longer than the limit, line 1', async () => {
    const source = endless('', ' ');
    const error = await refusal(source);
    expect(error.code).toBe('CJ_LINE_TOO_LONG');
    expect(error.location.line).toBe(1);
    expect(source.pulled).toBeLessThanOrEqual(LIMIT + 2 * CHUNK);
  });

  it('a header line that never ends: a line longer than the limit, naming the line after the blank ones', async () => {
    const source = endless('\n\nrespondent,track', ',kolom');
    const error = await refusal(source);
    expect(error.code).toBe('CJ_LINE_TOO_LONG');
    expect(error.location.line).toBe(3);
    expect(error.message).toBe('regel 3 is langer dan 1048576 tekens zonder regeleinde; een regel van een antwoordbestand is veel korter (is dit een CSV-bestand?)');
    expect(source.pulled).toBeLessThanOrEqual(LIMIT + 2 * CHUNK);
  });

  it('a row that never ends, unquoted: a line longer than the limit, never "a quote never closed"', async () => {
    const source = endless('respondent,track\nA1,volwassene\nA2,', 'x');
    const error = await refusal(source);
    expect(error.code).toBe('CJ_LINE_TOO_LONG');
    expect(error.location.line).toBe(3);
    expect(source.pulled).toBeLessThanOrEqual(LIMIT + 2 * CHUNK);
  });

  it('a quoted field that never closes, with line ends inside: the quote, naming the line it opens on', async () => {
    const source = endless('respondent,track,opmerking\nA1,volwassene,\nA2,volwassene,"begin', 'nog een regel\n');
    const error = await refusal(source);
    expect(error.code).toBe('CJ_UNTERMINATED_QUOTE');
    expect(error.location.line).toBe(3);
    expect(error.message).toContain('een veld tussen aanhalingstekens dat op of na regel 3 begint, is na 1048576 tekens nog niet gesloten');
    expect(source.pulled).toBeLessThanOrEqual(LIMIT + 2 * CHUNK);
  });
});

describe('large files at and over the limits', () => {
  const header = 'respondent,track,cv_uploaden';

  it.each([
    ['LF', '\n', 1_000_000],
    ['CRLF', '\r\n', 400_000],
    ['CR', '\r', 300_000],
  ])('blank lines (%s) under the limit before the header are skipped, and lines still counted right', async (_, end, count) => {
    const dir = tempDir();
    writeTemp('input.csv', `${end.repeat(count)}${header}${end}A1,volwassene,positief${end}A2,volwassene,misschien${end}`, dir);
    const result = await run(['analyse', 'input.csv', '--format', 'json'], { cwd: dir });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(`input.csv:${count + 3}, kolom "cv_uploaden": onbekende waarde "misschien"`);
  });

  it('blank lines over the limit before the header: no header, the limit named', async () => {
    const dir = tempDir();
    writeTemp('input.csv', `${'\n'.repeat(LIMIT + 10)}${header}\nA1,volwassene,positief\n`, dir);
    const result = await run(['analyse', 'input.csv'], { cwd: dir });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('meer dan 1048576 tekens aan lege regels vóór de kopregel');
    expect(result.stderr).toContain('[CJ_NO_HEADER]');
  });

  it('a header line over the limit: line 1 too long, the limit named', async () => {
    const dir = tempDir();
    writeTemp('input.csv', `respondent,track,${'x'.repeat(2 * LIMIT)}\nA1,volwassene,\n`, dir);
    const result = await run(['analyse', 'input.csv'], { cwd: dir });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('regel 1 is langer dan 1048576 tekens zonder regeleinde');
    expect(result.stderr).toContain('[CJ_LINE_TOO_LONG]');
  });

  it('a header line just under the limit is read, its long column name cut in the notice', async () => {
    const dir = tempDir();
    const name = `toelichting${'x'.repeat(LIMIT - 100)}`;
    writeTemp('input.csv', `respondent,track,${name}\nA1,volwassene,\n`, dir);
    const result = await run(['analyse', 'input.csv', '--format', 'json'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect(result.json?.input.columnsIgnored).toEqual([`${name.slice(0, 40)}…`]);
  });

  it('a header of more columns than Excel has (16 384) is refused; one of 16 384 is read', async () => {
    const dir = tempDir();
    const names = (count: number): string => Array.from({ length: count - 2 }, (_, i) => `v${i}`).join(',');
    writeTemp('wide.csv', `respondent,track,${names(16_385)}\nA1,volwassene\n`, dir);
    const refused = await run(['analyse', 'wide.csv', '--format', 'json'], { cwd: dir });
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain('wide.csv:1: de kopregel heeft 16385 kolommen; cj leest er ten hoogste 16384');
    writeTemp('excel.csv', `respondent,track,${names(16_384)}\nA1,volwassene\n`, dir);
    const read = await run(['analyse', 'excel.csv', '--format', 'json'], { cwd: dir });
    expect(read.code, read.stderr).toBe(0);
    expect(read.json?.input.columnsIgnored).toHaveLength(16_382);
  });

  it('an unquoted row over the limit: that line too long, not a quote never closed', async () => {
    const dir = tempDir();
    writeTemp('input.csv', `${header}\nA1,volwassene,positief\nA2,volwassene,${'y'.repeat(2 * LIMIT)}\nA3,volwassene,positief\n`, dir);
    const result = await run(['analyse', 'input.csv'], { cwd: dir });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('input.csv:3: regel 3 is langer dan 1048576 tekens zonder regeleinde');
    expect(result.stderr).not.toContain('aanhalingstekens');
  });

  it('a quoted field over the limit with line ends inside: a quote never closed, from its line', async () => {
    const dir = tempDir();
    writeTemp('input.csv', `${header},opmerking\nA1,volwassene,positief,"${'tekst\n'.repeat(LIMIT / 4)}"\n`, dir);
    const result = await run(['analyse', 'input.csv'], { cwd: dir });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('op of na regel 2 begint, is na 1048576 tekens nog niet gesloten');
    expect(result.stderr).toContain('[CJ_UNTERMINATED_QUOTE]');
  });
});

describe('what is not text is said to be so', () => {
  it('a file of zero bytes (NUL) is not a text file: exit 3', async () => {
    const dir = tempDir();
    writeTemp('input.csv', new Uint8Array(4096), dir);
    const result = await run(['analyse', 'input.csv'], { cwd: dir });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('dit is geen tekstbestand');
    expect(result.stderr).toContain('[CJ_NOT_TEXT]');
  });

  it('a zero byte after the first chunk is found, by its offset', async () => {
    const dir = tempDir();
    const rows = Array.from({ length: 10_000 }, (_, i) => `A${i},volwassene\n`).join('');
    const text = Buffer.from(`respondent,track\n${rows}`);
    const at = text.length - 5;
    text[at] = 0;
    writeTemp('input.csv', text, dir);
    const result = await run(['analyse', 'input.csv'], { cwd: dir });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(`een nul-byte op byte ${at}:`);
  });

  it('the first bytes of a ZIP (cut short, named .csv) are read as a ZIP and refused as one, not as text', async () => {
    const dir = tempDir();
    writeTemp('input.csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00]), dir);
    const result = await run(['analyse', 'input.csv'], { cwd: dir });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('[CJ_UNSUPPORTED_ZIP]');
    expect(result.stderr).toContain('cj leest CSV, XLSX en SAV');
  });

  const fixture = readFileSync(fixturePath, 'utf8');
  const withoutInput = (results: Results | undefined): unknown => ({ ...results, input: undefined, warnings: undefined });

  it.each([
    ['utf-16le', 'UTF-16LE'],
    ['utf-16be', 'UTF-16BE'],
  ] as const)('%s without a byte-order mark is recognised by its zero bytes, and counts as the UTF-8 file does', async (encoding, shown) => {
    const dir = tempDir();
    const bytes = encoding === 'utf-16le' ? Buffer.from(fixture, 'utf16le') : Buffer.from(fixture, 'utf16le').swap16();
    writeTemp('input.csv', bytes, dir);
    const result = await run(['analyse', 'input.csv', '--format', 'json'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect(result.json?.input.encoding).toBe(encoding);
    expect(result.json?.input.bom).toBe(false);
    expect(result.stderr).toContain(`input.csv heeft geen byte-order mark maar is ${shown}`);
    const utf8 = await run(['analyse', fixturePath, '--format', 'json']);
    expect(withoutInput(result.json)).toEqual(withoutInput(utf8.json));
  });
});

describe('a path that cannot be read is a data error (exit 3), never an internal one (70)', () => {
  it.each([
    ['a folder', (dir: string) => (mkdirSync(join(dir, 'map.csv')), 'map.csv'), 'CJ_NOT_A_FILE'],
    ['a path through a file (ENOTDIR)', (dir: string) => (writeTemp('file.csv', 'x', dir), 'file.csv/x'), 'CJ_UNREADABLE'],
    ['a symbolic link loop (ELOOP)', (dir: string) => (symlinkSync('b.csv', join(dir, 'a.csv')), symlinkSync('a.csv', join(dir, 'b.csv')), 'a.csv'), 'CJ_UNREADABLE'],
  ])('%s', async (_, make, code) => {
    const dir = tempDir();
    const path = make(dir);
    const result = await run(['analyse', path], { cwd: dir });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(`[${code}]`);
    expect(result.stderr).not.toContain('interne fout');
  });

  it.skipIf(!existsSync('/proc/self/mem'))('a file whose read fails (EIO: /proc/self/mem)', async () => {
    const result = await run(['analyse', '/proc/self/mem']);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('kan niet gelezen worden (EIO) [CJ_UNREADABLE]');
    expect(result.stderr).not.toContain('interne fout');
  });
});

/** A file past one read chunk, with a Windows-1252 é in its last row: the UTF-8 pass fails late. */
function windows1252File(): Buffer {
  const answers = ['negatief', 'neutraal', 'positief', 'nvt'];
  const lines = ['respondent,track,cv_uploaden,werkplein_melden,cijfer,opmerking'];
  for (let i = 0; i < 3000; i++) {
    lines.push(`R${i},${i % 7 === 0 ? 'jongere' : 'volwassene'},${answers[i % 4] ?? ''},${answers[(i * 3) % 4] ?? ''},${1 + (i % 10)},`);
  }
  lines.push('R-last,volwassene,positief,positief,8,een café');
  return iconv.encode(`${lines.join('\n')}\n`, 'windows-1252');
}

describe('pipes and FIFOs are read once, also when the file turns out to be Windows-1252', () => {
  const bin = join(repoRoot, 'bin', 'cj.js');
  beforeAll(() => {
    if (!existsSync(join(repoRoot, 'dist', 'bundle', 'cj.cjs'))) {
      const build = spawnSync('npm', ['run', 'build'], { cwd: repoRoot, encoding: 'utf8' });
      if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}${build.stderr}`);
    }
  }, 120_000);

  const bytes = windows1252File();
  // The file's name is in the input block and in the notice that it was read as Windows-1252.
  const withoutFile = (results: Results | undefined): unknown => ({ ...results, input: { ...results?.input, file: undefined }, warnings: undefined });

  it('a FIFO (mkfifo) gives the result the same bytes give from a file, and leaves no copy behind', async () => {
    expect(bytes.length).toBeGreaterThan(CHUNK);
    expect(bytes.indexOf(0xe9)).toBeGreaterThan(CHUNK);
    const dir = tempDir();
    writeTemp('input.csv', bytes, dir);
    const fromFile = await run(['analyse', 'input.csv', '--format', 'json'], { cwd: dir });
    expect(fromFile.code, fromFile.stderr).toBe(0);
    expect(fromFile.json?.input.encoding).toBe('windows-1252');

    execFileSync('mkfifo', [join(dir, 'pipe.csv')]);
    // The writer is another process: opening a FIFO blocks until both ends are open.
    const writer = spawn('sh', ['-c', 'cat input.csv > pipe.csv'], { cwd: dir, stdio: 'ignore' });
    const written = new Promise((done) => writer.on('close', done));
    const fromFifo = await run(['analyse', 'pipe.csv', '--format', 'json'], { cwd: dir });
    await written;
    expect(fromFifo.code, fromFifo.stderr).toBe(0);
    expect(fromFifo.json?.warnings.map((warning) => warning.code)).toContain('CJ_READ_AS_WINDOWS_1252');
    expect(withoutFile(fromFifo.json)).toEqual(withoutFile(fromFile.json));
    expect(readdirSync(tmpdir()).filter((name) => name.startsWith('.cj-spool-'))).toEqual([]);
  }, 60_000);

  it.each([
    ['a pipe', 'cat input.csv | "$0" "$1" analyse /dev/stdin --format json'],
    ['a redirected file', '"$0" "$1" analyse /dev/stdin --format json < input.csv'],
  ])('cj analyse /dev/stdin with %s as stdin (node bin/cj.js)', (_, command) => {
    const dir = tempDir();
    writeTemp('input.csv', bytes, dir);
    const fromFile = spawnSync(process.execPath, [bin, 'analyse', 'input.csv', '--format', 'json'], { cwd: dir, encoding: 'utf8', timeout: 60_000, maxBuffer: 256 * 1024 * 1024 });
    const fromPipe = spawnSync('sh', ['-c', command, process.execPath, bin], { cwd: dir, encoding: 'utf8', timeout: 60_000, maxBuffer: 256 * 1024 * 1024 });
    expect(fromPipe.status, fromPipe.stderr).toBe(0);
    const parsed = JSON.parse(fromPipe.stdout) as Results;
    expect(parsed.input.encoding).toBe('windows-1252');
    expect(parsed.warnings.map((warning) => warning.code)).toContain('CJ_READ_AS_WINDOWS_1252');
    expect(withoutFile(parsed)).toEqual(withoutFile(JSON.parse(fromFile.stdout) as Results));
  }, 120_000);

  it('cj analyse /dev/zero (node bin/cj.js) stops at once: not a text file, exit 3', () => {
    const result = spawnSync(process.execPath, [bin, 'analyse', '/dev/zero'], { encoding: 'utf8', timeout: 60_000 });
    expect(result.signal).toBeNull();
    expect(result.status).toBe(3);
    expect(result.stderr).toContain('[CJ_NOT_TEXT]');
  }, 120_000);
});
