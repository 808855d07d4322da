// The baseline: csv-parse alone reading the file as a stream, doing nothing with the records.
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';

let records = 0;
createReadStream(process.argv[2])
  .pipe(parse())
  .on('data', () => records++)
  .on('end', () => process.stdout.write(`${records}\n`));
