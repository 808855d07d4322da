/**
 * The survey as DATA-CONTRACT.md describes it, written out again for the tests: the steps in
 * journey order, which columns belong to which step and figure, and which figures show n.v.t.
 * (rule 3). The tests' own oracle reads this, never the definition in src/.
 */
export const steps = [
  'werknl_aanmelden',
  'cv_uploaden',
  'werkplein_melden',
  'rechten_plichten',
  'participatiegesprek',
  'workshop',
  'aanvraagformulier',
  'besluit',
  'eindgesprek',
] as const;
export type Step = (typeof steps)[number];

export interface FigureSpec {
  readonly id: string;
  readonly step: Step;
  readonly columns: readonly string[];
  /** Rule 3: n.v.t. is a category of its own, counted in N. */
  readonly showsNotApplicable: boolean;
  /** Rule 1: figures 1–7 count the adults only. */
  readonly youthCounted: boolean;
  readonly scale: 'experience' | 'agreement';
}

export const figureSpecs: readonly FigureSpec[] = [
  { id: '1', step: 'cv_uploaden', columns: ['cv_uploaden'], showsNotApplicable: false, youthCounted: false, scale: 'experience' },
  { id: '2', step: 'werkplein_melden', columns: ['werkplein_melden', 'werkplein_medewerker'], showsNotApplicable: true, youthCounted: false, scale: 'experience' },
  { id: '3', step: 'rechten_plichten', columns: ['rp_bijeenkomst', 'rp_medewerker'], showsNotApplicable: false, youthCounted: false, scale: 'experience' },
  { id: '4', step: 'participatiegesprek', columns: ['pg_gesprek', 'pg_medewerker'], showsNotApplicable: false, youthCounted: false, scale: 'experience' },
  { id: '5', step: 'workshop', columns: ['workshop', 'workshop_medewerker'], showsNotApplicable: true, youthCounted: false, scale: 'experience' },
  { id: '6', step: 'aanvraagformulier', columns: ['aanvraag_invullen', 'aanvraag_medewerker'], showsNotApplicable: false, youthCounted: false, scale: 'experience' },
  { id: '7', step: 'besluit', columns: ['besluit_brief'], showsNotApplicable: false, youthCounted: false, scale: 'experience' },
  {
    id: '8',
    step: 'eindgesprek',
    columns: ['mw_vriendelijk', 'mw_deskundig', 'mw_proces', 'mw_inleven', 'mw_service', 'mw_meedenken', 'mw_bereikbaarheid'],
    showsNotApplicable: false,
    youthCounted: true,
    scale: 'agreement',
  },
];

export const stepIndex = (step: Step): number => steps.indexOf(step);

/** The categories a figure shows, by scale, n.v.t. apart. */
export const categoriesOf = (spec: FigureSpec): readonly string[] =>
  spec.scale === 'experience' ? ['negatief', 'neutraal', 'positief'] : ['oneens', 'neutraal', 'eens'];
