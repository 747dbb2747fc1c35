"""Which route lengths a maze preset trains on: the share of freshly drawn training mazes in each
of the held-out bins evaluate.py reports (shortest route from S to G, in moves), once any
curriculum has reached its longest route. A model rarely shown 41-60-move routes is not taught
the range the target is set for.

    /usr/bin/python3 bench/maze_routes.py --presets maze-conv maze-conv-gpu
    /usr/bin/python3 bench/maze_routes.py --presets maze-conv --set square=20 --set sizes=[16,20] --set paths=[10,60]

Prints a markdown table.
"""
import argparse
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "training"))
from data.maze import distances, ends  # noqa: E402
from presets import PRESETS  # noqa: E402
from tasks import TASKS  # noqa: E402
import preset_overrides  # noqa: E402


def route_lengths(cfg, count):
    task = TASKS["maze"]
    source = task.source(cfg)
    task.schedule(source, cfg.get("curriculum") or 0, cfg)  # the curriculum's end: its longest routes
    tokens, _ = source.sample(count)
    lengths = []
    for grid in tokens.reshape(count, source.square, source.square):
        start, goal = ends(grid)
        lengths.append(distances(grid, start)[goal])
    return np.array(lengths)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    maze_presets = sorted(name for name, preset in PRESETS.items() if preset["kind"] == "maze")
    ap.add_argument("--presets", nargs="+", default=["maze-conv", "maze-conv-gpu"], choices=maze_presets)
    ap.add_argument("--mazes", type=int, default=2000, help="training mazes drawn per preset")
    preset_overrides.add_argument(ap, "square=20 or sizes=[16,20]")
    args = ap.parse_args()
    overrides = preset_overrides.parse(args.set)
    bins = TASKS["maze"].bins
    print("| preset | " + " | ".join(f"{lo}-{hi}" for lo, hi in bins) + " |")
    print("|---|" + "---|" * len(bins))
    for preset in args.presets:
        lengths = route_lengths(preset_overrides.config(preset, overrides), args.mazes)
        shares = [((lengths >= lo) & (lengths <= hi)).mean() for lo, hi in bins]
        print(f"| {preset_overrides.label(preset, overrides)} | " + " | ".join(f"{100 * s:.0f}%" for s in shares) + " |")


if __name__ == "__main__":
    main()
