/** The columns every response file has, whatever the survey (DATA-CONTRACT "Columns"). */
export const fixedColumns = { respondent: 'respondent', track: 'track', withdrawnAfter: 'withdrawn_after' } as const;
