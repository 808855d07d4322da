import { createRequire } from 'node:module';
import type Papa from 'papaparse';
import type iconv from 'iconv-lite';

// Packages only some inputs need, loaded the first time one does: a UTF-8 CSV without a broken
// quote, the usual case, loads neither (papaparse and iconv-lite cost ~7–11 MB of memory each at
// start-up). Both are CommonJS, so `require` loads them where they are needed, synchronously.
const require = createRequire(import.meta.url);
let papa: typeof Papa | undefined;
let loadedIconv: typeof iconv | undefined;

/** papaparse, for CSV from the first record the well-formed splitter leaves. */
export function papaparse(): typeof Papa {
  papa ??= require('papaparse') as typeof Papa;
  return papa;
}

/** iconv-lite, for windows-1252 and the code pages of SAV files. */
export function iconvLite(): typeof iconv {
  loadedIconv ??= require('iconv-lite') as typeof iconv;
  return loadedIconv;
}
