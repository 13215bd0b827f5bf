"""How fast the command line starts, against bare imports measured in the same run.

    python benchmarks/bench_startup.py [--repeat 9]

Medians over repeats of fresh processes. The machine is shared and noisy: read the ratios.
The package's bytecode is written first, as installing a wheel does (``make install`` does it
too): with PYTHONDONTWRITEBYTECODE set, an editable install would otherwise compile every module
on every start, while the baselines' site-packages are compiled.
Targets (#12): ``redletter --version`` <= 3x ``python -c "import typer"``, and ``redletter
extract`` of a small born-digital letter <= 3x ``python -c "import pdfplumber"``.
"""

from __future__ import annotations

import argparse
import compileall
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LETTER = ROOT / "samples" / "letters" / "15_single_party.pdf"
REDLETTER = [sys.executable, "-m", "redletter"]


def median_seconds(cmd: list[str], repeat: int) -> float:
    """The median wall time of running ``cmd`` afresh ``repeat`` times (one warm-up first)."""
    subprocess.run(cmd, check=True, capture_output=True)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--repeat", type=int, default=9)
    args = parser.parse_args()
    compileall.compile_dir(ROOT / "src", quiet=1)
    pairs = [("redletter --version", [*REDLETTER, "--version"],
              "python -c 'import typer'", [sys.executable, "-c", "import typer"]),
             (f"redletter extract {LETTER.name}", [*REDLETTER, "extract", str(LETTER), "-f", "json"],
              "python -c 'import pdfplumber'", [sys.executable, "-c", "import pdfplumber"])]
    print(f"start-up benchmark: median of {args.repeat} fresh processes each")
    for name, cmd, base_name, base in pairs:
        ours, bare = median_seconds(cmd, args.repeat), median_seconds(base, args.repeat)
        print(f"  {name:42s} {ours * 1000:7.0f} ms")
        print(f"  {base_name:42s} {bare * 1000:7.0f} ms")
        print(f"  ratio: {ours / bare:5.2f}x   (target <= 3.0x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
