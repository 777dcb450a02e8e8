#!/usr/bin/env python3
"""Adds UI texts to both resource files at once, so Spanish and English never drift apart.

    scripts/add-texts.py KEY "texto en español" "English text" [KEY ES EN ...]

An existing key is replaced. Keys stay sorted; the files stay valid .resx.
"""
import html
import re
import sys
from pathlib import Path

RESOURCES = Path(__file__).resolve().parent.parent / "src/HakuWinay.Contests.Web/Resources"
ENTRY = re.compile(r'  <data name="([^"]+)" xml:space="preserve"><value>(.*?)</value></data>\n', re.S)


def update(path: Path, texts: dict) -> None:
    content = path.read_text(encoding="utf-8")
    head, _, _ = content.partition('  <data name=')
    entries = {m.group(1): m.group(2) for m in ENTRY.finditer(content)}
    entries.update({k: html.escape(v, quote=False) for k, v in texts.items()})
    body = "".join(f'  <data name="{k}" xml:space="preserve"><value>{entries[k]}</value></data>\n' for k in sorted(entries))
    path.write_text(head + body + "</root>\n", encoding="utf-8")


def main(args: list) -> int:
    if not args or len(args) % 3:
        print(__doc__)
        return 2
    triples = [args[i:i + 3] for i in range(0, len(args), 3)]
    update(RESOURCES / "SharedResource.resx", {k: es for k, es, _ in triples})
    update(RESOURCES / "SharedResource.en.resx", {k: en for k, _, en in triples})
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
