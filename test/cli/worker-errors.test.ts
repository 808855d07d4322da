import { describe, expect, it } from 'vitest';
import { receivedError, sendableError } from '../../src/cli/worker-errors.js';
import { DataError, DataErrors, DefinitionError, OutputError, UsageError } from '../../src/errors.js';

/** As a message crosses between threads: structured clone, no classes. */
const across = (error: unknown): Error => receivedError(structuredClone(sendableError(error)));

describe("errors sent from cj diff's worker thread", () => {
  it('keep their kind (so their exit code), code, message and place', () => {
    const cases = [
      [new DataError('CJ_NOT_TEXT', 'b.csv is no text', { file: 'b.csv' }), DataError, 3],
      [new DefinitionError('CJ_DEFINITION', 'bad definition', { file: 'kto.json' }), DefinitionError, 4],
      [new UsageError('CJ_USAGE', 'bad option'), UsageError, 2],
      [new OutputError('CJ_OUTPUT', 'cannot write', { file: 'out' }), OutputError, 5],
    ] as const;
    for (const [error, type, exitCode] of cases) {
      const back = across(error);
      expect(back).toBeInstanceOf(type);
      expect(back).toMatchObject({ code: error.code, message: error.message, location: error.location, exitCode });
    }
  });

  it('keep every fault of a file, in order, and whether the list was cut short', () => {
    const faults = [
      new DataError('CJ_INVALID_VALUE', 'not a spelling', { file: 'b.csv', line: 5, column: 'cv_uploaden' }),
      new DataError('CJ_DUPLICATE_RESPONDENT', 'again', { file: 'b.csv', line: 9, column: 'respondent' }),
    ];
    const back = across(new DataErrors(faults, true));
    expect(back).toBeInstanceOf(DataErrors);
    const { errors, truncated } = back as DataErrors;
    expect(truncated).toBe(true);
    expect(errors.map((error) => [error instanceof DataError, error.code, error.message, error.location])).toEqual(faults.map((f) => [true, f.code, f.message, f.location]));
  });

  it('turn any other error into an internal one with its text and stack', () => {
    const bug = new TypeError('x is undefined');
    const back = across(bug);
    expect(back).not.toBeInstanceOf(DataError);
    expect(back.message).toBe('x is undefined');
    expect(back.stack).toBe(bug.stack);
    expect(across('thrown text').message).toBe('thrown text');
  });
});
