import { closeSync, ftruncateSync, openSync, writeSync } from 'node:fs';
import { mkdir, readFile, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { OutputError } from '../errors.js';

/** A file written as the run goes. */
export interface TextAppender {
  write(text: string): void;
  /** Empties the file: the input is being read again. */
  reset(): void;
  close(): void;
}

/** Where a run's files go: to disk (OutputBatch), or into memory to compare (CheckBatch). */
export interface OutputSink {
  prepare(): Promise<void>;
  write(name: string, content: string | Uint8Array): Promise<void>;
  appender(name: string): TextAppender;
  commit(): Promise<void>;
  abort(): Promise<void>;
}

/**
 * The files of one run, written beside their final names and renamed into place only when the
 * whole run succeeded: a run that fails or is killed leaves the previous outputs as they were.
 */
export class OutputBatch implements OutputSink {
  private readonly pending: { temp: string; final: string }[] = [];
  /** The first folder this run created, if any: a failed run removes it again. */
  private created: string | undefined;
  private readonly appenders: Appender[] = [];

  constructor(readonly dir: string) {}

  private tempFor(name: string): string {
    const temp = join(this.dir, `.${name}.tmp-${process.pid}`);
    this.pending.push({ temp, final: join(this.dir, name) });
    return temp;
  }

  async prepare(): Promise<void> {
    try {
      this.created = await mkdir(this.dir, { recursive: true });
    } catch (error) {
      throw new OutputError('CJ_OUTPUT_DIR', `${this.dir}: ${(error as Error).message}`);
    }
  }

  async write(name: string, content: string | Uint8Array): Promise<void> {
    try {
      await writeFile(this.tempFor(name), content);
    } catch (error) {
      throw new OutputError('CJ_OUTPUT_WRITE', `${join(this.dir, name)}: ${(error as Error).message}`);
    }
  }

  /** A file written as the run goes (exclusions.csv), renamed into place with the rest. */
  appender(name: string): Appender {
    const appender = new Appender(this.tempFor(name));
    this.appenders.push(appender);
    return appender;
  }

  async commit(): Promise<void> {
    try {
      for (const appender of this.appenders) appender.close();
      for (const { temp, final } of this.pending) await rename(temp, final);
    } catch (error) {
      throw new OutputError('CJ_OUTPUT_WRITE', `${this.dir}: ${(error as Error).message}`);
    }
    this.pending.length = 0;
  }

  async abort(): Promise<void> {
    for (const appender of this.appenders) appender.close();
    await Promise.all(this.pending.map(({ temp }) => rm(temp, { force: true })));
    this.pending.length = 0;
    // Only folders this run made, and only when nothing else was put in them meanwhile.
    if (this.created !== undefined) await rmdirChain(this.created, this.dir);
  }
}

/** Removes `dir` and its parents up to and including `top`, as long as each is empty. */
async function rmdirChain(top: string, dir: string): Promise<void> {
  for (let current = dir; ; current = dirname(current)) {
    try {
      await rmdir(current);
    } catch {
      return;
    }
    if (current === top || dirname(current) === current) return;
  }
}

/**
 * Appends text to a file through a 64 KiB buffer with synchronous writes: memory stays bounded
 * however much is written, which a stream without back-pressure handling would not promise.
 */
export class Appender implements TextAppender {
  private readonly fd: number;
  private buffer = '';
  private position = 0;
  private closed = false;

  constructor(path: string) {
    this.fd = openSync(path, 'w');
  }

  write(text: string): void {
    this.buffer += text;
    if (this.buffer.length >= 65536) this.flush();
  }

  /** Empties the file: the input is being read again. */
  reset(): void {
    this.buffer = '';
    this.position = 0;
    ftruncateSync(this.fd, 0);
  }

  private flush(): void {
    this.position += writeSync(this.fd, this.buffer, this.position, 'utf8');
    this.buffer = '';
  }

  close(): void {
    if (this.closed) return;
    this.flush();
    closeSync(this.fd);
    this.closed = true;
  }
}

class MemoryAppender implements TextAppender {
  private parts: string[] = [];
  write(text: string): void {
    this.parts.push(text);
  }
  reset(): void {
    this.parts = [];
  }
  close(): void {}
  text(): string {
    return this.parts.join('');
  }
}

/**
 * `--check`, as `prettier --check`: the run's files are rendered into memory and compared with
 * what is in the output folder; nothing is written. `changed` lists the files that would change.
 */
export class CheckBatch implements OutputSink {
  private readonly files = new Map<string, string | Uint8Array>();
  private readonly appenders = new Map<string, MemoryAppender>();
  readonly changed: string[] = [];

  constructor(readonly dir: string) {}

  async prepare(): Promise<void> {}

  async write(name: string, content: string | Uint8Array): Promise<void> {
    this.files.set(name, content);
  }

  appender(name: string): TextAppender {
    const appender = new MemoryAppender();
    this.appenders.set(name, appender);
    return appender;
  }

  async commit(): Promise<void> {
    for (const [name, appender] of this.appenders) this.files.set(name, appender.text());
    for (const [name, content] of [...this.files].sort(([a], [b]) => (a < b ? -1 : 1))) {
      let current: Buffer | undefined;
      try {
        current = await readFile(join(this.dir, name));
      } catch {
        current = undefined;
      }
      const wanted = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
      if (current === undefined || !current.equals(wanted)) this.changed.push(name);
    }
  }

  async abort(): Promise<void> {}
}
