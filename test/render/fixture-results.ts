import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Results } from '../../src/count/results.js';
import { messages } from '../../src/messages.js';
import { analyse } from '../../src/pipeline.js';
import { builtInSurvey } from '../../src/survey/load.js';

export const fixturePath = fileURLToPath(new URL('../../fixtures/haarlem-2016.csv', import.meta.url));

let cached: Promise<Results> | undefined;

/** The Results of fixtures/haarlem-2016.csv, built in-process as `cj analyse` builds them. */
export function fixtureResults(): Promise<Results> {
  cached ??= analyse(
    {
      name: 'haarlem-2016.csv',
      open: async function* () {
        yield readFileSync(fixturePath);
      },
    },
    { survey: builtInSurvey(), messages: messages.nl, version: 'test', allowColumns: new Set(), faultLimit: 50, listLimit: 10000, minCell: 3 },
  );
  return cached;
}
