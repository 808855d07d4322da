/**
 * Every sentence cj says to a person, in Dutch (the default) and English. Both languages have
 * the same keys, so the type checker refuses a sentence that exists in one language only.
 */
import type { ExclusionRule, PersonalDataKind } from './contract.js';
import { quoteInput, showInput } from './input/quote-input.js';

export type Lang = 'nl' | 'en';

/** A fault of a definition against its JSON Schema, as ajv reports it (keyword and parameters). */
export type SchemaRule =
  | { readonly keyword: 'type'; readonly type: string }
  | { readonly keyword: 'required'; readonly property: string }
  | { readonly keyword: 'additionalProperties'; readonly property: string }
  | { readonly keyword: 'minItems' | 'maxItems' | 'minLength' | 'maxLength' | 'maxProperties'; readonly limit: number }
  | { readonly keyword: 'minimum' | 'maximum'; readonly comparison: string; readonly limit: number }
  | { readonly keyword: 'pattern'; readonly pattern: string }
  | { readonly keyword: 'enum'; readonly allowed: readonly string[] }
  | { readonly keyword: 'other'; readonly name: string };

const nlTypes: Readonly<Record<string, string>> = {
  object: 'een object ({…})',
  array: 'een lijst ([…])',
  string: 'tekst',
  number: 'een getal',
  integer: 'een geheel getal',
  boolean: 'true of false',
  null: 'null',
};

function nlSchemaRule(rule: SchemaRule): string {
  const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
  switch (rule.keyword) {
    case 'type':
      return `moet ${rule.type.split(',').map((type) => nlTypes[type] ?? type).join(' of ')} zijn`;
    case 'required':
      return `de eigenschap "${rule.property}" ontbreekt`;
    case 'additionalProperties':
      return `onbekende eigenschap "${rule.property}"`;
    case 'minItems':
      return `moet minstens ${plural(rule.limit, 'element', 'elementen')} hebben`;
    case 'maxItems':
      return `mag ten hoogste ${plural(rule.limit, 'element', 'elementen')} hebben`;
    case 'minLength':
      return `moet minstens ${plural(rule.limit, 'teken', 'tekens')} lang zijn`;
    case 'maxLength':
      return `mag ten hoogste ${plural(rule.limit, 'teken', 'tekens')} lang zijn`;
    case 'maxProperties':
      return `mag ten hoogste ${plural(rule.limit, 'eigenschap', 'eigenschappen')} hebben`;
    case 'minimum':
      return rule.comparison === '>' ? `moet groter zijn dan ${rule.limit}` : `moet minstens ${rule.limit} zijn`;
    case 'maximum':
      return rule.comparison === '<' ? `moet kleiner zijn dan ${rule.limit}` : `mag ten hoogste ${rule.limit} zijn`;
    case 'pattern':
      return `moet passen bij het patroon "${rule.pattern}"`;
    case 'enum':
      return `moet een van deze waarden zijn: ${rule.allowed.join(', ')}`;
    case 'other':
      return `voldoet niet aan het schema (${rule.name})`;
  }
}

/** ajv's own English sentences, so the English run says what ajv's documentation says. */
function enSchemaRule(rule: SchemaRule): string {
  switch (rule.keyword) {
    case 'type':
      return `must be ${rule.type}`;
    case 'required':
      return `must have required property '${rule.property}'`;
    case 'additionalProperties':
      return `must NOT have additional properties "${rule.property}"`;
    case 'minItems':
      return `must NOT have fewer than ${rule.limit} items`;
    case 'maxItems':
      return `must NOT have more than ${rule.limit} items`;
    case 'minLength':
      return `must NOT have fewer than ${rule.limit} characters`;
    case 'maxLength':
      return `must NOT have more than ${rule.limit} characters`;
    case 'maxProperties':
      return `must NOT have more than ${rule.limit} properties`;
    case 'minimum':
    case 'maximum':
      return `must be ${rule.comparison} ${rule.limit}`;
    case 'pattern':
      return `must match pattern "${rule.pattern}"`;
    case 'enum':
      return `must be equal to one of the allowed values: ${rule.allowed.join(', ')}`;
    case 'other':
      return `does not satisfy the schema (${rule.name})`;
  }
}

type DefinitionThing = 'step' | 'track' | 'category' | 'scale' | 'column' | 'figure' | 'leadTime' | 'stratum';
const thingNames: Record<Lang, Record<DefinitionThing, string>> = {
  nl: { step: 'stap', track: 'traject', category: 'categorie', scale: 'schaal', column: 'kolom', figure: 'figuur', leadTime: 'doorlooptijd', stratum: 'stratum' },
  en: { step: 'step', track: 'track', category: 'category', scale: 'scale', column: 'column', figure: 'figure', leadTime: 'lead time', stratum: 'stratum' },
};

const nlWords = ['nul', 'één', 'twee', 'drie', 'vier', 'vijf', 'zes', 'zeven', 'acht', 'negen', 'tien', 'elf', 'twaalf'];
const enWords = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

/** Input text in a message: only through quoteInput (checked for personal data, cut, controls escaped). */
const quote = (value: string, hidden: string): string => quoteInput(value) ?? hidden;

/** Column names from the input, at most LIST_SHOWN of them, each through showInput. */
const LIST_SHOWN = 20;
const quoteList = (names: readonly string[], hidden: string, more: (n: number) => string): string =>
  names.slice(0, LIST_SHOWN).map((name) => showInput(name) ?? hidden).join(', ') + (names.length > LIST_SHOWN ? more(names.length - LIST_SHOWN) : '');

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
  duplicateColumn: (name: string) => `kolom ${quote(name, '(niet getoond)')} staat twee keer in de kopregel`,
  sameColumnTwice: (first: string, second: string, column: string) =>
    `kolommen ${quote(first, '(niet getoond)')} en ${quote(second, '(niet getoond)')} staan allebei voor kolom ${column}; laat er één over`,
  personalDataColumn: (name: string, keyword: string) =>
    `kolom ${quote(name, '(niet getoond)')} lijkt persoonsgegevens te bevatten ("${keyword}"); lever het bestand geanonimiseerd aan, of gebruik --allow-column ${quote(name, '(niet getoond)')} als u zeker weet dat dit geen persoonsgegevens zijn`,
  missingColumn: (name: string, found: readonly string[], like: string | null = null) =>
    like === null
      ? `verplichte kolom "${name}" ontbreekt; gevonden kolommen: ${quoteList(found, '(niet getoond)', (n) => ` en ${n} andere`)}`
      : `verplichte kolom "${name}" ontbreekt; kolom ${quote(like, '(niet getoond)')} lijkt op "${name}": hernoem die kolom`,
  missingDefinedColumn: (name: string, like: string | null) =>
    like === null
      ? `kolom "${name}" uit de definitie ontbreekt in het bestand; voeg hem toe, geef in de definitie de naam op die het bestand gebruikt ("aliases"), of markeer hem als niet verplicht ("optional": true)`
      : `kolom "${name}" uit de definitie ontbreekt in het bestand; kolom ${quote(like, '(niet getoond)')} lijkt op "${name}": hernoem die kolom of geef de naam op in "aliases" van de definitie`,
  lookAlikeColumn: (like: string, name: string) =>
    `kolom ${quote(like, '(niet getoond)')} lijkt op "${name}", een kolom uit de definitie die het bestand niet heeft: hernoem die kolom of geef de naam op in "aliases" van de definitie`,
  noHeader: (cells: number, required: readonly string[]) =>
    `geen kopregel: deze regel (${cells} ${cells === 1 ? 'veld' : 'velden'}) noemt geen van de verplichte kolommen ${required.join(', ')}; verwacht als eerste regel de kolomnamen`,
  personalDataHeader: (kind: PersonalDataKind) =>
    `kolomnaam lijkt persoonsgegevens te bevatten (${personalDataNames.nl[kind]}); de naam wordt niet getoond. Lever het bestand geanonimiseerd aan`,
  tooManyFields: (got: number, expected: number) => `${got} velden, de kopregel heeft er ${expected}`,
  personalDataCell: (kind: PersonalDataKind) =>
    `cel lijkt persoonsgegevens te bevatten (${personalDataNames.nl[kind]}); de waarde wordt niet getoond. Lever het bestand geanonimiseerd aan`,
  missingRespondent: () => 'lege respondentcode; verwacht een geanonimiseerde code, uniek in het bestand',
  duplicateRespondent: (code: string, firstLine: number) =>
    `respondent ${quote(code, '(niet getoond)')} komt eerder in het bestand al voor (eerst op ${firstLine}); elke code moet uniek zijn`,
  badValue: (value: string, accepted: string) =>
    `onbekende waarde ${quote(value, '(niet getoond: lijkt op persoonsgegevens)')}; verwacht een van: ${accepted}`,
  badGrade: (value: string, min: number, max: number) =>
    `cijfer ${quote(value, '(niet getoond)')} is geen getal van ${min} tot en met ${max} (decimaal met punt of komma)`,
  badDate: (value: string) => `datum ${quote(value, '(niet getoond)')}; verwacht 2016-03-14 of 14-03-2016`,
  dateBeforeEarlierStep: (date: string, earlierColumn: string, earlierDate: string) =>
    `datum ${date} ligt vóór ${earlierColumn} (${earlierDate}); verwacht ${earlierDate} of later, de stappen volgen elkaar op`,
  badOption: (option: string, value: string) => `${option}: verwacht een heel getal ≥ 1, niet "${value}"`,
  // the command line as commander reads it (src/cli/main.ts)
  usageUnknownOption: (option: string) => `onbekende optie ${option}`,
  usageUnknownCommand: (command: string) => `onbekende opdracht ${command}`,
  usageMissingArgument: (argument: string) => `het argument <${argument}> ontbreekt`,
  usageOptionMissingValue: (option: string) => `${option} mist zijn waarde`,
  usageBadChoice: (option: string, value: string, allowed: string) => `${option}: "${value}" kan niet; kies uit ${allowed}`,
  usageTooManyArguments: (command: string) => `te veel argumenten voor cj ${command}`,
  usageOther: (message: string) => `de opdrachtregel klopt niet: ${message}`,
  usageHint: (command: string) => `(zie ${command} --help)`,
  longConflict: (code: string, column: string, firstLine: number) => `respondent ${quote(code, '(niet getoond)')} heeft hier een andere waarde in kolom ${column} dan op regel ${firstLine}`,
  longDuplicate: (code: string, column: string, firstLine: number) => `respondent ${quote(code, '(niet getoond)')} beantwoordde ${showInput(column) ?? '(niet getoond)'} al op regel ${firstLine}`,
  tooManyFaults: (limit: number) => `meer dan ${limit} fouten; de rest van het bestand is niet gecontroleerd`,
  definitionFault: (file: string, path: string, what: string) => `${file}: ${path}: ${what}`,
  definitionNotJson: (file: string, detail: string) => `${file}: geen geldige JSON (${detail})`,
  definitionDuplicate: (kind: DefinitionThing, value: string) => `${thingNames.nl[kind]} "${value}" komt twee keer voor`,
  definitionUnknown: (kind: DefinitionThing, value: string) => `${thingNames.nl[kind]} "${value}" bestaat niet`,
  definitionGradeRange: () => 'min moet kleiner zijn dan max',
  definitionLeadTimeOrder: (from: string, to: string) => `stap "${to}" moet na stap "${from}" komen in /steps`,
  schemaRule: nlSchemaRule,
  definitionTodo: (todo: readonly string[]) =>
    `nog ${todo.length} ${todo.length === 1 ? 'gok' : 'gokken'} te bevestigen (${todo.map((item) => JSON.stringify(item)).join('; ')}); controleer ze en haal "todo" weg`,
  definitionReserved: (column: string, usedBy: string) => `kolom "${column}" is al in gebruik (${usedBy}); kies een andere naam`,
  definitionAliasTaken: (alias: string, column: string) => `de naam "${alias}" staat al voor kolom ${column}; een naam kan maar één kolom aanduiden`,
  definitionTooLarge: (file: string, maxBytes: number) =>
    `${file}: groter dan ${maxBytes} bytes; een surveydefinitie is een klein JSON-bestand (controleer of dit het goede bestand is)`,
  definitionReservedName: (name: string) => `"${name}" is een gereserveerde naam (een eigenschap van elk JavaScript-object); kies een andere`,
  definitionControlCharacter: () =>
    'bevat een stuurteken (bijvoorbeeld ESC, een tab of een regelovergang) of een teken dat de schrijfrichting omdraait; verwacht gewone tekst',
  untranslated: (lang: string, texts: readonly string[]) => `geen vertaling (${lang}) voor: ${texts.map((t) => JSON.stringify(t)).join(', ')}`,
  faultCount: (count: number, file: string) => `${count} ${count === 1 ? 'fout' : 'fouten'} in ${file}; er is niets geschreven`,

  // other file formats (src/input/detect.ts, xlsx.ts, sav.ts)
  unsupportedFormat: (file: string, kind: UnsupportedKind) => `${file}: ${formatNames.nl[kind]}; cj leest CSV, XLSX en SAV. ${saveAs.nl[kind]}`,
  unreadableFormat: (file: string, format: 'XLSX' | 'SAV') =>
    `${file}: beschadigd of onvolledig ${format}-bestand; open het in ${format === 'XLSX' ? 'Excel' : 'SPSS of PSPP'} en sla het opnieuw op`,
  formatTooLarge: (file: string, what: string, limit: string) => `${file}: ${what} is groter dan ${limit}; sla de gegevens op als CSV (UTF-8)`,
  noSuchSheet: (sheet: string, sheets: readonly string[]) => `--sheet ${sheet}: geen werkblad met die naam of dat nummer; de werkmap heeft: ${sheets.map((name, index) => `${index + 1} "${name}"`).join(', ')}`,
  unlabelledCode: (code: string | null) =>
    `code ${code ?? '(niet getoond: lijkt op persoonsgegevens)'} heeft geen waardelabel; geef de code een label of verklaar hem ontbrekend (MISSING VALUES)`,
  locationRow: 'rij',
  locationCase: 'geval',
  locationColumn: 'kolom',
  locationLine: 'regel',
  locationVariable: 'variabele',

  // notices and warnings
  readAsWindows1252: (file: string) => `${file} is geen geldige UTF-8 en is gelezen als Windows-1252`,
  columnsIgnored: (names: readonly string[]) => `kolommen die de vragenlijst niet kent, overgeslagen: ${quoteList(names, '(niet getoond)', (n) => ` en ${n} andere`)}`,
  readAsUtf16: (file: string, encoding: string) => `${file} heeft geen byte-order mark maar is ${encoding} (nul-bytes om en om) en is zo gelezen`,
  notText: (offset: number) =>
    `een nul-byte op byte ${offset}: dit is geen tekstbestand maar een binair bestand; cj leest CSV, XLSX en SAV. Sla de antwoorden op als CSV (UTF-8), Excel-werkmap (.xlsx) of SPSS-bestand (.sav)`,
  tooManyColumns: (count: number, limit: number) =>
    `de kopregel heeft ${count} kolommen; cj leest er ten hoogste ${limit} (zoveel als Excel kent)`,
  headerTooFar: (limit: number) =>
    `meer dan ${limit} tekens aan lege regels vóór de kopregel; verwacht de kopregel bovenaan het bestand`,
  lineTooLong: (line: number, limit: number) =>
    `regel ${line} is langer dan ${limit} tekens zonder regeleinde; een regel van een antwoordbestand is veel korter (is dit een CSV-bestand?)`,
  quotedTooLong: (line: number, limit: number) =>
    `een veld tussen aanhalingstekens dat op of na regel ${line} begint, is na ${limit} tekens nog niet gesloten; een " in een veld schrijft u als ""`,
  columnsAbsent: (names: readonly string[]) => `kolommen uit de vragenlijst die het bestand niet heeft: ${names.join(', ')}`,
  shortRecords: (count: number) => `${count} ${count === 1 ? 'regel heeft' : 'regels hebben'} minder velden dan de kopregel; ontbrekende velden zijn gelezen als leeg`,
  smallCell: (group: string, smallest: number, minCell: number) =>
    `${group}: een aantal van ${smallest} (kleiner dan ${minCell}) kan een persoon herkenbaar maken; publiceer deze uitsplitsing niet zonder afweging`,
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
  initDrafted: (dir: string, files: readonly string[], guesses: number) =>
    `geschreven in ${dir}: ${files.join(', ')}. survey.json is een concept met ${guesses} ${guesses === 1 ? 'gok' : 'gokken'} in "todo": bevestig ze, haal "todo" weg en controleer met cj survey check`,
  figure: 'Figuur',
  respondentsAxis: 'aantal respondenten',
  page: {
    htmlLang: 'nl',
    counts: 'aantal',
    percentage: 'percentage',
    bar: 'onderdeel',
    total: 'n',
    tableCaption: (figureId: string) => `Aantallen en percentages bij figuur ${figureId}`,
    gradeMean: 'gemiddeld',
    gradeMedian: 'mediaan',
    gradeSd: 'standaardafwijking',
    gradeRange: 'laagste – hoogste',
    mark: 'cijfer',
    marksGiven: 'keer gegeven',
    figureColumn: 'figuur',
    inputTitle: 'Gelezen bestand',
    warningsTitle: 'Let op',
    rule: 'regel',
    respondentsLeftOutOfFigures: 'Niet meegeteld in deze figuur',
    respondent: 'respondent',
    respondents: 'respondenten',
    withdrawnConsent: 'toestemming ingetrokken',
    onlyNotApplicable: 'alleen n.v.t.',
    noAnswer: 'geen antwoord',
    generatedBy: (version: string) => `Gemaakt met cj ${version}.`,
  },
  /** The publication page (rapport.html), the Word document and the print layout. */
  report: {
    publicationNote: 'De versie om te publiceren, zonder respondentcodes en meldingen, staat in rapport.html.',
    roundingNote: 'Percentages zijn afgerond zodat ze per balk optellen tot 100; gelijke aantallen kunnen daardoor 1 procentpunt verschillen.',
    maskedCell: (below: number) => `<${below}`,
    maskedNote: (below: number) => `Aantallen kleiner dan ${below} zijn niet getoond (<${below}), zodat niemand herkenbaar is.`,
    methodTitle: 'Werkwijze',
    method: (respondents: number, tracksApart: readonly string[]) =>
      [
        `De figuren tellen per onderdeel de antwoorden van ${respondents} respondenten. Een leeg antwoord telt niet mee, n.v.t. alleen waar de legenda het toont.`,
        'Wie de toestemming introk, telt mee tot en met de laatste stap waarvoor de toestemming gold.',
        tracksApart.length === 0 ? '' : `Apart gerapporteerd: ${tracksApart.join(', ')}; een figuur telt hen alleen mee waar de voetnoot dat zegt.`,
        'Percentages zijn hele getallen die per balk optellen tot 100 (methode van de grootste resten). Bij kleine aantallen zegt een aantal meer dan een percentage.',
        'Het rapportcijfer is het gemiddelde van de gegeven cijfers (1 tot 10), met één decimaal.',
      ].filter((sentence) => sentence !== ''),
    pageNumber: 'pagina',
    pageOf: 'van',
    figureAlt: (figure: string, title: string, rows: readonly string[]) => `${figure}: ${title}. ${rows.join('; ')}.`,
    badDpi: (value: string, min: number, max: number) => `--dpi: verwacht een heel getal van ${min} tot en met ${max}, niet "${value}"`,
  },
  missing: 'leeg',
  grade: 'Rapportcijfer',
  gradeLine: (display: string, n: number, median: string, sd: string) => `gemiddeld ${display} (n=${n}, mediaan ${median}, sd ${sd})`,
  noGrades: 'geen cijfers',
  youthTitle: (label: string, n: number) => `Apart gerapporteerd: ${label} (N=${n})`,
  marks: 'cijfers',
  leftOutTitle: 'Weggelaten',
  leadTimes: {
    title: (track: string) => `Doorlooptijden in kalenderdagen: ${track}`,
    apartTitle: (track: string) => `Doorlooptijden in kalenderdagen, apart gerapporteerd: ${track}`,
    segment: 'traject',
    n: 'n',
    mean: 'gemiddeld',
    median: 'mediaan',
    p90: 'p90',
    max: 'max',
    withinTerm: 'binnen wettelijke termijn',
    noTerm: 'geen termijn',
    none: '–',
    share: (percent: string, lower: string, upper: string, count: number, n: number) => `${percent}% (${count} van ${n}; 95%: ${lower}–${upper}%)`,
    notCounted: (missing: number, withdrawn: number) =>
      [missing > 0 ? `${missing} zonder beide datums` : '', withdrawn > 0 ? `${withdrawn} toestemming ingetrokken` : ''].filter((part) => part !== '').join(', '),
    note: 'Kalenderdagen van de ene datum tot de andere (weekenden en feestdagen tellen mee, zoals bij de wettelijke termijn). p90: 90e percentiel volgens R quantile type 7. Interval: 95% Wilson.',
    days: (n: string) => `${n} dagen`,
    term: (days: number) => `wettelijke termijn ${days} dagen`,
    caption: (track: string) => `Doorlooptijden in kalenderdagen, ${track}`,
    axis: 'kalenderdagen',
    legend: 'Elke stip is een respondent (grotere stip: meer respondenten met hetzelfde aantal dagen); streep: mediaan; rode lijn: wettelijke termijn.',
  },
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
  validSheet: (file: string, n: number, byTrack: string, sheet: string) => `${file}: geldig: ${n} respondenten (${byTrack}); werkblad ${JSON.stringify(sheet)}`,
  validSav: (file: string, n: number, byTrack: string, encoding: string) => `${file}: geldig: ${n} respondenten (${byTrack}); SPSS-bestand, ${encoding}`,
  wouldChange: (file: string) => `zou veranderen: ${file}`,
  checkClean: (dir: string) => `${dir} is bij: niets zou veranderen`,
  checkChanged: (count: number) => `${count} ${count === 1 ? 'bestand zou' : 'bestanden zouden'} veranderen; draai cj analyse zonder --check om ze bij te werken`,
  written: (dir: string) => `resultaten geschreven in ${dir}`,
  warning: 'waarschuwing',
  notice: 'let op',
  error: 'fout',
  internalError: 'interne fout, meld dit alstublieft',

  // cj diff
  diffNotJson: (file: string, reason: string) =>
    `${file}: geen geldige JSON (${reason}); verwacht een results.json van cj analyse of een responsbestand`,
  diffNotResults: (file: string, path: string, expected: string) =>
    `${file}: geen results.json van cj analyse: veld "${path}": verwacht ${expected}`,
  diffExpected: (kind: string, detail: string): string =>
    ({
      object: 'een object',
      array: 'een lijst',
      string: 'tekst',
      boolean: 'true of false',
      count: 'een heel getal ≥ 0',
      number: 'een getal',
      categories: 'minstens twee antwoordcategorieën',
      sum: `de som van de aantallen (${detail})`,
      present: 'dit veld',
      atMost: `een heel getal ≤ ${detail} (meer vergelijkt cj diff niet)`,
      atMostItems: `niet meer dan ${detail} (tekens, elementen of velden)`,
      atLeast: `een getal ≥ ${detail}`,
      numberAtMost: `een getal ≤ ${detail}`,
      colour: 'een kleur als #rrggbb',
      sha256: 'een SHA-256 in 64 hexadecimale tekens',
      key: 'een sleutel van kleine letters, cijfers en _ (geen gereserveerde naam zoals __proto__ of constructor)',
      unique: `een waarde die maar één keer voorkomt ("${detail}" komt twee keer voor)`,
    })[kind] ?? kind,
  diffResultsTooLarge: (file: string, maxBytes: number) =>
    `${file}: groter dan ${maxBytes} bytes; een results.json van cj analyse is veel kleiner (controleer of dit het goede bestand is)`,
  diffSchemaVersion: (file: string, found: string, expected: number) =>
    `${file}: schemaVersion ${found}; deze cj vergelijkt results.json met schemaVersion ${expected}. Tel het responsbestand opnieuw met cj analyse`,
  diffBadAlpha: (value: string) => `--alpha: verwacht een getal groter dan 0 en kleiner dan 1, niet "${value}"`,
  diffBadSeed: (value: string) => `--seed: verwacht een heel getal ≥ 0, niet "${value}"`,
  diffHeading: (a: string, b: string) => `Vergelijking van ${a} (a) met ${b} (b)`,
  diffCohort: (side: string, label: string, source: string, respondents: number) => `${side}  ${label}: ${source}, ${respondents} respondenten`,
  diffSourceCsv: (file: string) => `responsbestand ${file}`,
  diffSourceResults: (file: string, countedFrom: string) => `${file}, geteld uit ${countedFrom}`,
  diffChange: 'verschil',
  diffInterval: '95%-BI',
  diffRange: (lower: string, upper: string) => `${lower} tot ${upper}`,
  diffMethod: (method: string, tables: number, standardError = '') =>
    method === 'exact' ? `exact, ${tables} tabellen` : method === 'monte-carlo' ? `Monte-Carlo, ${tables} trekkingen, standaardfout ${standardError}` : 'chi-kwadraat',
  diffPAdjusted: (p: string, pAdjusted: string) => `${p}, na Holm ${pAdjusted}`,
  diffOrdinalMethod: (method: string, draws = 0, standardError = ''): string =>
    method === 'exact' ? 'exact' : `Monte-Carlo, ${draws} trekkingen, standaardfout ${standardError}`,
  diffNoOrdinal: 'Mann-Whitney niet uitgevoerd: in een van beide alleen n.v.t.',
  diffTestRan: (test: string, method: string, standardError: string): string =>
    `${test === 'mann-whitney' ? 'Mann-Whitney' : 'Fisher-Freeman-Halton'}, ${method === 'exact' ? 'exact' : `Monte-Carlo (standaardfout ${standardError})`}`,
  diffChangedNoDirection: (label: string) => `anders verdeeld in ${label}, zonder aantoonbare richting`,
  diffOrdinalNotDeciding: (mw: string, tests: number) =>
    `${mw} wijst op een verschuiving, maar beslist niet: of een balk veranderde, beslist de Fisher-Freeman-Halton-toets na Holm-correctie voor de ${tests} toetsen waarop --fail-on-change let; Mann-Whitney geeft alleen de richting van een daar aangetoonde verandering.`,
  diffDecides: 'beslist of de balk veranderde',
  diffGivesDirection: 'geeft de richting, alleen als de balk veranderde',
  diffTestsRan: (ffhExact: number, ffhMonteCarlo: number, mwExact: number, mwMonteCarlo: number) =>
    `Uitgevoerd: Fisher-Freeman-Halton exact bij ${ffhExact} en Monte-Carlo bij ${ffhMonteCarlo} ${ffhExact + ffhMonteCarlo === 1 ? 'balk' : 'balken'}; Mann-Whitney exact bij ${mwExact} en Monte-Carlo bij ${mwMonteCarlo}. Monte-Carlo: een geseede schatting van de exacte p, met standaardfout hoogstens alpha/20.`,
  diffWelch: (lower: string, upper: string, p: string) => `Welch-toets: 95%-BI ${lower} tot ${upper}, ${p}`,
  diffPermutationSkipped: (reason: string) =>
    `exacte permutatietoets overgeslagen: ${reason === 'marks-not-half-steps' ? 'niet alle cijfers zijn hele of halve getallen' : 'te veel cijfers voor de exacte toets'}`,
  diffTestName: (test: string): string => (test === 'permutation' ? 'exacte permutatietoets' : 'Welch-toets'),
  diffGradeMeans: (a: string, b: string, difference: string) => `gemiddeld ${a} → ${b} (${difference})`,
  diffNotComparedTitle: 'Niet vergeleken',
  diffConclusionTitle: 'Conclusie',
  surveyLeadTime: (id: string, label: string, from: string, to: string, term: number | null) =>
    `Doorlooptijd ${id}: ${from} → ${to} "${label}"${term === null ? '' : `, wettelijke termijn ${term} dagen`}`,
  diffLeadTimesTitle: 'Doorlooptijden in kalenderdagen (mediaan)',
  diffLeadTime: (label: string, a: string, b: string, difference: string, nA: number, nB: number) =>
    `${label}: mediaan ${a} → ${b} dagen (${difference}); n = ${nA}, ${nB}`,
  diffLeadTimeInterval: (lower: string, upper: string) => `95%-BI van het verschil in medianen ${lower} tot ${upper} dagen (exacte bootstrap)`,
  diffLeadTimeNoInterval: 'geen interval: te veel verschillende aantallen dagen voor een exacte bootstrap',
  diffLeadTimeChange: (direction: string, label: string) =>
    direction === 'better' ? `korter in ${label}` : direction === 'worse' ? `langer in ${label}` : `anders verdeeld in ${label}`,
  diffLeadTimesNote: 'Mann-Whitney op de dagen, Holm over de doorlooptijden apart; --fail-on-change kijkt alleen naar de beoordelingen.',
  diffTestsTitle: 'Toetsen',
  diffTestsText: (alpha: string, changeTests: number, ordinalTests: number) =>
    [
      `Verschil: b min a in procentpunten, met het 95%-betrouwbaarheidsinterval van Newcombe (hybride score).`,
      `Verdeling: Fisher-Freeman-Halton-toets van de 2×k-tabel (tweezijdig: alle tabellen die niet waarschijnlijker zijn dan de waargenomen).`,
      `Volgorde: Mann-Whitney-toets op de geordende antwoorden zonder n.v.t., middenrangen bij gelijke waarden (tweezijdig: |W − E[W]| minstens zo groot als waargenomen); Cliff's δ > 0: b beter.`,
      `Holm-correctie in twee families: de ${changeTests} toetsen van verdeling en rapportcijfer samen (deze bepalen --fail-on-change), de ${ordinalTests} Mann-Whitney-toetsen apart. Aantoonbaar: na Holm p < ${alpha}.`,
    ].join('\n'),
  diffSummary: (changed: number, compared: number) =>
    `${changed} van de ${compared} ${compared === 1 ? 'balk' : 'balken'} aantoonbaar veranderd`,
  diffNoBars: 'geen enkele balk staat in beide met antwoorden; er valt niets te vergelijken',
  diffFigureOnly: (figure: string, label: string) => `${figure} staat alleen in ${label}`,
  diffCategoriesDiffer: (figure: string) =>
    `${figure}: de antwoordcategorieën verschillen (of n.v.t. telt in de een wel en in de ander niet mee)`,
  diffBarOnly: (where: string, label: string) => `${where} staat alleen in ${label}`,
  diffColumnAbsent: (where: string, label: string) => `${where}: de kolom ontbreekt in ${label}`,
  diffNoAnswers: (where: string, label: string) => `${where}: geen antwoorden in ${label}`,
  diffGradeColumnDiffers: (a: string, b: string) => `Rapportcijfer: andere kolom (${a} en ${b})`,
  diffGradeNotTested: 'Rapportcijfer: minder dan twee cijfers in een van beide, of geen toets mogelijk',
  diffDifferentSurveys: (a: string, b: string) =>
    `de twee zijn geteld met verschillende vragenlijsten ("${a}" en "${b}"); vergeleken is alleen wat in beide staat: figuren met hetzelfde nummer, balken met dezelfde kolom`,
  diffDirection: (direction: string, label: string) =>
    direction === 'better' ? `beter beoordeeld in ${label}` : direction === 'worse' ? `slechter beoordeeld in ${label}` : `anders verdeeld in ${label}`,
  diffBarChanged: (where: string, direction: string, category: string, shareA: string, shareB: string, points: string, lower: string, upper: string, p: string) =>
    `${where}: ${direction} (${category} ${shareA} → ${shareB}, ${points} procentpunt, 95%-BI ${lower} tot ${upper}; ${p}).`,
  diffNotAfterCorrection: (where: string, p: string, pAdjusted: string, tests: number) =>
    `${where}: ${p}, maar na Holm-correctie voor ${tests} toetsen ${pAdjusted}: geen aantoonbare verandering.`,
  diffNoEvidence: (where: string, p: string) => `${where}: geen aantoonbare verandering (${p}).`,
  diffDetectable: (na: number, nb: number, points: string, category: string, power: number, alpha = '') =>
    `Met deze aantallen (${na} en ${nb}) was alleen een verandering van minstens ${points} procentpunt in '${category}' met ${power}% kans aan te tonen${alpha === '' ? '' : ` (Fisher-Freeman-Halton bij het Holm-niveau α = ${alpha}, gesimuleerd)`}.`,
  diffDetectableObserved: (na: number, nb: number, points: string, category: string) =>
    `Met deze aantallen (${na} en ${nb}) bleek zelfs de waargenomen verandering van ${points} procentpunt in '${category}' niet aantoonbaar.`,
  diffUndetectable: (na: number, nb: number, rise: boolean, category: string, power: number) =>
    `Met deze aantallen (${na} en ${nb}) was geen enkele ${rise ? 'stijging' : 'daling'} van '${category}' met ${power}% kans aan te tonen.`,
  diffGradeVerdict: (means: string, details: string, conclusion: string) => `Rapportcijfer: ${means}; ${details}: ${conclusion}.`,
  diffGradeConclusion: (verdict: string, direction: string, label: string, tests: number) =>
    verdict === 'changed'
      ? `${direction === 'worse' ? 'lager' : 'hoger'} in ${label}`
      : verdict === 'not-after-correction'
        ? `na Holm-correctie voor ${tests} toetsen geen aantoonbare verandering`
        : 'geen aantoonbare verandering',
  diffAxis: 'aandeel van de antwoorden (%)',
  diffFigureNote: (tests: number, method = 'exact') =>
    `Aantallen in de balken. p: Fisher-Freeman-Halton-toets (${method === 'exact' ? 'exact' : method === 'monte-carlo' ? 'Monte-Carlo' : 'exact; ≈: Monte-Carlo'}), na Holm-correctie voor ${tests} toetsen.`,
  diffWritten: (dir: string) => `vergelijking geschreven in ${dir}`,

  // the output folder (src/cli/output.ts)
  outputNotWritable: (path: string, errno: string) =>
    `${path}: kan niet geschreven worden (${{ EROFS: 'alleen-lezen bestandssysteem', EACCES: 'geen schrijfrechten', EPERM: 'geen schrijfrechten', ENOSPC: 'schijf vol', EDQUOT: 'quotum vol' }[errno] ?? 'systeemfout'}, ${errno})`,
  outputNotFolder: (path: string) => `${path}: is een bestand, geen map; cj schrijft zijn uitvoer in een map`,
  outputTaken: (path: string, by: string, kind: string) => `${path}: geschreven door cj ${by}; cj ${kind} vervangt het niet en schrijft niets. Geef een andere map met --out`,
  outputJournalBroken: (file: string) =>
    `${file}: het logboek van een afgebroken wissel is onleesbaar; cj maakt de wissel niet af. Kijk de map na en verwijder dit bestand daarna`,
  outputSwitchCompleted: (dir: string) => `${dir}: een eerdere run is afgebroken terwijl hij de uitvoer verving; die wissel is nu afgemaakt`,
  outputSwitchInterrupted: (dir: string) =>
    `${dir}: een eerdere run is afgebroken terwijl hij de uitvoer verving; de map bevat een half afgemaakte wissel. Draai cj zonder --check om hem af te maken`,
  wouldRemove: (file: string) => `zou verwijderd worden: ${file} (door cj geschreven, niet door deze run)`,
  trendTooFew: (count: number) => `cj trend: verwacht minstens twee golven, niet ${count}`,
  trendBadLabels: (labels: number, waves: number) => `--label: ${labels} labels voor ${waves} golven; geef er een per golf, of geen`,
  trendHeading: (labels: string) => `Trend over de golven ${labels}`,
  trendTest: (method: string, p: string, pAdjusted: string) =>
    `trend (lineair-bij-lineair, ${method === 'exact' ? 'exact' : 'Monte-Carlo'}): ${p}, na Holm ${pAdjusted}`,
  trendDirection: (direction: string): string =>
    direction === 'up' ? 'aantoonbaar beter over de golven' : direction === 'down' ? 'aantoonbaar slechter over de golven' : 'geen aantoonbare trend',
  trendNoTest: 'geen trendtoets: minder dan twee antwoordcategorieën of golven met antwoorden',
  trendGrade: (label: string, mean: string, interval: string, n: number) => `${label}: gemiddeld ${mean} ${interval} (n = ${n})`,
  trendWritten: (dir: string) => `trend geschreven in ${dir}`,
  trendLeadTime: (label: string, medians: string, n: string) => `${label}: mediaan ${medians} dagen (n = ${n})`,
  diffFigureMarks: (alpha: string) =>
    `▲ ▼ ◆ en een zwarte rand: aantoonbaar veranderd (Fisher-Freeman-Halton na Holm p < ${alpha}); ▲ beter, ▼ slechter (ook Mann-Whitney na Holm), ◆ zonder aantoonbare richting.`,
  trendFigure: {
    axis: 'aandeel (%)',
    note: (tests: number, alpha: string) =>
      `Punt: aandeel van de antwoorden per golf; streep: 95%-BI (Wilson). ▲ ▼: aantoonbare trend over de golven (lineair-bij-lineair, na Holm-correctie voor ${tests} toetsen p < ${alpha}); ▲ beter, ▼ slechter.`,
    marked: (marked: number, tests: number) => `${marked} van de ${tests} ${tests === 1 ? 'balk' : 'balken'} met een aantoonbare trend`,
    gradeTitle: 'Rapportcijfer per golf',
    gradeAxis: 'gemiddeld cijfer',
    gradeNote: 'Punt: gemiddeld cijfer; streep: 95%-BI (t-verdeling). n onder de golf.',
    leadTimesTitle: 'Doorlooptijden per golf, in kalenderdagen',
    leadTimesNote: 'Elke stip is een respondent (meer respondenten met hetzelfde aantal dagen: een grotere stip); het streepje is de mediaan.',
  },
  resultsPage: {
    diffTitle: (a: string, b: string) => `Vergelijking ${a} → ${b}`,
    trendTitle: (labels: string) => `Trend over de golven ${labels}`,
    inputs: 'Gelezen bestanden',
    wave: 'golf',
    test: 'toets',
    conclusion: 'conclusie',
    median: 'mediaan (dagen)',
  },

  // Breakdowns, satisfaction, populations and cj merge (issue 14).
  byColumnMissing: (column: string) => `kolom "${column}" om naar te splitsen (--by of "by") staat niet in het bestand`,
  tooManyGroups: (column: string, max: number) => `kolom "${column}" heeft meer dan ${max} verschillende waarden: dat is geen indeling in groepen`,
  emptyGroup: '(leeg)',
  total: 'Totaal',
  breakdownHeading: (label: string) => `Naar ${label.toLowerCase()}`,
  noGroupDifferences: (plural: string, tested: number, alpha: string) =>
    `Geen aantoonbare verschillen tussen ${plural} (Fisher-Freeman-Halton per stelling, ${tested} getoetst, Holm, α = ${alpha}).`,
  groupDifferences: (plural: string, labels: readonly string[], tested: number, alpha: string) =>
    `Aantoonbaar verschil tussen ${plural} bij ${labels.map((label) => `"${label}"`).join(', ')} (Fisher-Freeman-Halton per stelling, ${tested} getoetst, Holm, α = ${alpha}).`,
  noGroupTest: (plural: string) => `Geen toets tussen ${plural}: minder dan twee groepen met antwoorden.`,
  satisfiedHeading: 'tevreden',
  previousFromDefinition: 'volgens de vragenlijstdefinitie',
  percentAxis: 'percentage van de antwoorden',
  maskedLabel: 'gemaskeerd',
  satisfiedCaption: 'Aandeel tevreden (95%-betrouwbaarheidsinterval)',
  maskedNote: (minCell: number) => `Gemaskeerd: aantallen onder ${minCell} en wat ze door aftrekken zou prijsgeven.`,
  responseHeading: 'respons, foutmarge',
  satisfactionRange: (low: string, high: string) => `Per stelling ligt de tevredenheid tussen ${low} en ${high}.`,
  satisfactionOne: (share: string) => `De tevredenheid is ${share}.`,
  satisfactionIntervals: (low: string, high: string) => `(95%-betrouwbaarheidsintervallen samen: ${low} tot ${high})`,
  responseRate: (label: string, n: number, population: number, rate: string, margin: string, kind: 'invited' | 'register') =>
    `${label}: ${n} van ${population} ${kind === 'invited' ? 'uitgenodigden' : 'ingeschrevenen'}, respons ${rate}, foutmarge ±${margin}`,
  previousResponse: (now: string, before: string, source: string) => `Respons ${now} tegen ${before} vorig jaar (${source}).`,
  previousResponseDifference: (points: string, lower: string, upper: string) => `verschil ${points} procentpunt (95%: ${lower} tot ${upper})`,
  groupTooSmall: (label: string, n: number, margin: string, max: string, needed: number) =>
    `${label}: met ${n} respondenten is de foutmarge ±${margin}, ruimer dan ±${max}: te klein voor een uitspraak over deze groep alleen (nodig: ${needed})`,
  previousNotComparable: (file: string) => `${file}: geen populatie in deze resultaten; de respons van vorig jaar is niet te berekenen`,
  mergeDifferentDefinition: (file: string, first: string) => `${file}: een andere vragenlijstdefinitie dan ${first}; alleen resultaten van één definitie worden opgeteld`,
  mergeOverlap: (a: string, b: string, shared: number) =>
    `${a} en ${b} tellen ${shared === 1 ? 'een respondent' : `minstens ${shared} respondenten`} allebei; resultaten met dezelfde respondenten worden niet opgeteld`,
  mergeNotResults: (file: string) => `${file}: geen results.json van cj analyse (schemaVersion, figures en fingerprint ontbreken)`,
  mergeNoFingerprint: (file: string) => `${file}: zonder vingerafdruk van de respondenten (gemaakt door een oudere cj); analyseer het bestand opnieuw`,
  mergeDifferentBreakdown: (file: string) => `${file}: andere uitsplitsingen (--by) dan het eerste bestand`,
  mergeSampled: 'de controle op dubbele respondenten zag een steekproef van de hashes (meer dan 2048 respondenten): een kleine overlap kan gemist zijn',
  mergedFrom: (count: number) => `${count} resultaten opgeteld`,
  mergeTooFew: (count: number) => `cj merge telt twee of meer results.json op; ${count === 0 ? 'geen' : 'één'} gegeven`,
  smallCellBreakdown: (label: string, smallest: number, minCell: number) =>
    `${label}: een aantal van ${smallest} (onder ${minCell}) in de uitsplitsing kan iemand herkenbaar maken; --suppress maskeert het`,
  suppressed: (count: number) => `${count} ${count === 1 ? 'aantal' : 'aantallen'} gemaskeerd (--suppress); results.json houdt ze en zegt welke`,
};

type Messages = typeof nl;

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
  duplicateColumn: (name) => `column ${quote(name, '(not shown)')} appears twice in the header`,
  sameColumnTwice: (first, second, column) =>
    `columns ${quote(first, '(not shown)')} and ${quote(second, '(not shown)')} both stand for column ${column}; keep one`,
  personalDataColumn: (name, keyword) =>
    `column ${quote(name, '(not shown)')} looks like personal data ("${keyword}"); send the file anonymised, or pass --allow-column ${quote(name, '(not shown)')} if you are sure it holds none`,
  missingColumn: (name, found, like = null) =>
    like === null
      ? `required column "${name}" is missing; columns found: ${quoteList(found, '(not shown)', (n) => ` and ${n} more`)}`
      : `required column "${name}" is missing; column ${quote(like, '(not shown)')} looks like "${name}": rename that column`,
  missingDefinedColumn: (name, like) =>
    like === null
      ? `column "${name}" of the definition is missing from the file; add it, give the name the file uses in the definition ("aliases"), or mark it as not required ("optional": true)`
      : `column "${name}" of the definition is missing from the file; column ${quote(like, '(not shown)')} looks like "${name}": rename that column or list its name in the definition's "aliases"`,
  lookAlikeColumn: (like, name) =>
    `column ${quote(like, '(not shown)')} looks like "${name}", a column of the definition the file lacks: rename that column or list its name in the definition's "aliases"`,
  noHeader: (cells, required) =>
    `no header row: this line (${cells} ${cells === 1 ? 'field' : 'fields'}) names none of the required columns ${required.join(', ')}; expected the column names on the first line`,
  personalDataHeader: (kind) => `column name looks like personal data (${personalDataNames.en[kind]}); the name is not shown. Send the file anonymised`,
  tooManyFields: (got, expected) => `${got} fields, the header has ${expected}`,
  personalDataCell: (kind) =>
    `cell looks like personal data (${personalDataNames.en[kind]}); the value is not shown. Send the file anonymised`,
  missingRespondent: () => 'empty respondent code; expected an anonymised code, unique in the file',
  duplicateRespondent: (code, firstLine) => `respondent ${quote(code, '(not shown)')} appears earlier in the file already (first at ${firstLine}); each code must be unique`,
  badValue: (value, accepted) => `unknown value ${quote(value, '(not shown: looks like personal data)')}; expected one of: ${accepted}`,
  badGrade: (value, min, max) => `mark ${quote(value, '(not shown)')} is not a number from ${min} to ${max} (decimal point or comma)`,
  badDate: (value) => `date ${quote(value, '(not shown)')}; expected 2016-03-14 or 14-03-2016`,
  dateBeforeEarlierStep: (date, earlierColumn, earlierDate) =>
    `date ${date} is before ${earlierColumn} (${earlierDate}); expected ${earlierDate} or later, the steps follow each other`,
  badOption: (option, value) => `${option}: expected a whole number ≥ 1, got "${value}"`,
  usageUnknownOption: (option) => `unknown option ${option}`,
  usageUnknownCommand: (command) => `unknown command ${command}`,
  usageMissingArgument: (argument) => `missing argument <${argument}>`,
  usageOptionMissingValue: (option) => `${option} is missing its value`,
  usageBadChoice: (option, value, allowed) => `${option}: "${value}" is not allowed; choose from ${allowed}`,
  usageTooManyArguments: (command) => `too many arguments for cj ${command}`,
  usageOther: (message) => `the command line is not right: ${message}`,
  usageHint: (command) => `(see ${command} --help)`,
  longConflict: (code, column, firstLine) => `respondent ${quote(code, '(not shown)')} has another ${column} here than on line ${firstLine}`,
  longDuplicate: (code, column, firstLine) => `respondent ${quote(code, '(not shown)')} answered ${showInput(column) ?? '(not shown)'} already on line ${firstLine}`,
  tooManyFaults: (limit) => `more than ${limit} faults; the rest of the file was not checked`,
  definitionFault: (file, path, what) => `${file}: ${path}: ${what}`,
  definitionNotJson: (file, detail) => `${file}: not valid JSON (${detail})`,
  definitionDuplicate: (kind, value) => `${thingNames.en[kind]} "${value}" appears twice`,
  definitionUnknown: (kind, value) => `unknown ${thingNames.en[kind]} "${value}"`,
  definitionGradeRange: () => 'min must be less than max',
  definitionLeadTimeOrder: (from, to) => `step "${to}" must come after step "${from}" in /steps`,
  schemaRule: enSchemaRule,
  definitionTodo: (todo) =>
    `${todo.length} ${todo.length === 1 ? 'guess' : 'guesses'} still to confirm (${todo.map((item) => JSON.stringify(item)).join('; ')}); check them and remove "todo"`,
  definitionReserved: (column, usedBy) => `column "${column}" is taken already (${usedBy}); choose another name`,
  definitionAliasTaken: (alias, column) => `the name "${alias}" already stands for column ${column}; a name can name one column only`,
  definitionTooLarge: (file, maxBytes) => `${file}: larger than ${maxBytes} bytes; a survey definition is a small JSON file (check that this is the right file)`,
  definitionReservedName: (name) => `"${name}" is a reserved name (a property of every JavaScript object); choose another`,
  definitionControlCharacter: () =>
    'holds a control character (such as ESC, a tab or a line break) or a character that reverses the writing direction; expected plain text',
  untranslated: (lang, texts) => `no translation (${lang}) for: ${texts.map((t) => JSON.stringify(t)).join(', ')}`,
  faultCount: (count, file) => `${count} ${count === 1 ? 'fault' : 'faults'} in ${file}; nothing was written`,

  unsupportedFormat: (file, kind) => `${file}: ${formatNames.en[kind]}; cj reads CSV, XLSX and SAV. ${saveAs.en[kind]}`,
  unreadableFormat: (file, format) => `${file}: damaged or incomplete ${format} file; open it in ${format === 'XLSX' ? 'Excel' : 'SPSS or PSPP'} and save it again`,
  formatTooLarge: (file, what, limit) => `${file}: ${what} is larger than ${limit}; save the data as CSV (UTF-8)`,
  noSuchSheet: (sheet, sheets) => `--sheet ${sheet}: no sheet of that name or number; the workbook has: ${sheets.map((name, index) => `${index + 1} "${name}"`).join(', ')}`,
  unlabelledCode: (code) => `code ${code ?? '(not shown: looks like personal data)'} has no value label; label the code or declare it missing (MISSING VALUES)`,
  locationRow: 'row',
  locationCase: 'case',
  locationColumn: 'column',
  locationLine: 'line',
  locationVariable: 'variable',

  readAsWindows1252: (file) => `${file} is not valid UTF-8 and was read as Windows-1252`,
  columnsIgnored: (names) => `columns the survey does not know, passed over: ${quoteList(names, '(not shown)', (n) => ` and ${n} more`)}`,
  readAsUtf16: (file, encoding) => `${file} has no byte-order mark but is ${encoding} (every other byte zero) and was read as such`,
  notText: (offset) =>
    `a zero byte at byte ${offset}: this is not a text file but a binary one; cj reads CSV, XLSX and SAV. Save the answers as CSV (UTF-8), an Excel workbook (.xlsx) or an SPSS file (.sav)`,
  tooManyColumns: (count, limit) => `the header has ${count} columns; cj reads at most ${limit} (as many as Excel has)`,
  headerTooFar: (limit) => `more than ${limit} characters of blank lines before the header row; expected the header at the top of the file`,
  lineTooLong: (line, limit) => `line ${line} is longer than ${limit} characters without a line end; a line of a response file is far shorter (is this a CSV file?)`,
  quotedTooLong: (line, limit) => `a quoted field that starts on or after line ${line} is still not closed after ${limit} characters; write a " inside a field as ""`,
  columnsAbsent: (names) => `survey columns the file does not have: ${names.join(', ')}`,
  shortRecords: (count) => `${count} ${count === 1 ? 'row has' : 'rows have'} fewer fields than the header; the missing fields were read as empty`,
  smallCell: (group, smallest, minCell) => `${group}: a count of ${smallest} (below ${minCell}) may single out a person; think before publishing this breakdown`,
  columnsAllowed: (names) => `columns allowed with --allow-column: ${names.join(', ')}`,

  surveyTracks: 'Tracks',
  surveySteps: 'Steps (in journey order)',
  surveyScale: 'Scale',
  surveyNotApplicableShown: 'n/a shown and counted',
  surveyNotApplicableLeftOut: 'n/a left out of N',
  surveyValid: (file, name, figures, columns) => `${file}: valid: "${name}", ${figures} figures, ${columns} rating columns`,
  fileExists: (file) => `${file} exists already; use --force to overwrite it`,
  initDone: (dir, files) => `written to ${dir}: ${files.join(', ')}. Edit survey.json, check it with cj survey check, fill in responses.csv`,
  initDrafted: (dir, files, guesses) =>
    `written to ${dir}: ${files.join(', ')}. survey.json is a draft with ${guesses} ${guesses === 1 ? 'guess' : 'guesses'} in "todo": confirm them, remove "todo" and check with cj survey check`,
  figure: 'Figure',
  respondentsAxis: 'number of respondents',
  page: {
    htmlLang: 'en',
    counts: 'count',
    percentage: 'percentage',
    bar: 'item',
    total: 'n',
    tableCaption: (figureId) => `Counts and percentages of figure ${figureId}`,
    gradeMean: 'mean',
    gradeMedian: 'median',
    gradeSd: 'standard deviation',
    gradeRange: 'lowest – highest',
    mark: 'mark',
    marksGiven: 'times given',
    figureColumn: 'figure',
    inputTitle: 'File read',
    warningsTitle: 'Notices',
    rule: 'rule',
    respondentsLeftOutOfFigures: 'Not counted in this figure',
    respondent: 'respondent',
    respondents: 'respondents',
    withdrawnConsent: 'consent withdrawn',
    onlyNotApplicable: 'only n/a',
    noAnswer: 'no answer',
    generatedBy: (version) => `Made with cj ${version}.`,
  },
  report: {
    publicationNote: 'The version to publish, without respondent codes and notices, is rapport.html.',
    roundingNote: 'Percentages are rounded to add up to 100 per bar; equal counts may therefore differ by 1 percentage point.',
    maskedCell: (below) => `<${below}`,
    maskedNote: (below) => `Counts below ${below} are not shown (<${below}), so that no one can be recognised.`,
    methodTitle: 'Method',
    method: (respondents, tracksApart) =>
      [
        `The figures count the answers of ${respondents} respondents per item. An empty answer is not counted, n/a only where the legend shows it.`,
        'Respondents who withdrew their consent are counted up to and including the last step their consent covered.',
        tracksApart.length === 0 ? '' : `Reported apart: ${tracksApart.join(', ')}; a figure counts them only where its footnote says so.`,
        'Percentages are whole numbers adding up to 100 per bar (largest remainder method). With small numbers a count says more than a percentage.',
        'The overall mark is the mean of the marks given (1 to 10), with one decimal.',
      ].filter((sentence) => sentence !== ''),
    pageNumber: 'page',
    pageOf: 'of',
    figureAlt: (figure, title, rows) => `${figure}: ${title}. ${rows.join('; ')}.`,
    badDpi: (value, min, max) => `--dpi: expected a whole number from ${min} to ${max}, got "${value}"`,
  },
  missing: 'empty',
  grade: 'Overall mark',
  gradeLine: (display, n, median, sd) => `mean ${display} (n=${n}, median ${median}, sd ${sd})`,
  noGrades: 'no marks',
  youthTitle: (label, n) => `Reported apart: ${label} (N=${n})`,
  marks: 'marks',
  leftOutTitle: 'Left out',
  leadTimes: {
    title: (track) => `Lead times in calendar days: ${track}`,
    apartTitle: (track) => `Lead times in calendar days, reported apart: ${track}`,
    segment: 'segment',
    n: 'n',
    mean: 'mean',
    median: 'median',
    p90: 'p90',
    max: 'max',
    withinTerm: 'within the legal term',
    noTerm: 'no term',
    none: '–',
    share: (percent, lower, upper, count, n) => `${percent}% (${count} of ${n}; 95%: ${lower}–${upper}%)`,
    notCounted: (missing, withdrawn) =>
      [missing > 0 ? `${missing} without both dates` : '', withdrawn > 0 ? `${withdrawn} consent withdrawn` : ''].filter((part) => part !== '').join(', '),
    note: 'Calendar days from one date to the other (weekends and holidays count, as for the legal term). p90: 90th percentile by R quantile type 7. Interval: 95% Wilson.',
    days: (n) => `${n} days`,
    term: (days) => `legal term ${days} days`,
    caption: (track) => `Lead times in calendar days, ${track}`,
    axis: 'calendar days',
    legend: 'Each dot is a respondent (a larger dot: more respondents with the same number of days); bar: median; red line: legal term.',
  },
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
  validSheet: (file, n, byTrack, sheet) => `${file}: valid: ${n} respondents (${byTrack}); sheet ${JSON.stringify(sheet)}`,
  validSav: (file, n, byTrack, encoding) => `${file}: valid: ${n} respondents (${byTrack}); SPSS file, ${encoding}`,
  wouldChange: (file) => `would change: ${file}`,
  checkClean: (dir) => `${dir} is up to date: nothing would change`,
  checkChanged: (count) => `${count} ${count === 1 ? 'file' : 'files'} would change; run cj analyse without --check to update them`,
  written: (dir) => `results written to ${dir}`,
  warning: 'warning',
  notice: 'notice',
  error: 'error',
  internalError: 'internal error, please report',

  diffNotJson: (file, reason) => `${file}: not valid JSON (${reason}); expected a results.json of cj analyse or a response file`,
  diffNotResults: (file, path, expected) => `${file}: not a results.json of cj analyse: field "${path}": expected ${expected}`,
  diffExpected: (kind, detail) =>
    ({
      object: 'an object',
      array: 'a list',
      string: 'text',
      boolean: 'true or false',
      count: 'a whole number ≥ 0',
      number: 'a number',
      categories: 'at least two answer categories',
      sum: `the sum of the counts (${detail})`,
      present: 'this field',
      atMost: `a whole number ≤ ${detail} (cj diff compares no more)`,
      atMostItems: `no more than ${detail} (characters, items or fields)`,
      atLeast: `a number ≥ ${detail}`,
      numberAtMost: `a number ≤ ${detail}`,
      colour: 'a colour as #rrggbb',
      sha256: 'a SHA-256 as 64 hexadecimal digits',
      key: 'a key of lower-case letters, digits and _ (not a reserved name such as __proto__ or constructor)',
      unique: `a value that occurs once ("${detail}" occurs twice)`,
    })[kind] ?? kind,
  diffResultsTooLarge: (file, maxBytes) => `${file}: larger than ${maxBytes} bytes; a results.json of cj analyse is far smaller (check that this is the right file)`,
  diffSchemaVersion: (file, found, expected) =>
    `${file}: schemaVersion ${found}; this cj compares results.json with schemaVersion ${expected}. Count the response file again with cj analyse`,
  diffBadAlpha: (value) => `--alpha: expected a number above 0 and below 1, got "${value}"`,
  diffBadSeed: (value) => `--seed: expected a whole number ≥ 0, got "${value}"`,
  diffHeading: (a, b) => `Comparing ${a} (a) with ${b} (b)`,
  diffCohort: (side, label, source, respondents) => `${side}  ${label}: ${source}, ${respondents} respondents`,
  diffSourceCsv: (file) => `response file ${file}`,
  diffSourceResults: (file, countedFrom) => `${file}, counted from ${countedFrom}`,
  diffChange: 'change',
  diffInterval: '95% CI',
  diffRange: (lower, upper) => `${lower} to ${upper}`,
  diffMethod: (method, tables, standardError = '') =>
    method === 'exact' ? `exact, ${tables} tables` : method === 'monte-carlo' ? `Monte Carlo, ${tables} draws, standard error ${standardError}` : 'chi-square',
  diffPAdjusted: (p, pAdjusted) => `${p}, Holm-adjusted ${pAdjusted}`,
  diffOrdinalMethod: (method, draws = 0, standardError = '') =>
    method === 'exact' ? 'exact' : `Monte Carlo, ${draws} draws, standard error ${standardError}`,
  diffNoOrdinal: 'Mann-Whitney not run: only n/a in one of the two',
  diffTestRan: (test, method, standardError) =>
    `${test === 'mann-whitney' ? 'Mann-Whitney' : 'Fisher-Freeman-Halton'}, ${method === 'exact' ? 'exact' : `Monte Carlo (standard error ${standardError})`}`,
  diffChangedNoDirection: (label) => `distributed differently in ${label}, without a demonstrable direction`,
  diffOrdinalNotDeciding: (mw, tests) =>
    `${mw} points to a shift, but does not decide: whether a bar changed is decided by the Fisher-Freeman-Halton test after Holm's correction for the ${tests} tests that --fail-on-change acts on; Mann-Whitney only gives the direction of a change shown there.`,
  diffDecides: 'decides whether the bar changed',
  diffGivesDirection: 'gives the direction, only if the bar changed',
  diffTestsRan: (ffhExact, ffhMonteCarlo, mwExact, mwMonteCarlo) =>
    `Ran: Fisher-Freeman-Halton exact for ${ffhExact} and Monte Carlo for ${ffhMonteCarlo} ${ffhExact + ffhMonteCarlo === 1 ? 'bar' : 'bars'}; Mann-Whitney exact for ${mwExact} and Monte Carlo for ${mwMonteCarlo}. Monte Carlo: a seeded estimate of the exact p, its standard error at most alpha/20.`,
  diffWelch: (lower, upper, p) => `Welch's test: 95% CI ${lower} to ${upper}, ${p}`,
  diffPermutationSkipped: (reason) =>
    `exact permutation test skipped: ${reason === 'marks-not-half-steps' ? 'not every mark is a whole or half number' : 'too many marks for the exact test'}`,
  diffTestName: (test) => (test === 'permutation' ? 'exact permutation test' : "Welch's test"),
  diffGradeMeans: (a, b, difference) => `mean ${a} → ${b} (${difference})`,
  diffNotComparedTitle: 'Not compared',
  diffConclusionTitle: 'Conclusion',
  surveyLeadTime: (id, label, from, to, term) => `Lead time ${id}: ${from} → ${to} "${label}"${term === null ? '' : `, legal term ${term} days`}`,
  diffLeadTimesTitle: 'Lead times in calendar days (median)',
  diffLeadTime: (label, a, b, difference, nA, nB) => `${label}: median ${a} → ${b} days (${difference}); n = ${nA}, ${nB}`,
  diffLeadTimeInterval: (lower, upper) => `95% CI of the difference in medians ${lower} to ${upper} days (exact bootstrap)`,
  diffLeadTimeNoInterval: 'no interval: too many distinct numbers of days for an exact bootstrap',
  diffLeadTimeChange: (direction, label) =>
    direction === 'better' ? `shorter in ${label}` : direction === 'worse' ? `longer in ${label}` : `distributed differently in ${label}`,
  diffLeadTimesNote: 'Mann-Whitney on the days, Holm over the lead times apart; --fail-on-change looks at the ratings only.',
  diffTestsTitle: 'Tests',
  diffTestsText: (alpha, changeTests, ordinalTests) =>
    [
      `Change: b minus a in percentage points, with Newcombe's 95% hybrid score interval.`,
      `Distribution: Fisher-Freeman-Halton test of the 2×k table (two-sided: every table no more probable than the one observed).`,
      `Order: Mann-Whitney test on the ordered answers without n/a, midranks for ties (two-sided: |W − E[W]| at least as large as observed); Cliff's δ > 0: b better.`,
      `Holm's correction in two families: the ${changeTests} tests of distribution and mark together (these decide --fail-on-change), the ${ordinalTests} Mann-Whitney tests apart. Demonstrable: Holm-adjusted p < ${alpha}.`,
    ].join('\n'),
  diffSummary: (changed, compared) => `${changed} of ${compared} ${compared === 1 ? 'bar' : 'bars'} changed demonstrably`,
  diffNoBars: 'no bar has answers in both; there is nothing to compare',
  diffFigureOnly: (figure, label) => `${figure} is only in ${label}`,
  diffCategoriesDiffer: (figure) => `${figure}: the answer categories differ (or n/a counts in one and not in the other)`,
  diffBarOnly: (where, label) => `${where} is only in ${label}`,
  diffColumnAbsent: (where, label) => `${where}: the column is missing in ${label}`,
  diffNoAnswers: (where, label) => `${where}: no answers in ${label}`,
  diffGradeColumnDiffers: (a, b) => `Overall mark: different columns (${a} and ${b})`,
  diffGradeNotTested: 'Overall mark: fewer than two marks in one of the two, or no test applies',
  diffDifferentSurveys: (a, b) =>
    `the two were counted with different survey definitions ("${a}" and "${b}"); only what both have is compared: figures with the same number, bars with the same column`,
  diffDirection: (direction, label) =>
    direction === 'better' ? `rated better in ${label}` : direction === 'worse' ? `rated worse in ${label}` : `distributed differently in ${label}`,
  diffBarChanged: (where, direction, category, shareA, shareB, points, lower, upper, p) =>
    `${where}: ${direction} (${category} ${shareA} → ${shareB}, ${points} percentage points, 95% CI ${lower} to ${upper}; ${p}).`,
  diffNotAfterCorrection: (where, p, pAdjusted, tests) =>
    `${where}: ${p}, but ${pAdjusted} after Holm's correction for ${tests} tests: no demonstrable change.`,
  diffNoEvidence: (where, p) => `${where}: no demonstrable change (${p}).`,
  diffDetectable: (na, nb, points, category, power, alpha = '') =>
    `With these N (${na} and ${nb}), only a change of at least ${points} percentage points in '${category}' could be detected with ${power}% power${alpha === '' ? '' : ` (Fisher-Freeman-Halton at the Holm level α = ${alpha}, simulated)`}.`,
  diffDetectableObserved: (na, nb, points, category) =>
    `With these N (${na} and ${nb}), even the observed change of ${points} percentage points in '${category}' was not demonstrable.`,
  diffUndetectable: (na, nb, rise, category, power) =>
    `With these N (${na} and ${nb}), no ${rise ? 'rise' : 'fall'} in '${category}' at all could be detected with ${power}% power.`,
  diffGradeVerdict: (means, details, conclusion) => `Overall mark: ${means}; ${details}: ${conclusion}.`,
  diffGradeConclusion: (verdict, direction, label, tests) =>
    verdict === 'changed'
      ? `${direction === 'worse' ? 'lower' : 'higher'} in ${label}`
      : verdict === 'not-after-correction'
        ? `no demonstrable change after Holm's correction for ${tests} tests`
        : 'no demonstrable change',
  diffAxis: 'share of answers (%)',
  diffFigureNote: (tests, method = 'exact') =>
    `Counts in the bars. p: Fisher-Freeman-Halton test (${method === 'exact' ? 'exact' : method === 'monte-carlo' ? 'Monte Carlo' : 'exact; ≈: Monte Carlo'}), Holm-adjusted for ${tests} tests.`,
  diffWritten: (dir) => `comparison written to ${dir}`,

  outputNotWritable: (path, errno) =>
    `${path}: cannot be written (${{ EROFS: 'read-only file system', EACCES: 'no write permission', EPERM: 'no write permission', ENOSPC: 'disk full', EDQUOT: 'quota exceeded' }[errno] ?? 'system error'}, ${errno})`,
  outputNotFolder: (path) => `${path}: is a file, not a folder; cj writes its outputs into a folder`,
  outputTaken: (path, by, kind) => `${path}: written by cj ${by}; cj ${kind} does not replace it and writes nothing. Give another folder with --out`,
  outputJournalBroken: (file) =>
    `${file}: the journal of an interrupted switch cannot be read; cj does not complete the switch. Inspect the folder, then remove this file`,
  outputSwitchCompleted: (dir) => `${dir}: an earlier run was stopped while it replaced the outputs; that switch is now completed`,
  outputSwitchInterrupted: (dir) =>
    `${dir}: an earlier run was stopped while it replaced the outputs; the folder holds an interrupted switch. Run cj without --check to complete it`,
  wouldRemove: (file) => `would be removed: ${file} (written by cj, not by this run)`,
  trendTooFew: (count) => `cj trend: expected at least two waves, got ${count}`,
  trendBadLabels: (labels, waves) => `--label: ${labels} labels for ${waves} waves; give one per wave, or none`,
  trendHeading: (labels) => `Trend over the waves ${labels}`,
  trendTest: (method, p, pAdjusted) => `trend (linear-by-linear, ${method === 'exact' ? 'exact' : 'Monte Carlo'}): ${p}, Holm-adjusted ${pAdjusted}`,
  trendDirection: (direction) =>
    direction === 'up' ? 'demonstrably better over the waves' : direction === 'down' ? 'demonstrably worse over the waves' : 'no demonstrable trend',
  trendNoTest: 'no trend test: fewer than two answer categories or waves with answers',
  trendGrade: (label, mean, interval, n) => `${label}: mean ${mean} ${interval} (n = ${n})`,
  trendWritten: (dir) => `trend written to ${dir}`,
  trendLeadTime: (label, medians, n) => `${label}: median ${medians} days (n = ${n})`,
  diffFigureMarks: (alpha) =>
    `▲ ▼ ◆ and a black frame: changed demonstrably (Fisher-Freeman-Halton, Holm-adjusted p < ${alpha}); ▲ better, ▼ worse (Mann-Whitney after Holm too), ◆ without a demonstrable direction.`,
  trendFigure: {
    axis: 'share (%)',
    note: (tests, alpha) =>
      `Dot: share of the answers per wave; line: 95% CI (Wilson). ▲ ▼: a demonstrable trend over the waves (linear-by-linear, Holm-adjusted for ${tests} tests p < ${alpha}); ▲ better, ▼ worse.`,
    marked: (marked, tests) => `${marked} of ${tests} ${tests === 1 ? 'bar' : 'bars'} with a demonstrable trend`,
    gradeTitle: 'Overall mark per wave',
    gradeAxis: 'mean mark',
    gradeNote: 'Dot: mean mark; line: 95% CI (t distribution). n under the wave.',
    leadTimesTitle: 'Lead times per wave, in calendar days',
    leadTimesNote: 'Each dot is a respondent (more respondents with the same number of days: a larger dot); the tick is the median.',
  },
  resultsPage: {
    diffTitle: (a, b) => `Comparison ${a} → ${b}`,
    trendTitle: (labels) => `Trend over the waves ${labels}`,
    inputs: 'Files read',
    wave: 'wave',
    test: 'test',
    conclusion: 'conclusion',
    median: 'median (days)',
  },

  byColumnMissing: (column) => `column "${column}" to split by (--by or "by") is not in the file`,
  tooManyGroups: (column, max) => `column "${column}" has more than ${max} different values: that is no division into groups`,
  emptyGroup: '(empty)',
  total: 'Total',
  breakdownHeading: (label) => `By ${label.toLowerCase()}`,
  noGroupDifferences: (plural, tested, alpha) => `No demonstrable differences between ${plural} (Fisher-Freeman-Halton per statement, ${tested} tested, Holm, α = ${alpha}).`,
  groupDifferences: (plural, labels, tested, alpha) =>
    `A demonstrable difference between ${plural} on ${labels.map((label) => `"${label}"`).join(', ')} (Fisher-Freeman-Halton per statement, ${tested} tested, Holm, α = ${alpha}).`,
  noGroupTest: (plural) => `No test between ${plural}: fewer than two groups with answers.`,
  satisfiedHeading: 'satisfied',
  previousFromDefinition: 'as the survey definition gives it',
  percentAxis: 'percentage of the answers',
  maskedLabel: 'masked',
  satisfiedCaption: 'Share satisfied (95% confidence interval)',
  maskedNote: (minCell) => `Masked: counts below ${minCell} and what would reveal them by subtraction.`,
  responseHeading: 'response, margin',
  satisfactionRange: (low, high) => `Per statement, satisfaction lies between ${low} and ${high}.`,
  satisfactionOne: (share) => `Satisfaction is ${share}.`,
  satisfactionIntervals: (low, high) => `(95% confidence intervals together: ${low} to ${high})`,
  responseRate: (label, n, population, rate, margin, kind) =>
    `${label}: ${n} of ${population} ${kind === 'invited' ? 'invited' : 'registered'}, response ${rate}, margin of error ±${margin}`,
  previousResponse: (now, before, source) => `Response ${now} against ${before} last year (${source}).`,
  previousResponseDifference: (points, lower, upper) => `difference ${points} percentage points (95%: ${lower} to ${upper})`,
  groupTooSmall: (label, n, margin, max, needed) =>
    `${label}: with ${n} respondents the margin of error is ±${margin}, wider than ±${max}: too small for a statement on this group alone (needed: ${needed})`,
  previousNotComparable: (file) => `${file}: no population in these results; last year's response rate cannot be computed`,
  mergeDifferentDefinition: (file, first) => `${file}: a different survey definition from ${first}; only results of one definition are added up`,
  mergeOverlap: (a, b, shared) =>
    `${a} and ${b} both count ${shared === 1 ? 'a respondent' : `at least ${shared} respondents`}; results with the same respondents are not added up`,
  mergeNotResults: (file) => `${file}: not a results.json of cj analyse (schemaVersion, figures and fingerprint missing)`,
  mergeNoFingerprint: (file) => `${file}: without a fingerprint of its respondents (made by an older cj); analyse the file again`,
  mergeDifferentBreakdown: (file) => `${file}: other breakdowns (--by) than the first file`,
  mergeSampled: 'the check for shared respondents saw a sample of the hashes (more than 2048 respondents): a small overlap may have been missed',
  mergedFrom: (count) => `${count} results added up`,
  mergeTooFew: (count) => `cj merge adds up two or more results.json files; ${count === 0 ? 'none' : 'one'} given`,
  smallCellBreakdown: (label, smallest, minCell) =>
    `${label}: a count of ${smallest} (below ${minCell}) in the breakdown may single out a person; --suppress masks it`,
  suppressed: (count) => `${count} ${count === 1 ? 'count' : 'counts'} masked (--suppress); results.json keeps them and says which`,
};

/** Files cj recognises but does not read (src/input/detect.ts). */
export type UnsupportedKind = 'xls' | 'ods' | 'pdf' | 'zip';
const formatNames: Record<Lang, Record<UnsupportedKind, string>> = {
  nl: { xls: 'een Excel 97-2003-werkmap (.xls)', ods: 'een OpenDocument-rekenblad (.ods)', pdf: 'een PDF', zip: 'een ZIP-archief zonder Excel-werkmap' },
  en: { xls: 'an Excel 97-2003 workbook (.xls)', ods: 'an OpenDocument spreadsheet (.ods)', pdf: 'a PDF', zip: 'a ZIP archive that holds no Excel workbook' },
};
const saveAs: Record<Lang, Record<UnsupportedKind, string>> = {
  nl: {
    xls: 'Sla het in Excel op als Excel-werkmap (.xlsx) of als CSV UTF-8.',
    ods: 'Sla het in LibreOffice op als Excel 2007-365 (.xlsx) of als CSV (UTF-8).',
    pdf: 'Vraag de antwoorden op als CSV, XLSX of SAV; een PDF bevat geen gegevens om te tellen.',
    zip: 'Pak het uit en geef cj het CSV-, XLSX- of SAV-bestand dat erin zit.',
  },
  en: {
    xls: 'Save it in Excel as an Excel workbook (.xlsx) or as CSV UTF-8.',
    ods: 'Save it in LibreOffice as Excel 2007-365 (.xlsx) or as CSV (UTF-8).',
    pdf: 'Ask for the answers as CSV, XLSX or SAV; a PDF holds no data to count.',
    zip: 'Unpack it and give cj the CSV, XLSX or SAV file inside.',
  },
};

const personalDataNames: Record<Lang, Record<PersonalDataKind, string>> = {
  nl: { bsn: 'BSN', email: 'e-mailadres', phone: 'telefoonnummer', 'postcode-house-number': 'postcode met huisnummer', iban: 'IBAN' },
  en: { bsn: 'BSN', email: 'e-mail address', phone: 'phone number', 'postcode-house-number': 'postcode with house number', iban: 'IBAN' },
};

export type { Messages };
export const messages: Record<Lang, Messages> = { nl, en };
