// The second reference: papaparse's streaming parser alone, doing nothing with the rows.
import { createReadStream } from 'node:fs';
import Papa from 'papaparse';

let rows = 0;
Papa.parse(createReadStream(process.argv[2], 'utf8'), {
  chunk: (results) => {
    rows += results.data.length;
  },
  complete: () => process.stdout.write(`${rows}\n`),
});
