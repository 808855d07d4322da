import { closeSync, ftruncateSync, openSync, writeSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { OutputError } from '../errors.js';

/**
 * The files of one run, written beside their final names and renamed into place only when the
 * whole run succeeded: a run that fails or is killed leaves the previous outputs as they were.
 */
export class OutputBatch {
  private readonly pending: { temp: string; final: string }[] = [];
  private readonly appenders: Appender[] = [];

  constructor(readonly dir: string) {}

  private tempFor(name: string): string {
    const temp = join(this.dir, `.${name}.tmp-${process.pid}`);
    this.pending.push({ temp, final: join(this.dir, name) });
    return temp;
  }

  async prepare(): Promise<void> {
    try {
      await mkdir(this.dir, { recursive: true });
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
  }
}

/**
 * Appends text to a file through a 64 KiB buffer with synchronous writes: memory stays bounded
 * however much is written, which a stream without back-pressure handling would not promise.
 */
export class Appender {
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
