/**
 * `cj init DIR --from FILE` (issue 12): a definition drafted from a response file, every guess in
 * `todo`; cj refuses it until the guesses are confirmed (the list removed), then analyses the file
 * it was drafted from. The CSV, the workbook and the SPSS file of the Haarlem fixture each do.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturePath, repoRoot, run, tempDir } from '../helpers/run.js';
import { parseCsv } from '../helpers/table.js';

const [header = [], ...records] = parseCsv(readFileSync(fixturePath, 'utf8'));
/** Non-empty cv_uploaden cells of the fixture, counted here from the CSV itself. */
const cvAnswers = records.filter((record) => (record[header.indexOf('cv_uploaden')] ?? '') !== '').length;

describe.each(['haarlem-2016.csv', 'haarlem-2016.xlsx', 'haarlem-2016.sav'])('cj init --from %s', (name) => {
  it('drafts a definition with its guesses listed; refused until confirmed, then the file is analysed', async () => {
    const cwd = tempDir();
    const data = join(repoRoot, 'fixtures', name);
    const init = await run(['init', 'concept', '--from', data], { cwd });
    expect(init.code, init.stderr).toBe(0);
    const surveyPath = join(cwd, 'concept', 'survey.json');
    const draft = JSON.parse(readFileSync(surveyPath, 'utf8')) as {
      todo: string[];
      tracks: { id: string }[];
      grade: { column: string };
      figures: { bars: { column: string; label: string }[] }[];
    };
    expect(draft.tracks.map((track) => track.id)).toEqual(['volwassene', 'jongere']);
    expect(draft.grade.column).toBe('cijfer');
    expect(draft.todo.some((item) => item.startsWith('/scales/0'))).toBe(true);
    // opmerking is free text: no bar.
    expect(draft.figures.flatMap((figure) => figure.bars.map((bar) => bar.column))).not.toContain('opmerking');

    const unconfirmed = await run(['analyse', data, '--survey', surveyPath, '--format', 'json'], { cwd });
    expect(unconfirmed.code).toBe(4);
    expect(unconfirmed.stderr).toContain('/todo: nog');

    const { todo: _confirmed, ...confirmed } = draft;
    writeFileSync(surveyPath, JSON.stringify(confirmed));
    const result = await run(['analyse', data, '--survey', surveyPath, '--format', 'json'], { cwd });
    expect(result.code, result.stderr).toBe(0);
    expect(result.json?.input.respondents).toBe(19);
    const cv = result.json?.figures.flatMap((figure) => figure.bars).find((bar) => bar.column === 'cv_uploaden');
    expect(cv?.n).toBe(cvAnswers);
    if (name.endsWith('.sav')) expect(cv?.label).toBe('Ervaring: cv uploaden op werk.nl');
  });
});
