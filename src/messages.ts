/**
 * Every sentence cj says to a person, in Dutch (the default) and English. Both languages have
 * the same keys, so the type checker refuses a sentence that exists in one language only.
 */
import type { PersonalDataKind } from './input/personal-data.js';
import type { ExclusionRule } from './rules/judge.js';

export type Lang = 'nl' | 'en';

type DefinitionThing = 'step' | 'track' | 'category' | 'scale' | 'column';
const thingNames: Record<Lang, Record<DefinitionThing, string>> = {
  nl: { step: 'stap', track: 'traject', category: 'categorie', scale: 'schaal', column: 'kolom' },
  en: { step: 'step', track: 'track', category: 'category', scale: 'scale', column: 'column' },
};

const nlWords = ['nul', 'één', 'twee', 'drie', 'vier', 'vijf', 'zes', 'zeven', 'acht', 'negen', 'tien', 'elf', 'twaalf'];
const enWords = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

const quote = (value: string | null, hidden: string): string => (value === null ? hidden : JSON.stringify(value));

const nl = {
  // numbers as the report writes them: small counts in words
  numberWord: (n: number): string => nlWords[n] ?? String(n),
  decimalSeparator: ',',
  footnoteJoiner: ' en ',

  // input faults
  noSuchFile: (file: string) => `${file}: bestand bestaat niet`,
  isDirectory: (file: string) => `${file}: is een map, geen bestand`,
  unreadable: (file: string, reason: string) => `${file}: kan niet gelezen worden (${reason})`,
  emptyFile: (file: string) => `${file}: het bestand is leeg; verwacht een kopregel en een regel per respondent`,
  headerOnly: () => 'alleen een kopregel, geen respondenten',
  unterminatedQuote: (line: number) => `een veld tussen aanhalingstekens dat op of na regel ${line} begint, wordt nooit gesloten`,
  malformedQuote: () => 'tekst na het sluitende aanhalingsteken van een veld; verwacht een scheidingsteken of het einde van de regel (een " in een veld schrijft u als "")',
  duplicateColumn: (name: string) => `kolom "${name}" staat twee keer in de kopregel`,
  personalDataColumn: (name: string, keyword: string) =>
    `kolom "${name}" lijkt persoonsgegevens te bevatten ("${keyword}"); lever het bestand geanonimiseerd aan, of gebruik --allow-column "${name}" als u zeker weet dat dit geen persoonsgegevens zijn`,
  missingColumn: (name: string, found: readonly string[]) =>
    `verplichte kolom "${name}" ontbreekt; gevonden kolommen: ${found.join(', ')}`,
  tooManyFields: (got: number, expected: number) => `${got} velden, de kopregel heeft er ${expected}`,
  personalDataCell: (kind: PersonalDataKind) =>
    `cel lijkt persoonsgegevens te bevatten (${personalDataNames.nl[kind]}); de waarde wordt niet getoond. Lever het bestand geanonimiseerd aan`,
  missingRespondent: () => 'lege respondentcode; verwacht een geanonimiseerde code, uniek in het bestand',
  duplicateRespondent: (code: string) => `respondent ${JSON.stringify(code)} komt eerder in het bestand al voor; elke code moet uniek zijn`,
  badValue: (value: string | null, accepted: string) =>
    `onbekende waarde ${quote(value, '(niet getoond: lijkt op persoonsgegevens)')}; verwacht een van: ${accepted}`,
  badGrade: (value: string | null, min: number, max: number) =>
    `cijfer ${quote(value, '(niet getoond)')} is geen getal van ${min} tot en met ${max} (decimaal met punt of komma)`,
  badDate: (value: string | null) => `datum ${quote(value, '(niet getoond)')}; verwacht 2016-03-14 of 14-03-2016`,
  badOption: (option: string, value: string) => `${option}: verwacht een heel getal ≥ 1, niet "${value}"`,
  longConflict: (code: string, column: string, firstLine: number) => `respondent ${JSON.stringify(code)} heeft hier een andere ${column} dan op regel ${firstLine}`,
  longDuplicate: (code: string, column: string, firstLine: number) => `respondent ${JSON.stringify(code)} beantwoordde ${column} al op regel ${firstLine}`,
  tooManyFaults: (limit: number) => `meer dan ${limit} fouten; de rest van het bestand is niet gecontroleerd`,
  definitionFault: (file: string, path: string, what: string) => `${file}: ${path}: ${what}`,
  definitionNotJson: (file: string, detail: string) => `${file}: geen geldige JSON (${detail})`,
  definitionDuplicate: (kind: DefinitionThing, value: string) => `${thingNames.nl[kind]} "${value}" komt twee keer voor`,
  definitionUnknown: (kind: DefinitionThing, value: string) => `onbekende ${thingNames.nl[kind]} "${value}"`,
  definitionGradeRange: () => 'min moet kleiner zijn dan max',
  untranslated: (lang: string, texts: readonly string[]) => `geen vertaling (${lang}) voor: ${texts.map((t) => JSON.stringify(t)).join(', ')}`,
  faultCount: (count: number, file: string) => `${count} ${count === 1 ? 'fout' : 'fouten'} in ${file}; er is niets geschreven`,

  // notices and warnings
  readAsWindows1252: (file: string) => `${file} is geen geldige UTF-8 en is gelezen als Windows-1252`,
  columnsIgnored: (names: readonly string[]) => `kolommen die de vragenlijst niet kent, overgeslagen: ${names.join(', ')}`,
  columnsAbsent: (names: readonly string[]) => `kolommen uit de vragenlijst die het bestand niet heeft: ${names.join(', ')}`,
  shortRecords: (count: number) => `${count} ${count === 1 ? 'regel heeft' : 'regels hebben'} minder velden dan de kopregel; ontbrekende velden zijn gelezen als leeg`,
  columnsAllowed: (names: readonly string[]) => `kolommen toegestaan met --allow-column: ${names.join(', ')}`,

  // terminal output
  surveyTracks: 'Trajecten',
  surveySteps: 'Stappen (in volgorde van de klantreis)',
  surveyScale: 'Schaal',
  surveyNotApplicableShown: 'n.v.t. getoond en meegeteld',
  surveyNotApplicableLeftOut: 'n.v.t. weggelaten uit N',
  surveyValid: (file: string, name: string, figures: number, columns: number) => `${file}: geldig: "${name}", ${figures} figuren, ${columns} beoordelingskolommen`,
  fileExists: (file: string) => `${file} bestaat al; gebruik --force om het te overschrijven`,
  initDone: (dir: string, files: readonly string[]) => `geschreven in ${dir}: ${files.join(', ')}. Pas survey.json aan, controleer met cj survey check, vul responses.csv`,
  figure: 'Figuur',
  missing: 'leeg',
  grade: 'Rapportcijfer',
  gradeLine: (display: string, n: number, median: string, sd: string) => `gemiddeld ${display} (n=${n}, mediaan ${median}, sd ${sd})`,
  noGrades: 'geen cijfers',
  youthTitle: (label: string, n: number) => `Apart gerapporteerd: ${label} (N=${n})`,
  marks: 'cijfers',
  leftOutTitle: 'Weggelaten',
  nothingLeftOut: 'niets weggelaten',
  ruleNames: {
    'other-track': 'ander traject (telt niet mee in dit figuur)',
    'withdrawn-consent': 'toestemming ingetrokken',
    missing: 'geen antwoord (lege cel)',
    'not-applicable': 'n.v.t., niet meegeteld in N',
  } satisfies Record<ExclusionRule, string>,
  answers: (n: number) => `${n} ${n === 1 ? 'antwoord' : 'antwoorden'}`,
  withdrawnRespondents: (n: number) => `${n} ${n === 1 ? 'respondent trok' : 'respondenten trokken'} de toestemming in`,
  withdrawnEntry: (respondent: string, step: string) => `${respondent} (na ${step})`,
  respondentsRead: (n: number, byTrack: string) => `${n} respondenten gelezen (${byTrack})`,
  valid: (file: string, n: number, byTrack: string, encoding: string, delimiter: string) =>
    `${file}: geldig: ${n} respondenten (${byTrack}); ${encoding}, scheidingsteken ${JSON.stringify(delimiter)}`,
  written: (dir: string) => `resultaten geschreven in ${dir}`,
  warning: 'waarschuwing',
  notice: 'let op',
  error: 'fout',
  internalError: 'interne fout, meld dit alstublieft',
} as const;

type Messages = {
  readonly [K in keyof typeof nl]: (typeof nl)[K] extends (...args: infer A) => string
    ? (...args: A) => string
    : (typeof nl)[K] extends string
      ? string
      : (typeof nl)[K] extends Record<ExclusionRule, string>
        ? Record<ExclusionRule, string>
        : never;
};

const en: Messages = {
  numberWord: (n) => enWords[n] ?? String(n),
  decimalSeparator: '.',
  footnoteJoiner: ' and ',

  noSuchFile: (file) => `${file}: no such file`,
  isDirectory: (file) => `${file}: is a directory, not a file`,
  unreadable: (file, reason) => `${file}: cannot be read (${reason})`,
  emptyFile: (file) => `${file}: the file is empty; expected a header row and one row per respondent`,
  headerOnly: () => 'a header row only, no respondents',
  unterminatedQuote: (line) => `a quoted field that starts on or after line ${line} is never closed`,
  malformedQuote: () => 'text after the closing quote of a field; expected a delimiter or the end of the line (write a " inside a field as "")',
  duplicateColumn: (name) => `column "${name}" appears twice in the header`,
  personalDataColumn: (name, keyword) =>
    `column "${name}" looks like personal data ("${keyword}"); send the file anonymised, or pass --allow-column "${name}" if you are sure it holds none`,
  missingColumn: (name, found) => `required column "${name}" is missing; columns found: ${found.join(', ')}`,
  tooManyFields: (got, expected) => `${got} fields, the header has ${expected}`,
  personalDataCell: (kind) =>
    `cell looks like personal data (${personalDataNames.en[kind]}); the value is not shown. Send the file anonymised`,
  missingRespondent: () => 'empty respondent code; expected an anonymised code, unique in the file',
  duplicateRespondent: (code) => `respondent ${JSON.stringify(code)} appears earlier in the file already; each code must be unique`,
  badValue: (value, accepted) => `unknown value ${quote(value, '(not shown: looks like personal data)')}; expected one of: ${accepted}`,
  badGrade: (value, min, max) => `mark ${quote(value, '(not shown)')} is not a number from ${min} to ${max} (decimal point or comma)`,
  badDate: (value) => `date ${quote(value, '(not shown)')}; expected 2016-03-14 or 14-03-2016`,
  badOption: (option, value) => `${option}: expected a whole number ≥ 1, got "${value}"`,
  longConflict: (code, column, firstLine) => `respondent ${JSON.stringify(code)} has another ${column} here than on line ${firstLine}`,
  longDuplicate: (code, column, firstLine) => `respondent ${JSON.stringify(code)} answered ${column} already on line ${firstLine}`,
  tooManyFaults: (limit) => `more than ${limit} faults; the rest of the file was not checked`,
  definitionFault: (file, path, what) => `${file}: ${path}: ${what}`,
  definitionNotJson: (file, detail) => `${file}: not valid JSON (${detail})`,
  definitionDuplicate: (kind, value) => `${thingNames.en[kind]} "${value}" appears twice`,
  definitionUnknown: (kind, value) => `unknown ${thingNames.en[kind]} "${value}"`,
  definitionGradeRange: () => 'min must be less than max',
  untranslated: (lang, texts) => `no translation (${lang}) for: ${texts.map((t) => JSON.stringify(t)).join(', ')}`,
  faultCount: (count, file) => `${count} ${count === 1 ? 'fault' : 'faults'} in ${file}; nothing was written`,

  readAsWindows1252: (file) => `${file} is not valid UTF-8 and was read as Windows-1252`,
  columnsIgnored: (names) => `columns the survey does not know, passed over: ${names.join(', ')}`,
  columnsAbsent: (names) => `survey columns the file does not have: ${names.join(', ')}`,
  shortRecords: (count) => `${count} ${count === 1 ? 'row has' : 'rows have'} fewer fields than the header; the missing fields were read as empty`,
  columnsAllowed: (names) => `columns allowed with --allow-column: ${names.join(', ')}`,

  surveyTracks: 'Tracks',
  surveySteps: 'Steps (in journey order)',
  surveyScale: 'Scale',
  surveyNotApplicableShown: 'n/a shown and counted',
  surveyNotApplicableLeftOut: 'n/a left out of N',
  surveyValid: (file, name, figures, columns) => `${file}: valid: "${name}", ${figures} figures, ${columns} rating columns`,
  fileExists: (file) => `${file} exists already; use --force to overwrite it`,
  initDone: (dir, files) => `written to ${dir}: ${files.join(', ')}. Edit survey.json, check it with cj survey check, fill in responses.csv`,
  figure: 'Figure',
  missing: 'empty',
  grade: 'Overall mark',
  gradeLine: (display, n, median, sd) => `mean ${display} (n=${n}, median ${median}, sd ${sd})`,
  noGrades: 'no marks',
  youthTitle: (label, n) => `Reported apart: ${label} (N=${n})`,
  marks: 'marks',
  leftOutTitle: 'Left out',
  nothingLeftOut: 'nothing left out',
  ruleNames: {
    'other-track': 'other track (not counted in this figure)',
    'withdrawn-consent': 'consent withdrawn',
    missing: 'no answer (empty cell)',
    'not-applicable': 'n/a, not counted in N',
  },
  answers: (n) => `${n} ${n === 1 ? 'answer' : 'answers'}`,
  withdrawnRespondents: (n) => `${n} ${n === 1 ? 'respondent' : 'respondents'} withdrew consent`,
  withdrawnEntry: (respondent, step) => `${respondent} (after ${step})`,
  respondentsRead: (n, byTrack) => `${n} respondents read (${byTrack})`,
  valid: (file, n, byTrack, encoding, delimiter) => `${file}: valid: ${n} respondents (${byTrack}); ${encoding}, delimiter ${JSON.stringify(delimiter)}`,
  written: (dir) => `results written to ${dir}`,
  warning: 'warning',
  notice: 'notice',
  error: 'error',
  internalError: 'internal error, please report',
};

const personalDataNames: Record<Lang, Record<PersonalDataKind, string>> = {
  nl: { bsn: 'BSN', email: 'e-mailadres', phone: 'telefoonnummer', 'postcode-house-number': 'postcode met huisnummer', iban: 'IBAN' },
  en: { bsn: 'BSN', email: 'e-mail address', phone: 'phone number', 'postcode-house-number': 'postcode with house number', iban: 'IBAN' },
};

export type { Messages };
export const messages: Record<Lang, Messages> = { nl, en };
