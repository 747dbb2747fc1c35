"""CPU cost of one training step (forward, backward, optimizer, EMA: `Trainer.train_step`) in fp32
and under bf16 autocast, per preset. The two run in alternating rounds so that load from other
work on shared cores hits both alike; the figure is process CPU time, median over the steps.

    OPENBLAS_NUM_THREADS=1 /usr/bin/python3 bench/train_step.py --presets cpu maze-cpu
    OPENBLAS_NUM_THREADS=1 /usr/bin/python3 bench/train_step.py --presets maze-conv --set square=null  # at 30x30

Prints a markdown table and writes it as JSON (bench/results/train-step.json).
"""
import argparse
import json
import statistics
import sys
import time
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "training"))
import preset_overrides  # noqa: E402
from train import Trainer  # noqa: E402
from presets import PRESETS  # noqa: E402


def cpu_seconds_per_step(trainer, steps):
    trainer.train_step()  # the first step fills the batch with fresh puzzles
    times = []
    for _ in range(steps):
        t = time.process_time()
        trainer.train_step()
        times.append(time.process_time() - t)
    return times


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--presets", nargs="+", default=["cpu", "maze-cpu"], choices=sorted(PRESETS))
    ap.add_argument("--steps", type=int, default=10, help="timed steps per round")
    ap.add_argument("--rounds", type=int, default=3)
    preset_overrides.add_argument(ap, "square=null or batch=16")
    ap.add_argument("--json", default=str(Path(__file__).resolve().parent / "results" / "train-step.json"))
    args = ap.parse_args()
    torch.set_num_threads(1)
    overrides = preset_overrides.parse(args.set)
    rows = []
    for preset in args.presets:
        trainers = {}
        for bf16 in (False, True):
            torch.manual_seed(0)
            trainers[bf16] = Trainer(preset_overrides.config(preset, overrides, bf16=bf16), torch.device("cpu"))
        times = {False: [], True: []}
        for _ in range(args.rounds):
            for bf16, trainer in trainers.items():
                times[bf16] += cpu_seconds_per_step(trainer, args.steps)
        batch = trainers[True].cfg["batch"]
        fp32, bf16 = statistics.median(times[False]), statistics.median(times[True])
        rows.append(dict(preset=preset, overrides=overrides, batch=batch,
                         fp32CpuSeconds=round(fp32, 4), bf16CpuSeconds=round(bf16, 4),
                         fp32PuzzleStepsPerCpuSecond=round(batch / fp32, 1),
                         bf16PuzzleStepsPerCpuSecond=round(batch / bf16, 1), speedup=round(fp32 / bf16, 2)))
    print("| preset | batch | fp32 CPU s / step | bf16 CPU s / step | puzzle-steps / CPU s (fp32 -> bf16) | bf16 speed-up |")
    print("|---|---|---|---|---|---|")
    for r in rows:
        name = preset_overrides.label(r["preset"], r["overrides"])
        print(f"| {name} | {r['batch']} | {r['fp32CpuSeconds']} | {r['bf16CpuSeconds']} | "
              f"{r['fp32PuzzleStepsPerCpuSecond']} -> {r['bf16PuzzleStepsPerCpuSecond']} | {r['speedup']}x |")
    Path(args.json).parent.mkdir(parents=True, exist_ok=True)
    Path(args.json).write_text(json.dumps(dict(threads=1, steps=args.steps, rounds=args.rounds, rows=rows), indent=1) + "\n")


if __name__ == "__main__":
    main()
