# A peer for the benchmark: pandas doing cj's counting on the same wide file, the rules read from
# the same survey definition as peer-duckdb.mjs reads them (per rating column each category's
# count and the missing answers of the respondents the figure counts; respondents, distinct codes,
# marks). Prints the counts as JSON on stdout, and its peak RSS on stderr as rss-probe.mjs does.
import json
import resource
import sys
from pathlib import Path

import pandas as pd

definition = json.loads((Path(__file__).parent / '../../src/survey/definitions/haarlem-2016.json').read_text())
steps = {step['id']: index for index, step in enumerate(definition['steps'])}
last_step = len(definition['steps']) - 1
tracks = {spelling.lower(): track['id'] for track in definition['tracks'] for spelling in [track['id'], *track['aliases']]}
scales = {scale['id']: scale['spellings'] for scale in definition['scales']}
grade = definition['grade']

answers = pd.read_csv(sys.argv[1], dtype=str, keep_default_na=False, na_values=[''], engine='c')
track = answers['track'].str.strip().str.lower().map(tracks)
last_usable = answers['withdrawn_after'].str.strip().str.lower().map(steps).fillna(last_step)

bars = {}
for figure in definition['figures']:
    counted = track.isin(figure['tracks']) & (steps[figure['step']] <= last_usable)
    for bar in figure['bars']:
        values = answers.loc[counted, bar['column']]
        keys = values.str.strip().str.lower().map(scales[figure['scale']])
        bars[bar['column']] = {
            'counts': {key: int(n) for key, n in keys.value_counts().items()},
            'missing': int(keys.isna().sum()),
        }

counted = track.isin(grade['tracks']) & (steps[grade['step']] <= last_usable)
marks = pd.to_numeric(answers.loc[counted, grade['column']].str.strip().str.replace(',', '.', regex=False), errors='coerce').dropna()
print(json.dumps({
    'respondents': len(answers),
    'codes': int(answers['respondent'].nunique()),
    'marks': int(marks.size),
    'total': float(marks.sum()),
    'bars': bars,
}))
usage = resource.getrusage(resource.RUSAGE_SELF)
sys.stderr.write(f"\ncj-bench-max-rss-kb {usage.ru_maxrss}\ncj-bench-cpu-s {usage.ru_utime + usage.ru_stime}\n")
