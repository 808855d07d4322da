// node test/bench/formats.mjs (after npm run build): speed and peak memory of `cj analyse` on the
// same 100 000 respondents as CSV, as an .xlsx written by Gnumeric's ssconvert, and as .sav/.zsav
// written by PSPP (both must be installed: Debian packages gnumeric and pspp). Medians of 3 runs.
//
// With CJ_BENCH_CANDIDATES=<folder with node_modules holding read-excel-file, exceljs and
// sav-reader> it also times those libraries reading the same files, as measured when cj's own
// readers were chosen (see README "Speed").
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from './generate.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const probe = fileURLToPath(new URL('./rss-probe.mjs', import.meta.url));
const rows = Number(process.env.CJ_BENCH_ROWS ?? 100_000);
const dir = mkdtempSync(join(tmpdir(), 'cj-bench-formats-'));

function measure(args) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['--import', probe, ...args], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const rss = /cj-bench-max-rss-kb (\d+)/.exec(result.stderr.toString());
  if (result.status !== 0 || rss === null) throw new Error(`${args.join(' ')} failed (${result.status}):\n${result.stderr}`);
  return { seconds, rssMb: Number(rss[1]) / 1024 };
}

function median(args) {
  const runs = [0, 1, 2].map(() => measure(args)).sort((a, b) => a.seconds - b.seconds);
  return runs[1];
}

const columns = ['cv_uploaden', 'werkplein_melden', 'werkplein_medewerker', 'rp_bijeenkomst', 'rp_medewerker', 'pg_gesprek', 'pg_medewerker', 'workshop', 'workshop_medewerker', 'aanvraag_invullen', 'aanvraag_medewerker', 'besluit_brief', 'mw_vriendelijk', 'mw_deskundig', 'mw_proces', 'mw_inleven', 'mw_service', 'mw_meedenken', 'mw_bereikbaarheid'];
const savSyntax = `SET SEED=2016.
INPUT PROGRAM.
STRING respondent (A9) /opmerking (A300).
NUMERIC track withdrawn_after ${columns.join(' ')} cijfer (F4.1).
LOOP #i = 1 TO ${rows}.
COMPUTE respondent = CONCAT('R', STRING(#i, N8)).
COMPUTE track = 1 + (UNIFORM(1) < 0.15).
COMPUTE withdrawn_after = $SYSMIS.
${columns.map((column) => `COMPUTE ${column} = TRUNC(UNIFORM(5)) + 1.\nDO IF UNIFORM(1) < 0.1.\nCOMPUTE ${column} = 8.\nEND IF.`).join('\n')}
COMPUTE cijfer = TRUNC(UNIFORM(10)) + 1.
COMPUTE opmerking = 'Het ging vlot, ik heb veel informatie gekregen.'.
END CASE.
END LOOP.
END FILE.
END INPUT PROGRAM.
VALUE LABELS track 1 'volwassene' 2 'jongere'
  /cv_uploaden TO besluit_brief 1 'zeer negatief' 2 'negatief' 3 'neutraal' 4 'positief' 5 'zeer positief' 8 'n.v.t.' 9 'geen antwoord'
  /mw_vriendelijk TO mw_bereikbaarheid 1 'helemaal mee oneens' 2 'mee oneens' 3 'neutraal' 4 'mee eens' 5 'helemaal mee eens' 8 'n.v.t.' 9 'geen antwoord'.
MISSING VALUES cv_uploaden TO mw_bereikbaarheid (9).
SAVE OUTFILE='${join(dir, 'bench.sav')}'.
SAVE OUTFILE='${join(dir, 'bench.zsav')}' /ZCOMPRESSED.
`;

try {
  const csv = join(dir, 'bench.csv');
  await generate(csv, rows);
  const ssconvert = spawnSync('ssconvert', [csv, join(dir, 'bench.xlsx')], { stdio: 'ignore' });
  if (ssconvert.status !== 0) throw new Error('ssconvert failed: is gnumeric installed?');
  writeFileSync(join(dir, 'bench.sps'), savSyntax);
  const pspp = spawnSync('pspp', [join(dir, 'bench.sps')], { stdio: 'ignore' });
  if (pspp.status !== 0) throw new Error('pspp failed: is pspp installed?');
  const cj = join(root, 'bin/cj.js');
  console.log(`cj analyse --format json, ${rows} respondents, median of 3:`);
  for (const file of ['bench.csv', 'bench.xlsx', 'bench.sav', 'bench.zsav']) {
    const { seconds, rssMb } = median([cj, 'analyse', join(dir, file), '--format', 'json', '-q']);
    console.log(`  ${file.padEnd(11)} ${seconds.toFixed(2)} s  ${Math.round(rows / seconds)} rows/s  peak RSS ${Math.round(rssMb)} MB`);
  }
  const candidates = process.env.CJ_BENCH_CANDIDATES;
  if (candidates !== undefined) {
    const require = createRequire(join(candidates, 'package.json'));
    const script = join(dir, 'candidate.mjs');
    writeFileSync(
      script,
      `import { createRequire } from 'node:module';
import { createReadStream } from 'node:fs';
const require = createRequire(${JSON.stringify(join(candidates, 'package.json'))});
const [name, file] = process.argv.slice(2);
let rows = 0;
if (name === 'read-excel-file') {
  const { default: read } = await import(${JSON.stringify(require.resolve('read-excel-file/node'))});
  const result = await read(createReadStream(file));
  rows = (Array.isArray(result[0]) ? result : result[0].data).length;
} else if (name === 'exceljs') {
  const ExcelJS = require('exceljs');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', styles: 'cache', worksheets: 'emit' });
  for await (const sheet of reader) { for await (const _ of sheet) rows++; break; }
} else if (name === 'sav-reader') {
  const { SavFileReader } = require('sav-reader');
  const sav = new SavFileReader(file);
  await sav.open();
  while ((await sav.readNextRow()) !== null) rows++;
}
if (rows < 2) process.exit(1);
`,
    );
    console.log('reading alone (no checks, no counting), one run:');
    for (const [name, file] of [['read-excel-file', 'bench.xlsx'], ['exceljs', 'bench.xlsx'], ['sav-reader', 'bench.sav']]) {
      const { seconds, rssMb } = measure([script, name, join(dir, file)]);
      console.log(`  ${name.padEnd(16)} ${file.padEnd(11)} ${seconds.toFixed(2)} s  peak RSS ${Math.round(rssMb)} MB`);
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
