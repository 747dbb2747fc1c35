"""How rethinking's solved rate grows round by round, for several numbers of cells kept per round,
under the app's default policy (`verified max 16`) and without voting copies: the puzzle as given
runs once; each rethinking variant starts from its result (evaluate.py's rethink_rounds, which
keeps cells as the engine does).

    OPENBLAS_NUM_THREADS=1 /usr/bin/python3 bench/rethinking.py --checkpoint training/checkpoints/sudoku-mlp-d128-cpu.pt --givens 22 29

Prints a markdown table and writes it as JSON (bench/results/rethinking-<checkpoint>-<givens>.json).
"""
import argparse
import json
import sys
import time
from pathlib import Path

import torch

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "training"))
from evaluate import per_view, rethink_rounds  # noqa: E402
from tasks import TASKS  # noqa: E402
from train import load_model  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--checkpoint", required=True)
    ap.add_argument("--cells", type=int, nargs="+", default=(2, 4, 8, 16), help="cells kept per round")
    ap.add_argument("--rounds", type=int, default=8)
    ap.add_argument("--per-bin", type=int, default=300)
    ap.add_argument("--givens", type=int, nargs=2, default=(22, 29), help="held-out bin")
    ap.add_argument("--max-steps", type=int, default=16)
    ap.add_argument("--threads", type=int, default=1)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    model = load_model(args.checkpoint, ema=True)
    model.eval()
    task = TASKS[model.cfg.kind]
    if not hasattr(task, "keep_surest"):
        sys.exit(f"a {task.kind} model cannot rethink")
    # the same draw as evaluate.py's held-out bin when --givens names one of its bins
    tokens, _ = task.heldout(args.per_bin)
    bin_values = task.bin_values(tokens)
    tokens = tokens[(bin_values >= args.givens[0]) & (bin_values <= args.givens[1])]
    start = time.time()
    alone = per_view(model, task, tokens, [None], args.max_steps, steps=())[0][f"verified max {args.max_steps}"]
    rows = []
    for cells in args.cells:
        solved = [float(alone[2].mean())]
        steps = float(alone[1].mean())
        for _, used, ok, _, _ in rethink_rounds(model, task, tokens, alone, args.max_steps, args.rounds, cells):
            solved.append(float(ok.mean()))
            steps = float(used.mean())
        rows.append({"cells": cells, "solvedByRound": solved, "meanSteps": steps})
    print(f"{Path(args.checkpoint).name}: {len(tokens)} held-out puzzles with {args.givens[0]}-{args.givens[1]} givens, "
          f"verified max {args.max_steps}, {time.time() - start:.0f} s")
    print("| cells kept per round | " + " | ".join(f"round {r}" for r in range(args.rounds + 1)) + " | mean steps |")
    print("|---" * (args.rounds + 3) + "|")
    for row in rows:
        rates = [f"{100 * rate:.1f}%" for rate in row["solvedByRound"]]
        rates += [rates[-1]] * (args.rounds + 1 - len(rates))  # stopped early: nothing left to keep
        print(f"| {row['cells']} | " + " | ".join(rates) + f" | {row['meanSteps']:.1f} |")
    out = ROOT / "bench" / "results" / f"rethinking-{Path(args.checkpoint).stem}-{args.givens[0]}-{args.givens[1]}.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps({"checkpoint": args.checkpoint, "givens": args.givens, "puzzles": len(tokens),
                               "rows": rows}, indent=1))


if __name__ == "__main__":
    main()
