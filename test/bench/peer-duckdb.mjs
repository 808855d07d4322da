// A peer for the benchmark: DuckDB (2 threads) doing cj's counting in SQL on the same wide file,
// the rules read from the same survey definition: per rating column, each category's count and
// the missing answers of the respondents the figure counts (their track, consent still given at
// the figure's step); the respondents, the distinct codes (the duplicate check) and the marks.
// Prints the counts as JSON on stdout, for run.mjs to compare with cj's bar by bar.
import { readFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';

const definition = JSON.parse(readFileSync(new URL('../../src/survey/definitions/haarlem-2016.json', import.meta.url), 'utf8'));
const file = process.argv[2];
const quote = (text) => `'${String(text).replaceAll("'", "''")}'`;
const ident = (name) => `"${name.replaceAll('"', '""')}"`;
const values = (rows) => rows.map((row) => `(${row.map((value) => (typeof value === 'number' ? String(value) : quote(value))).join(', ')})`).join(', ');

const stepIndex = new Map(definition.steps.map((step, index) => [step.id, index]));
const spellings = definition.scales.flatMap((scale) => Object.entries(scale.spellings).map(([spelling, key]) => [scale.id, spelling, key]));
const tracks = definition.tracks.flatMap((track) => [track.id, ...track.aliases].map((spelling) => [spelling.toLowerCase(), track.id]));
const columns = definition.figures.flatMap((figure) =>
  figure.bars.map((bar) => [bar.column, figure.scale, stepIndex.get(figure.step), figure.tracks.join(' ')]),
);
const { grade } = definition;

// cj compares spellings trimmed and lower case (and inner runs of white space as one space, which
// the generated files never hold: collapsing them with regexp_replace cost DuckDB a third more
// CPU, so it is left out, the harder yardstick; run.mjs checks the counts still agree with cj's).
const normalised = (expression) => `lower(trim(${expression}))`;
const sql = `
  WITH answers AS (SELECT * FROM read_csv(${quote(file)}, header = true, all_varchar = true)),
  respondents AS (
    SELECT a.*, t.id AS track_id, coalesce(s.idx, ${definition.steps.length - 1}) AS last_usable
    FROM answers a
    JOIN tracks t ON t.spelling = lower(trim(a.track))
    LEFT JOIN steps s ON s.id = lower(trim(a.withdrawn_after))
  ),
  long AS (
    -- INCLUDE NULLS: an empty cell is a missing answer, which UNPIVOT would otherwise drop.
    FROM respondents UNPIVOT INCLUDE NULLS (val FOR col IN (${columns.map(([column]) => ident(column)).join(', ')}))
  )
  SELECT l.col, coalesce(sp.key, '') AS key, count(*)::INTEGER AS n
  FROM long l
  JOIN columns c ON c.col = l.col
  LEFT JOIN spellings sp ON sp.scale = c.scale AND sp.spelling = ${normalised('l.val')}
  WHERE list_contains(string_split(c.tracks, ' '), l.track_id) AND c.step_index <= l.last_usable
  GROUP BY ALL
`;
const marks = `
  WITH answers AS (SELECT * FROM read_csv(${quote(file)}, header = true, all_varchar = true))
  SELECT count(*)::INTEGER AS respondents, count(DISTINCT respondent)::INTEGER AS codes,
    count(m)::INTEGER AS marks, sum(m)::DOUBLE AS total
  FROM (
    SELECT a.respondent,
      CASE WHEN list_contains(${`[${grade.tracks.map(quote).join(', ')}]`}, t.id) AND ${stepIndex.get(grade.step)} <= coalesce(s.idx, ${definition.steps.length - 1})
        THEN TRY_CAST(replace(trim(a.${ident(grade.column)}), ',', '.') AS DOUBLE) END AS m
    FROM answers a
    JOIN tracks t ON t.spelling = lower(trim(a.track))
    LEFT JOIN steps s ON s.id = lower(trim(a.withdrawn_after))
  )
`;

const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
const connection = await instance.connect();
await connection.run(`CREATE TEMP TABLE spellings AS SELECT * FROM (VALUES ${values(spellings)}) t(scale, spelling, key)`);
await connection.run(`CREATE TEMP TABLE tracks AS SELECT * FROM (VALUES ${values(tracks)}) t(spelling, id)`);
await connection.run(`CREATE TEMP TABLE steps AS SELECT * FROM (VALUES ${values([...stepIndex])}) t(id, idx)`);
await connection.run(`CREATE TEMP TABLE columns AS SELECT * FROM (VALUES ${values(columns)}) t(col, scale, step_index, tracks)`);
const bars = {};
for (const { col, key, n } of (await connection.runAndReadAll(sql)).getRowObjectsJS()) {
  const bar = (bars[col] ??= { counts: {}, missing: 0 });
  if (key === '') bar.missing += n;
  else bar.counts[key] = n;
}
const [totals] = (await connection.runAndReadAll(marks)).getRowObjectsJS();
process.stdout.write(`${JSON.stringify({ ...totals, bars })}\n`);
