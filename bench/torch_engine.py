"""PyTorch eager baseline for bench/engine.ts: the same weights (training checkpoint, EMA),
the same puzzles, the same halting policy (stop a row when q_halt > 0 or at max steps), in
fixed batches at each batch size. Prints one JSON line: [{batch, puzzles, puzzlesPerSecond, rowStepsPerSecond}].
"""
import argparse
import json
import sys
import time
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "training"))
from train import load_model  # noqa: E402


@torch.no_grad()
def solve_batch(model, tokens, max_steps):
    batch = tokens.shape[0]
    y, z = model.initial_state(batch)
    reset = torch.zeros(batch, dtype=torch.bool)
    done = torch.zeros(batch, dtype=torch.bool)
    for step in range(1, max_steps + 1):
        y, z, _logits, q = model(tokens, y, z, reset)
        done |= q > 0
        if bool(done.all()):
            break
    return step * batch  # rows computed, halted or not


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--checkpoint", required=True)
    ap.add_argument("--puzzles", required=True)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--batches", default="16,32,64")
    ap.add_argument("--limit", type=int, default=256, help="puzzles per batch size (eager is slow)")
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    model = load_model(args.checkpoint)
    # the puzzles as the app encodes them (main/puzzles kinds), one token list each
    tokens = torch.tensor(json.loads(Path(args.puzzles).read_text())[: args.limit], dtype=torch.long)
    max_steps = model.cfg.halt_max_steps
    results = []
    for batch in [int(b) for b in args.batches.split(",")]:
        solve_batch(model, tokens[:batch], 1)  # warm-up
        start = time.perf_counter()
        row_steps = sum(solve_batch(model, tokens[i : i + batch], max_steps) for i in range(0, len(tokens), batch))
        seconds = time.perf_counter() - start
        results.append(dict(batch=batch, puzzles=len(tokens), puzzlesPerSecond=round(len(tokens) / seconds, 2),
                            rowStepsPerSecond=round(row_steps / seconds, 1)))
        print(f"pytorch batch {batch}: {results[-1]['puzzlesPerSecond']} puzzles/s", file=sys.stderr)
    print(json.dumps(results))


if __name__ == "__main__":
    main()
