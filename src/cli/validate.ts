import type { Command } from 'commander';
import { messages } from '../messages.js';
import { addInputOptions, fileSource, normaliseInputFlags, pipelineOptions, type RawInputFlags } from './common.js';
import type { Io } from './io.js';

/** `cj validate`: the checks of `cj analyse` without the analysis, for the analyst who wants to know before sending a file on. */
export function registerValidate(program: Command, io: Io, setExit: (code: number) => void): void {
  const command = program
    .command('validate')
    .description('check a response file against the survey definition and the data contract; writes nothing')
    .argument('<file>', 'anonymised response file');
  addInputOptions(command)
    .addHelpText('after', '\nExamples:\n  $ cj validate data.csv\n  $ cj validate data.csv --survey zandvoort.json')
    .action(async (file: string, raw: RawInputFlags) => {
      const flags = await normaliseInputFlags(raw, io);
      const m = messages[flags.lang];
      const { source } = await fileSource(file, io, m);
      const { analyse } = await import('../pipeline.js');
      const results = await analyse(source, pipelineOptions(flags));
      if (!flags.quiet) for (const warning of results.warnings) io.stderr.write(`cj: ${m.notice}: ${warning.message}\n`);
      const byTrack = Object.entries(results.input.respondentsByTrack)
        .map(([track, n]) => `${n} ${track}`)
        .join(', ');
      const { input } = results;
      const line =
        input.format === 'xlsx'
          ? m.validSheet(input.file, input.respondents, byTrack, input.sheet ?? '')
          : input.format === 'sav'
            ? m.validSav(input.file, input.respondents, byTrack, input.characterEncoding ?? input.encoding)
            : m.valid(input.file, input.respondents, byTrack, input.encoding, input.delimiter);
      io.stdout.write(`${line}\n`);
      setExit(0);
    });
}
