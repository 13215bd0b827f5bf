"""Write src/redletter/data/pycountry_names.json: pycountry's country names and their
translations as comparison keys (redletter.nlp.countries.pycountry_names), so that a run reads
one JSON file instead of pycountry's database and gettext catalogues. Run it after upgrading
pycountry (tests/test_text_rules.py fails until then)."""

from __future__ import annotations

import json
from pathlib import Path

from redletter.nlp.countries import pycountry_names

OUT = Path(__file__).resolve().parents[1] / "src" / "redletter" / "data" / "pycountry_names.json"


def main() -> None:
    OUT.write_text(json.dumps(pycountry_names(), ensure_ascii=False, sort_keys=True, indent=0) + "\n",
                   encoding="utf-8")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
