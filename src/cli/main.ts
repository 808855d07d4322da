import { Command, CommanderError } from 'commander';
import { ExitCode } from '../errors.js';
import { messages, type Lang, type Messages } from '../messages.js';
import { safeText } from '../safe-text.js';
import { registerAnalyse } from './analyse.js';
import { registerDiff } from './diff.js';
import { registerInit } from './init.js';
import { registerMerge } from './merge.js';
import { registerSurvey } from './survey.js';
import { registerTrend } from './trend.js';
import { registerValidate } from './validate.js';
import { cjVersion, processIo, type Io } from './io.js';
import { reportError } from './report-error.js';

const examples = `
Examples:
  $ cj analyse fixtures/haarlem-2016.csv             tables in the terminal, results in out/
  $ cj analyse data.csv --format json > r.json       the same numbers for a program
  $ cj analyse data.csv --out rapport --lang en      another folder, English text
  $ cj analyse data.csv --check                      CI: exit 1 when a figure would change
  $ cj analyse antwoorden.xlsx --sheet 2             an Excel workbook or SPSS .sav as received
  $ cj diff cohort-2016.csv cohort-2017.csv          compare two cohorts
  $ cj trend w2016.csv w2017.csv w2018.csv           several waves: a trend test per bar
  $ cj validate data.csv                             check a file before sending it on
  $ cj init mystudy                                  start a study of your own

Exit codes: 0 ok, 1 outputs would change (--check) or a change (diff --fail-on-change),
2 usage, 3 data error,
4 survey definition error, 5 output not writable, 70 internal error.`;

export function buildProgram(io: Io, setExit: (code: number) => void): Command {
  const program = new Command('cj')
    .description('Customer Journey analysis: anonymised survey responses in, the report\'s figures out.')
    .version(cjVersion(), '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .addHelpText('after', examples)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => void io.stdout.write(text),
      writeErr: (text) => void io.stderr.write(text),
      // commander's own (English) error lines are not written: main says them in the run's language.
      outputError: () => undefined,
    });
  registerAnalyse(program, io, setExit);
  registerDiff(program, io, setExit);
  registerTrend(program, io, setExit);
  registerMerge(program, io, setExit);
  registerValidate(program, io, setExit);
  registerSurvey(program, io, setExit);
  registerInit(program, io, setExit);
  return program;
}

/** What commander found wrong with the command line, in the run's language. */
function usageText(error: CommanderError, m: Messages): string {
  // Commander quotes what it refers to: the option, command, argument or value.
  const [first = '', second = ''] = [...error.message.matchAll(/'([^']*)'/g)].map((match) => match[1] ?? '');
  switch (error.code) {
    case 'commander.unknownOption':
      return m.usageUnknownOption(first);
    case 'commander.unknownCommand':
      return m.usageUnknownCommand(first);
    case 'commander.missingArgument':
      return m.usageMissingArgument(first);
    case 'commander.optionMissingArgument':
      return m.usageOptionMissingValue(first);
    case 'commander.invalidArgument': {
      const allowed = /Allowed choices are (.*)\.$/.exec(error.message)?.[1] ?? '';
      return m.usageBadChoice(first, second, allowed);
    }
    case 'commander.excessArguments':
      return m.usageTooManyArguments(first);
    default:
      return m.usageOther(error.message.replace(/^error: /, ''));
  }
}

/**
 * The whole CLI as a function: argv (without node and script) in, exit code out. Only this
 * layer touches the process, and even here through `io`, so tests run it in-process.
 *
 * The one error boundary: commands throw, and their errors are reported here, once, in the
 * language and with the --debug of the options commander parsed for the command that ran.
 */
export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  let exitCode: number = ExitCode.ok;
  const program = buildProgram(io, (code) => (exitCode = code));
  let reporting: { lang: Lang; debug: boolean } = { lang: 'nl', debug: false };
  program.hook('preAction', (_program, command) => {
    const options = command.opts<{ lang?: string; debug?: boolean }>();
    reporting = { lang: options.lang === 'en' ? 'en' : 'nl', debug: options.debug === true };
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through here with exit code 0.
      if (error.exitCode === 0) return ExitCode.ok;
      // Commander stops before any action, so before it parsed --lang: read it from argv here.
      const at = argv.findIndex((word) => word === '--lang' || word.startsWith('--lang='));
      const lang: Lang = (argv[at]?.startsWith('--lang=') ? argv[at].slice(7) : argv[at + 1]) === 'en' && at >= 0 ? 'en' : 'nl';
      const m = messages[lang];
      const command = program.commands.some((c) => c.name() === argv[0] || c.aliases().includes(argv[0] ?? '')) ? `cj ${argv[0]}` : 'cj';
      io.stderr.write(`cj: ${m.error}: ${safeText(usageText(error, m))} ${m.usageHint(command)}\n`);
      return ExitCode.usage;
    }
    return await reportError(error, io, reporting.lang, reporting.debug);
  }
}
