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
import { builtInDefinitionPath } from './duinstad.js';

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

    // Confirming the guesses, as the analyst would: the list removed, and the steps the todo asks
    // to put in place put in journey order (the built-in study's order, where it knows the step):
    // the fixture's dates follow that order, and the date-order rule checks it.
    const { todo: _confirmed, ...confirmed } = draft;
    const journey = (JSON.parse(readFileSync(builtInDefinitionPath, 'utf8')) as { steps: { id: string }[] }).steps.map((step) => step.id);
    const steps = (confirmed as unknown as { steps: { id: string }[] }).steps;
    const slots = steps.map((step, index) => (journey.includes(step.id) ? index : -1)).filter((index) => index !== -1);
    const known = slots.map((index) => steps[index]!).sort((a, b) => journey.indexOf(a.id) - journey.indexOf(b.id));
    slots.forEach((slot, at) => (steps[slot] = known[at]!));
    writeFileSync(surveyPath, JSON.stringify(confirmed));
    const result = await run(['analyse', data, '--survey', surveyPath, '--format', 'json'], { cwd });
    expect(result.code, result.stderr).toBe(0);
    expect(result.json?.input.respondents).toBe(19);
    const cv = result.json?.figures.flatMap((figure) => figure.bars).find((bar) => bar.column === 'cv_uploaden');
    expect(cv?.n).toBe(cvAnswers);
    if (name.endsWith('.sav')) expect(cv?.label).toBe('Ervaring: cv uploaden op werk.nl');
  });
});
