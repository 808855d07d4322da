import type { Results } from '../count/results.js';

/** The results as one JSON object: keys in a fixed order, so the same input gives the same bytes. */
export function renderJson(results: Results): string {
  return JSON.stringify(results, null, 2) + '\n';
}
