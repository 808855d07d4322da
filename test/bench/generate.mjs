// Synthetic wide response files for the benchmark: every column of the default survey
// definition, realistic value spellings, some empty cells, some quoted free-text remarks.
// Deterministic (seeded), so every run measures the same bytes.
import { createWriteStream } from 'node:fs';
import { readFileSync } from 'node:fs';

const definition = JSON.parse(readFileSync(new URL('../../src/survey/definitions/haarlem-2016.json', import.meta.url), 'utf8'));

function mulberry32(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const experience = ['negatief', 'neutraal', 'positief', 'neutraal', 'positief', 'nvt', 'zeer positief', ''];
const agreement = ['mee oneens', 'neutraal', 'mee eens', 'helemaal mee eens', 'neutraal', ''];
const remarks = [
  '',
  '',
  '',
  '"Het ging vlot, ik heb veel informatie gekregen."',
  '"Workshop ""naar Werk"" paste niet; liever iets op maat"',
  'Duidelijk welke stappen ik moest nemen',
];
const steps = definition.steps.map((step) => step.id);

/** Writes `rows` respondents to `path`; resolves with the file's size in bytes. */
export function generate(path, rows, seed = 2016) {
  const random = mulberry32(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const ratingColumns = definition.figures.flatMap((figure) => figure.bars.map((bar) => ({ column: bar.column, agreement: figure.scale !== 'ervaring' })));
  const header = ['respondent', 'track', 'withdrawn_after', ...ratingColumns.map((c) => c.column), 'cijfer', 'opmerking'];
  const out = createWriteStream(path);
  let bytes = 0;
  let buffer = header.join(',') + '\n';
  return new Promise((resolve, reject) => {
    out.on('error', reject);
    let i = 0;
    const writeMore = () => {
      while (i < rows) {
        const track = random() < 0.15 ? 'jongere' : 'volwassene';
        const withdrawn = random() < 0.05 ? pick(steps) : '';
        const cells = ratingColumns.map((c) => pick(c.agreement ? agreement : experience));
        const mark = random() < 0.1 ? '' : random() < 0.2 ? `"${1 + Math.floor(random() * 9)},5"` : String(1 + Math.floor(random() * 10));
        buffer += `R${String(i + 1).padStart(8, '0')},${track},${withdrawn},${cells.join(',')},${mark},${pick(remarks)}\n`;
        i++;
        if (buffer.length > 1 << 20) {
          bytes += Buffer.byteLength(buffer);
          const ok = out.write(buffer);
          buffer = '';
          if (!ok) return out.once('drain', writeMore);
        }
      }
      bytes += Buffer.byteLength(buffer);
      out.end(buffer, () => resolve(bytes));
    };
    writeMore();
  });
}
