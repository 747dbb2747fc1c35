"""Average the EMA weights of several checkpoints of one run into one checkpoint.

On two CPU cores a maze run trains at batch 8, and its copies 20 minutes apart differ by 15-25
points on the same mazes (training/README.md, "Any shortest route as the label"): the EMA (about
1,000 steps) is shorter than the wander. A uniform average over copies spread along the run (as in
stochastic weight averaging) is a longer one, and choosing it costs one evaluation, not a run.

  /usr/bin/python3 training/average.py training/runs/G-40.pt training/runs/G-60.pt training/runs/G-80.pt \
      --out training/runs/avg.pt

The result evaluates and exports like any checkpoint. It has no optimizer state or carry, so it
resumes as weights only; its counters are those of the latest checkpoint averaged.
"""
import argparse
import sys
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parent))
from train import MODEL_FIELDS, load_checkpoint, save, weights_only  # noqa: E402


def average(checkpoints):
    """One weights-only checkpoint whose weights are the mean of the checkpoints' EMA weights."""
    if len(checkpoints) < 2:
        raise ValueError("averaging needs at least two checkpoints")
    first = checkpoints[0]["cfg"]
    for ck in checkpoints[1:]:
        differ = sorted(k for k in MODEL_FIELDS if ck["cfg"].get(k) != first.get(k))
        if differ:
            raise ValueError(f"the checkpoints are different models ({', '.join(differ)} differ): "
                             "only copies of one model can be averaged")
    latest = max(checkpoints, key=lambda ck: ck["step"])
    weights = {}
    for name, value in latest["ema"].items():
        if value.is_floating_point():  # in fp64, so the mean of fp16 slim weights loses nothing more
            mean = sum(ck["ema"][name].double() for ck in checkpoints) / len(checkpoints)
            weights[name] = mean.float()
        else:
            weights[name] = value
    return weights_only(latest, weights)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("checkpoints", nargs="+", help="copies of one run's checkpoint")
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    try:
        state = average([load_checkpoint(p) for p in args.checkpoints])
    except ValueError as e:
        raise SystemExit(str(e))
    save(state, args.out)
    print(f"{args.out}: the mean of {len(args.checkpoints)} checkpoints' EMA weights, step {state['step']}")


if __name__ == "__main__":
    main()
