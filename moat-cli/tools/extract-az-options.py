#!/usr/bin/env python3
"""Extracts the option tables of az-options.md (sections 3 to 10: the commands Moat implements)
into the TSV that OptionCoverageTest checks the CLI against, so the test needs no file outside the
repository. Run: moat-cli/tools/extract-az-options.py ../shared/reference/az-options.md \
  > moat-cli/src/test/resources/az-options.tsv
Columns: command, option (long name), aliases (comma-separated), type, default, required, in az 2.45.
A row naming several spellings (`--enable-x` / `--disable-x`) gives one line per spelling."""
import re
import sys

def cells(line):
    return [c.strip() for c in line.strip().strip('|').split('|')]

def ticked(text):
    # Backticked tokens outside parentheses: "– (`--address-prefix` by prefix match)" names no alias.
    depth, out = 0, []
    for part in re.split(r'(\(|\)|`[^`]*`)', text):
        if part == '(':
            depth += 1
        elif part == ')':
            depth -= 1
        elif part.startswith('`') and depth == 0:
            out.append(part.strip('`'))
    return out

def main(path):
    command, active = None, False
    print('command\toption\taliases\ttype\tdefault\trequired\taz245')
    for line in open(path, encoding='utf-8'):
        if line.startswith('## '):
            number = re.match(r'## (\d+)\.', line)
            active = bool(number) and 3 <= int(number.group(1)) <= 10
            command = None
        elif line.startswith('### ') and active:
            m = re.match(r'### `az ([^`]+)`', line)
            command = m.group(1) if m else None
        elif command and line.startswith('| `'):
            c = cells(line)
            if len(c) < 7:
                continue
            options = [o for o in ticked(c[0].replace('⚑', '')) if o.startswith('--')]
            aliases = [a for a in ticked(c[1]) if a.startswith('-')]
            for option in options:
                print('\t'.join([command, option, ','.join(aliases) if len(options) == 1 else '',
                                 c[2].replace('\t', ' '), c[3], c[4], c[-1]]))

main(sys.argv[1])
