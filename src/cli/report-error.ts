import { CjError, DataErrors, ExitCode, formatLocation } from '../errors.js';
import { messages, type Lang } from '../messages.js';
import { safeText } from '../safe-text.js';
import { useColor, type Io } from './io.js';

/** Prints a fault as one line per error, never a stack (unless --debug and it is a bug). */
export async function reportError(error: unknown, io: Io, lang: Lang, debug: boolean): Promise<number> {
  // Loaded here, not at start-up: `cj --help` and `--version` must stay fast.
  const { Chalk } = await import('chalk');
  const m = messages[lang];
  const chalk = new Chalk({ level: useColor(io.stderr, io.env, undefined) ? 3 : 0 });
  const prefix = chalk.red(`cj: ${m.error}`);
  if (error instanceof DataErrors) {
    for (const fault of error.errors) {
      // A location names a column and a message may quote a cell: both from input (safeText).
      io.stderr.write(`${prefix}: ${safeText(formatLocation(fault.location, m))}: ${safeText(fault.message)} [${fault.code}]\n`);
    }
    if (error.truncated) io.stderr.write(`${prefix}: ${m.tooManyFaults(error.errors.length)}\n`);
    const file = error.errors[0]?.location.file ?? '';
    io.stderr.write(`cj: ${m.faultCount(error.errors.length, file)}\n`);
    return error.exitCode;
  }
  if (error instanceof CjError) {
    const where = formatLocation(error.location, m);
    const message = where !== '' && !error.message.startsWith(error.location.file ?? '\0') ? `${where}: ${error.message}` : error.message;
    // A definition with several faults reports one per line, each with its own prefix.
    const lines = message.split('\n').map(safeText);
    lines.forEach((line, index) => io.stderr.write(`${prefix}: ${line}${index === lines.length - 1 ? ` [${error.code}]` : ''}\n`));
    return error.exitCode;
  }
  io.stderr.write(`${prefix}: ${m.internalError}: ${(error as Error)?.message ?? String(error)}\n`);
  if (debug) io.stderr.write(`${(error as Error)?.stack ?? ''}\n`);
  else io.stderr.write('cj: run again with --debug for the stack trace\n');
  return ExitCode.internal;
}
