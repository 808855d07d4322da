import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { messages, type Lang, type Messages } from '../messages.js';
import type { Survey } from '../survey/load.js';
import type { Io } from './io.js';

/** A person's view of a definition: steps in order, figures with their bars, scales, the grade, the lead times. */
export function describeSurvey(survey: Survey, m: Messages): string {
  const { definition } = survey;
  const lines = [`${definition.name} (${definition.language})`, ''];
  lines.push(`${m.surveyTracks}: ${survey.tracks.map((track) => `${track.id} (${[track.label, ...track.aliases].join(', ')})`).join('; ')}`);
  lines.push(`${m.surveySteps}:`);
  survey.steps.forEach((step, index) => lines.push(`  ${index + 1}. ${step.id}  ${step.label}`));
  for (const scale of definition.scales) {
    lines.push(`${m.surveyScale} ${scale.id}: ${[...scale.categories, scale.notApplicable].map((category) => `${category.key} "${category.label}"`).join(', ')}`);
  }
  lines.push('');
  for (const figure of survey.figures) {
    const notApplicable = figure.showNotApplicable ? m.surveyNotApplicableShown : m.surveyNotApplicableLeftOut;
    lines.push(`${m.figure} ${figure.id}: ${figure.caption}  [${figure.scale}; ${figure.tracks.join(', ')}; ${notApplicable}; ${figure.step}]`);
    for (const bar of figure.bars) lines.push(`  ${bar.column.padEnd(22)} ${bar.label}`);
  }
  const { grade } = definition;
  lines.push('', `${m.grade}: ${grade.column}, ${grade.min}–${grade.max}, ${grade.tracks.join(', ')}`);
  for (const { segment } of survey.leadTimes) {
    lines.push(m.surveyLeadTime(segment.id, segment.label, segment.from, segment.to, segment.legalTermDays ?? null));
  }
  return lines.join('\n') + '\n';
}

export function registerSurvey(program: Command, io: Io, setExit: (code: number) => void): void {
  const survey = program.command('survey').description('show, check or describe survey definitions');
  const lang = (): Option => new Option('--lang <lang>', 'language of the texts').choices(['nl', 'en']).default('nl');

  survey
    .command('show')
    .description('print the active survey definition')
    .option('--survey <file>', 'a definition file instead of the built-in Haarlem 2016 study')
    .addOption(new Option('-f, --format <format>', 'text for people, json for programs').choices(['text', 'json']).default('text'))
    .addOption(lang())
    .addHelpText('after', '\nExamples:\n  $ cj survey show\n  $ cj survey show --survey zandvoort.json --format json')
    .action(async (raw: { survey?: string; format: string; lang: Lang }) => {
      const m = messages[raw.lang];
      const { builtInSurvey, loadSurveyFile } = await import('../survey/load.js');
      const active =
        raw.survey === undefined ? builtInSurvey(m, raw.lang) : await loadSurveyFile(resolve(io.cwd, raw.survey), raw.survey, m, raw.lang);
      io.stdout.write(raw.format === 'json' ? JSON.stringify(active.definition, null, 2) + '\n' : describeSurvey(active, m));
      setExit(0);
    });

  survey
    .command('check')
    .description('validate a definition file: JSON Schema, then the references between its parts')
    .argument('<file>', 'survey definition (JSON)')
    .addOption(lang())
    .addHelpText('after', '\nExamples:\n  $ cj survey check zandvoort.json')
    .action(async (file: string, raw: { lang: Lang }) => {
      const m = messages[raw.lang];
      const { loadSurveyFile } = await import('../survey/load.js');
      const checked = await loadSurveyFile(resolve(io.cwd, file), file, m, raw.lang);
      io.stdout.write(`${m.surveyValid(file, checked.definition.name, checked.figures.length, checked.ratingColumns.length)}\n`);
      setExit(0);
    });

  survey
    .command('schema')
    .description('print the JSON Schema that definition files follow')
    .action(async () => {
      const { surveySchema } = await import('../survey/schema.js');
      io.stdout.write(JSON.stringify(surveySchema, null, 2) + '\n');
      setExit(0);
    });
}
