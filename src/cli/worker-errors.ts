/**
 * Errors sent from a worker thread (analyse-worker.ts) to the main thread, which throws them in
 * its place: cj's own errors keep their kind, code, message and place (so their exit code and
 * wording), any other keeps its text and stack (an internal error, as if thrown here).
 */
import { CjError, DataError, DataErrors, DefinitionError, OutputError, UsageError, type Location } from '../errors.js';

/** An error as it crosses from the worker: cj's own by kind, code, message and place; any other by its text. */
export type SentError =
  | { readonly kind: 'data' | 'definition' | 'usage' | 'output'; readonly code: string; readonly message: string; readonly location: Location }
  | { readonly kind: 'data-errors'; readonly errors: readonly { code: string; message: string; location: Location }[]; readonly truncated: boolean }
  | { readonly kind: 'internal'; readonly message: string; readonly stack?: string };

const KINDS = [
  ['data', DataError],
  ['definition', DefinitionError],
  ['usage', UsageError],
  ['output', OutputError],
] as const;

export function sendableError(error: unknown): SentError {
  if (error instanceof DataErrors) {
    return { kind: 'data-errors', errors: error.errors.map(({ code, message, location }) => ({ code, message, location })), truncated: error.truncated };
  }
  if (error instanceof CjError) {
    const kind = KINDS.find(([, type]) => error instanceof type)?.[0];
    if (kind !== undefined) return { kind, code: error.code, message: error.message, location: error.location };
  }
  const message = error instanceof Error ? error.message : String(error);
  return error instanceof Error && error.stack !== undefined ? { kind: 'internal', message, stack: error.stack } : { kind: 'internal', message };
}

/** The error the worker sent, as the main thread throws it. */
export function receivedError(sent: SentError): Error {
  if (sent.kind === 'data-errors') return new DataErrors(sent.errors.map(({ code, message, location }) => new DataError(code, message, location)), sent.truncated);
  if (sent.kind === 'internal') {
    const error = new Error(sent.message);
    if (sent.stack !== undefined) error.stack = sent.stack;
    return error;
  }
  const type = KINDS.find(([kind]) => kind === sent.kind)?.[1] ?? DataError;
  return new type(sent.code, sent.message, sent.location);
}
