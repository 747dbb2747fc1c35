"""Pick the `cpu` preset: train each candidate in presets.CPU_CANDIDATES for the same CPU-time
budget and compare held-out accuracy (EMA weights) per CPU-second.

  nice -n 19 /usr/bin/python3 training/compare.py --cpu-minutes 5 > comparison.md
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
    ap.add_argument("--cpu-minutes", type=float, default=5.0)
    ap.add_argument("--eval-puzzles", type=int, default=48, help="per givens bin")
    ap.add_argument("--only", nargs="*", help="candidate names (default: all)")
    ap.add_argument("--jobs", type=int, default=2, help="candidates trained at the same time")
    ap.add_argument("--report", action="store_true", help="only print the table from finished runs")
    ap.add_argument("--out", default=str(HERE / "runs" / "compare"))
    args = ap.parse_args()
    names = [n for n in CPU_CANDIDATES if not args.only or n in args.only]
    env = dict(os.environ, OPENBLAS_NUM_THREADS="1")
    running = []
    for i, name in enumerate([] if args.report else names):  # `--jobs` candidates at a time, one thread each
        over = CPU_CANDIDATES[name]
        flags = [f"--{k.replace('_', '-')}={v}" for k, v in over.items()]
        running.append(subprocess.Popen(
            [sys.executable, str(HERE / "train.py"), "--preset", "cpu", "--out", str(Path(args.out) / name), *flags,
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
    print("| candidate | params | steps | puzzle-steps | CPU s | puzzle-steps / CPU s | cell acc 30-50 | cell acc 22-29 "
          "| solved 30-50 (verified, max 16) | solved 22-29 (verified, max 16) |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for name, params, ev in rows:
        fv = {k.split()[-1]: v for k, v in ev["eval"].items() if k.startswith("verified")}
        print(f"| {name} | {params:,} | {ev['step']} | {ev['puzzle_steps']} | {ev['cpu']:.0f} | "
              f"{ev['puzzle_steps'] / ev['cpu']:.1f} | {100 * ev['eval_cell']['30-50']:.1f}% | {100 * ev['eval_cell']['22-29']:.1f}% | "
              f"{100 * fv['30-50']:.1f}% | {100 * fv['22-29']:.1f}% |")


if __name__ == "__main__":
    main()
