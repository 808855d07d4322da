/**
 * iconv-lite, loaded on its first use: reading a UTF-8 file (most runs) never needs it, and
 * loading it costs a run ~25 ms of start-up. Windows-1252 CSV and SPSS files' code pages use it.
 */
import { createRequire } from 'node:module';
import type IconvLite from 'iconv-lite';

let loaded: typeof IconvLite | undefined;

export function iconv(): typeof IconvLite {
  loaded ??= createRequire(import.meta.url)('iconv-lite') as typeof IconvLite;
  return loaded;
}
