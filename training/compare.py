"""Pick a CPU preset: train each of its candidates in presets.CPU_CANDIDATES for the same
CPU-time budget and compare held-out accuracy (EMA weights) per CPU-second.

  nice -n 19 /usr/bin/python3 training/compare.py --cpu-minutes 5 > comparison.md
  nice -n 19 /usr/bin/python3 training/compare.py --preset maze-cpu --cpu-minutes 6
"""
import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

from model import count_parameters
from presets import CPU_CANDIDATES
from train import load_model

HERE = Path(__file__).resolve().parent


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--preset", default="cpu", choices=sorted(CPU_CANDIDATES))
    ap.add_argument("--cpu-minutes", type=float, default=5.0)
    ap.add_argument("--eval-puzzles", type=int, default=48, help="per difficulty bin")
    ap.add_argument("--only", nargs="*", help="candidate names (default: all)")
    ap.add_argument("--jobs", type=int, default=2, help="candidates trained at the same time")
    ap.add_argument("--report", action="store_true", help="only print the table from finished runs")
    ap.add_argument("--out", help="default: training/runs/compare/<preset>")
    args = ap.parse_args()
    candidates = CPU_CANDIDATES[args.preset]
    args.out = args.out or str(HERE / "runs" / "compare" / args.preset)
    names = [n for n in candidates if not args.only or n in args.only]
    env = dict(os.environ, OPENBLAS_NUM_THREADS="1")
    running = []
    for i, name in enumerate([] if args.report else names):  # `--jobs` candidates at a time, one thread each
        over = candidates[name]
        flags = [f"--{k.replace('_', '-')}={v}" for k, v in over.items()]
        running.append(subprocess.Popen(
            [sys.executable, str(HERE / "train.py"), "--preset", args.preset, "--out", str(Path(args.out) / name), *flags,
             "--threads", "1", "--cpu-minutes", str(args.cpu_minutes), "--minutes", "1000", "--eval-minutes", "1000",
             "--eval-puzzles", str(args.eval_puzzles), "--ckpt-minutes", "1000"], stdout=subprocess.DEVNULL, env=env))
        if len(running) == args.jobs or i == len(names) - 1:
            for p in running:
                if p.wait():
                    raise SystemExit(f"candidate failed: {p.args}")
            running = []
    rows = []
    for name in names:
        out = Path(args.out) / name
        logs = [json.loads(line) for line in (out / "log.jsonl").read_text().splitlines()]
        ev = [r for r in logs if "eval" in r][-1]
        rows.append((name, count_parameters(load_model(out / "last.pt")), ev))
    bins = list(rows[0][2]["eval_cell"])
    print("| candidate | params | steps | puzzle-steps | CPU s | puzzle-steps / CPU s | "
          + " | ".join(f"cell acc {b}" for b in bins) + " | " + " | ".join(f"solved {b} (verified, max 16)" for b in bins)
          + " |")
    print("|---" * (6 + 2 * len(bins)) + "|")
    for name, params, ev in rows:
        fv = {k.split()[-1]: v for k, v in ev["eval"].items() if k.startswith("verified")}
        print(f"| {name} | {params:,} | {ev['step']} | {ev['puzzle_steps']} | {ev['cpu']:.0f} | "
              f"{ev['puzzle_steps'] / ev['cpu']:.1f} | " + " | ".join(f"{100 * ev['eval_cell'][b]:.1f}%" for b in bins)
              + " | " + " | ".join(f"{100 * fv[b]:.1f}%" for b in bins) + " |")


if __name__ == "__main__":
    main()
