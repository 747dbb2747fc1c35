"""How the solved rate grows with the number of voting copies, under the app's default policy
(`verified max 16`): a puzzle counts as solved when the puzzle as given or any of its first k
transformed copies reaches an answer that checks out within 16 steps, which is exactly when the
engine's vote returns a verified answer (with rethinking off: bench/rethinking.py measures that).
One rollout per copy serves every k.

    OPENBLAS_NUM_THREADS=1 /usr/bin/python3 bench/voting_copies.py --checkpoint training/checkpoints/sudoku-mlp-d64-cpu.pt

Prints a markdown table and writes it as JSON (bench/results/voting-copies-<checkpoint>.json);
with --paired, also how many puzzles this model solves and another (its JSON) does not, and back.
"""
import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np
import torch

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "training"))
from evaluate import per_view  # noqa: E402
from tasks import TASKS  # noqa: E402
from train import load_model  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--checkpoint", required=True)
    ap.add_argument("--copies", type=int, default=63, help="transformed copies besides the puzzle as given")
    ap.add_argument("--per-bin", type=int, default=300)
    ap.add_argument("--givens", type=int, nargs=2, default=(22, 29), help="held-out bin (Sudoku)")
    ap.add_argument("--max-steps", type=int, default=16)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--paired", help="another model's JSON from this script, same puzzles: count the puzzles "
                                     "one solves and the other does not")
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    model = load_model(args.checkpoint, ema=True)
    model.eval()
    task = TASKS[model.cfg.kind]
    tokens, _ = task.heldout(args.per_bin, bins=[tuple(args.givens)])
    views = [None] + task.views(args.copies, 1)  # the seed evaluate.py --augmentations uses
    start = time.time()
    # [views, puzzles]: whether that view reaches an answer that checks out within max-steps
    policy = f"verified max {args.max_steps}"
    solved_by = np.array([r[policy][2] for r in per_view(model, task, tokens, views, args.max_steps, steps=())])
    # per puzzle, the fewest copies that solve it (None: not even all of them)
    within = [int(np.argmax(col)) if col.any() else None for col in solved_by.T]
    other = json.loads(Path(args.paired).read_text())["solvedWithin"] if args.paired else None
    if other is not None and len(other) != len(within):
        sys.exit(f"--paired: {args.paired} holds {len(other)} puzzles, this run {len(within)}: run both alike")
    ks = [k for k in (0, 1, 3, 7, 15, 31, 63, 127) if k <= args.copies]
    print(f"{Path(args.checkpoint).name}: {len(tokens)} held-out puzzles with {args.givens[0]}-{args.givens[1]} givens, "
          f"verified max {args.max_steps}, {time.time() - start:.0f} s")
    print("| voting copies | solved |" + (" solved here only | solved there only |" if other else ""))
    print("|---|---|" + ("---|---|" if other else ""))
    rows = []
    for k in ks:
        here = [w is not None and w <= k for w in within]
        rows.append({"copies": k, "solvedRate": float(np.mean(here))})
        line = f"| {k} | {100 * rows[-1]['solvedRate']:.1f}% |"
        if other:
            there = [w is not None and w <= k for w in other]
            line += f" {sum(a and not b for a, b in zip(here, there))} | {sum(b and not a for a, b in zip(here, there))} |"
        print(line)
    out = ROOT / "bench" / "results" / f"voting-copies-{Path(args.checkpoint).stem}.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps({"checkpoint": args.checkpoint, "givens": args.givens, "puzzles": len(tokens),
                               "rows": rows, "solvedWithin": within}, indent=1))


if __name__ == "__main__":
    main()
