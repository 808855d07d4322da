import { readFileSync } from 'node:fs';

/** What a command may touch of the outside world: passed in, so tests run commands in-process. */
export interface Io {
  readonly stdout: { write(text: string): unknown; isTTY?: boolean };
  readonly stderr: { write(text: string): unknown; isTTY?: boolean };
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
}

export function processIo(): Io {
  // A reader that stops early (`cj analyse x.csv | head`) closes the pipe: end quietly, as
  // Unix tools do, rather than with a stack trace.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
  return { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() };
}

/**
 * Colour only on a terminal, never when NO_COLOR is set (no-color.org: any non-empty value);
 * FORCE_COLOR and --color override the terminal test, --no-color wins over everything.
 */
export function useColor(stream: Io['stdout'], env: Io['env'], flag: boolean | undefined): boolean {
  if (flag === false) return false;
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  if (flag === true) return true;
  if (env['FORCE_COLOR'] !== undefined && env['FORCE_COLOR'] !== '0') return true;
  return stream.isTTY === true && env['TERM'] !== 'dumb';
}

let version: string | undefined;
/** cj's own version, from package.json: it goes into every result, so results trace to code. */
export function cjVersion(): string {
  version ??= (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  return version;
}
