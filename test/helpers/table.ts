/**
 * Small CSV tables written in the tests, and a reader/writer for the fixture's variants. Written
 * here from RFC 4180, not taken from src/, so the tests do not share the parser they check.
 */

/** Figures 1–7: the adult journey, in the data contract's step order. */
export const experienceColumns = [
  'cv_uploaden',
  'werkplein_melden',
  'werkplein_medewerker',
  'rp_bijeenkomst',
  'rp_medewerker',
  'pg_gesprek',
  'pg_medewerker',
  'workshop',
  'workshop_medewerker',
  'aanvraag_invullen',
  'aanvraag_medewerker',
  'besluit_brief',
] as const;

/** Figure 8: the closing interview. */
export const agreementColumns = [
  'mw_vriendelijk',
  'mw_deskundig',
  'mw_proces',
  'mw_inleven',
  'mw_service',
  'mw_meedenken',
  'mw_bereikbaarheid',
] as const;

export const fullHeader = ['respondent', 'track', 'withdrawn_after', ...experienceColumns, ...agreementColumns, 'cijfer'] as const;

export type Column = (typeof fullHeader)[number];
export type Row = Partial<Record<Column | (string & {}), string>>;

/** One cell as RFC 4180 writes it: quoted when it holds the delimiter, a quote or a line break. */
export function cell(value: string, delimiter = ','): string {
  return value.includes(delimiter) || /["\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A CSV text from a header and rows given by column name; absent cells are empty. */
export function csv(rows: readonly Row[], header: readonly string[] = fullHeader, delimiter = ',', eol = '\n'): string {
  const lines = [header.map((name) => cell(name, delimiter)).join(delimiter)];
  for (const row of rows) lines.push(header.map((name) => cell(row[name] ?? '', delimiter)).join(delimiter));
  return lines.join(eol) + eol;
}

/** An adult who answered every question: `neutraal` on figures 1–7, `neutraal` on 8, mark 6. */
export function neutralRow(respondent: string, track = 'volwassene', overrides: Row = {}): Row {
  const row: Row = { respondent, track, cijfer: '6' };
  for (const column of experienceColumns) row[column] = 'neutraal';
  for (const column of agreementColumns) row[column] = 'neutraal';
  return { ...row, ...overrides };
}

/** Parses RFC 4180 text (`,` `;` or tab; LF or CRLF) into records of fields. */
export function parseCsv(text: string, delimiter = ','): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
      } else {
        field += char;
      }
    } else if (char === '"') {
      quoted = true;
    } else if (char === delimiter) {
      record.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else {
      field += char;
    }
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

/** Writes records back as CSV; `quoteAll` quotes every field as some survey tools do. */
export function writeCsv(records: readonly (readonly string[])[], delimiter = ',', eol = '\n', quoteAll = false): string {
  const write = (value: string): string => (quoteAll ? `"${value.replace(/"/g, '""')}"` : cell(value, delimiter));
  return records.map((record) => record.map(write).join(delimiter)).join(eol) + eol;
}
