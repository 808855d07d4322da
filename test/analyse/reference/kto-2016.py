# Reference values for test/analyse/kto.test.ts, computed from fixtures/kto-2016/responses.csv
# apart from cj: the satisfied counts per statement (whole and per group), R's Wilson interval
# (prop.test without continuity correction) and R's Fisher exact test of each groups × categories
# table (simulated p, B = 1e6, seed 1). Run: python3 test/analyse/reference/kto-2016.py > test/analyse/reference/kto-2016.json
import csv, json, subprocess, sys
from pathlib import Path

root = Path(__file__).resolve().parents[3]
rows = list(csv.DictReader(open(root / 'fixtures/kto-2016/responses.csv', encoding='utf-8'), delimiter=';'))
statements = ['vriendelijk', 'deskundig', 'serieus_genomen', 'uitleg_duidelijk', 'brieven_begrijpelijk', 'bereikbaarheid', 'afspraken_nagekomen']
order = ['helemaal mee oneens', 'mee oneens', 'neutraal', 'mee eens', 'helemaal mee eens']
satisfied = {'mee eens', 'helemaal mee eens'}

def counts(subset, column):
    answers = [row[column] for row in subset if row[column] in order]
    return {'satisfied': sum(a in satisfied for a in answers), 'n': len(answers), 'table': [answers.count(c) for c in order]}

out = {'respondents': len(rows), 'statements': {}}
for column in statements:
    entry = {'whole': counts(rows, column)}
    for by in ['gemeente', 'doelgroep']:
        entry[by] = {value: counts([r for r in rows if r[by] == value], column) for value in sorted({r[by] for r in rows})}
    out['statements'][column] = entry

r_lines = ['set.seed(1)']
for column, entry in out['statements'].items():
    x, n = entry['whole']['satisfied'], entry['whole']['n']
    r_lines.append(f'ci <- prop.test({x}, {n}, correct = FALSE)$conf.int; cat("{column}", "wilson", sprintf("%.12f", ci[1]), sprintf("%.12f", ci[2]), "\\n")')
    for by in ['gemeente', 'doelgroep']:
        tables = [g['table'] for g in entry[by].values()]
        keep = [i for i in range(5) if any(t[i] for t in tables)]
        mat = ','.join(str(t[i]) for t in tables for i in keep)
        r_lines.append(f'p <- fisher.test(matrix(c({mat}), nrow = {len(tables)}, byrow = TRUE), simulate.p.value = TRUE, B = 1e6)$p.value; cat("{column}", "{by}", sprintf("%.12f", p), "\\n")')
result = subprocess.run(['Rscript', '-e', '\n'.join(r_lines)], capture_output=True, text=True, check=True).stdout
for line in result.strip().split('\n'):
    parts = line.split()
    if parts[1] == 'wilson':
        out['statements'][parts[0]]['whole']['wilson'] = [float(parts[2]), float(parts[3])]
    else:
        out['statements'][parts[0]].setdefault('fisherP', {})[parts[1]] = float(parts[2])
json.dump(out, sys.stdout, indent=1)
print()
