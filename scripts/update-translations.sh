#!/usr/bin/env bash
# Refreshes translations/*.ts from the sources. English keeps only plural forms,
# which this script fills in ("%n prospect(s)" -> "%n prospect" / "%n prospects").
set -euo pipefail
cd "$(dirname "$0")/.."
lupdate=$(command -v lupdate || echo /usr/lib/qt6/bin/lupdate)
timeout 300 "$lupdate" -pluralonly -locations none -no-obsolete models ui app -ts translations/touchline_en.ts
python3 - translations/touchline_en.ts <<'PY'
import re, sys
path = sys.argv[1]
text = open(path, encoding="utf-8").read()

def forms(source):
    def pick(plural):
        # "reply(s)" is "reply" / "replies": a consonant before y takes "ies".
        text = re.sub(r"([^aeiou])y\(s\)", (r"\1ies" if plural else r"\1y"), source)
        return re.sub(r"\((\w+)\)", lambda m: m.group(1) if plural else "", text)
    return pick(False), pick(True)

def fill(match):
    source = match.group(1)
    one, many = forms(source)
    return ('<source>%s</source>\n        <translation>\n'
            '            <numerusform>%s</numerusform>\n'
            '            <numerusform>%s</numerusform>\n        </translation>') % (source, one, many)

text = re.sub(r'<source>([^<]*)</source>\s*<translation[^>]*>\s*<numerusform>[^<]*</numerusform>\s*'
              r'<numerusform>[^<]*</numerusform>\s*</translation>', fill, text)
open(path, "w", encoding="utf-8").write(text)
PY
