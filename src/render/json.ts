import type { Results } from '../count/results.js';
import type { DiffResult } from '../diff/types.js';
import { jsonText } from '../safe-text.js';

/**
 * The results as one JSON object: keys in a fixed order, so the same input gives the same bytes.
 * Strings keep every character, but a control or direction character is written as an escape.
 */
export function renderJson(results: Results): string {
  return jsonText(results) + '\n';
}

/** A comparison as one JSON object, written as renderJson writes results. */
export function renderDiffJson(diff: DiffResult): string {
  return jsonText(diff) + '\n';
}
