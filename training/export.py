"""Export one TRM supervision step to ONNX (the app's model contract) and register it.

  /usr/bin/python3 training/export.py --checkpoint training/checkpoints/X.pt --id sudoku-mlp-d64 \
      --accuracy eval.json --hardware "2 shared CPU cores" --data "..."    # -> models/<id>.onnx + manifest
  /usr/bin/python3 training/export.py --parity       # -> test/fixtures/parity/tiny-{sudoku,maze,maze-conv}.{onnx,parity.json}

Graph: tokens int64 [B,L], y/z float32 [B,S,D], reset bool [B] (+ puzzle_id int64 [B] for models
with per-puzzle embeddings) -> y_next, z_next [B,S,D], logits [B,L,V], q_halt [B]. Batch is the only
dynamic axis; rows with reset=true start from the model's fixed H_init / L_init.
"""
import argparse
import hashlib
import json
import sys
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parent))
from model import TRM, TRMConfig, count_parameters  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
OPSET = 17
INPUTS = ["tokens", "y", "z", "reset"]
OUTPUTS = ["y_next", "z_next", "logits", "q_halt"]


class Step(torch.nn.Module):
    """The exported signature; `puzzle_id` only when the model has more than one puzzle embedding."""

    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, tokens, y, z, reset, puzzle_id=None):
        return self.model(tokens, y, z, reset, puzzle_id)


def export_onnx(model, path):
    model = model.eval()
    cfg = model.cfg
    B, S, D = 2, cfg.state_len, cfg.hidden
    args = [torch.ones(B, cfg.seq_len, dtype=torch.long), torch.zeros(B, S, D), torch.zeros(B, S, D),
            torch.ones(B, dtype=torch.bool)]
    names = list(INPUTS)
    if cfg.puzzle_ids > 1:
        args.append(torch.zeros(B, dtype=torch.long))
        names.append("puzzle_id")
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    with torch.no_grad():
        torch.onnx.export(Step(model), tuple(args), str(path), opset_version=OPSET, input_names=names,
                          output_names=OUTPUTS, dynamic_axes={n: {0: "batch"} for n in names + OUTPUTS},
                          do_constant_folding=True)
    import onnx  # checked only here so training never needs it
    onnx.checker.check_model(onnx.load(str(path)))
    return path


def sha256(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def manifest_entry(model, onnx_path, model_id, training=None, accuracy=None):
    cfg = model.cfg
    return {
        "id": model_id, "kind": cfg.kind, "file": Path(onnx_path).name, "sha256": sha256(onnx_path),
        "bytes": Path(onnx_path).stat().st_size, "parameters": count_parameters(model),
        "architecture": {"variant": cfg.variant, "hidden": cfg.hidden,
                         "heads": cfg.heads if cfg.variant == "attention" else None,
                         "layers": cfg.layers, "T": cfg.T, "n": cfg.n, "prefix": cfg.state_len - cfg.seq_len},
        "vocab": cfg.vocab, "seqLen": cfg.seq_len, "stateShape": [cfg.state_len, cfg.hidden],
        "maxSteps": cfg.halt_max_steps, "opset": OPSET,
        "inputs": INPUTS + (["puzzle_id"] if cfg.puzzle_ids > 1 else []), "outputs": OUTPUTS,
        "training": training or {}, "accuracy": accuracy or [], "card": f"{model_id}.md",
    }


def merged_accuracy(paths):
    """The rows of several evaluate.py --json files, in order; a set and policy more than one
    measured (fixed-step rows, which rethinking does not change) is listed once, as first given."""
    accuracy, listed = [], set()
    for path in paths:
        for row in json.loads(Path(path).read_text()):
            if (row["set"], row["policy"]) not in listed:
                listed.add((row["set"], row["policy"]))
                accuracy.append(row)
    return accuracy


def update_manifest(entry, manifest_path, default=False):
    """Insert or replace this model's entry; every other entry is kept as it was. The app solves a
    kind with the first model listed for it, so `default` moves the entry before the others of its kind."""
    path = Path(manifest_path)
    manifest = json.loads(path.read_text()) if path.exists() else {"version": 1, "models": []}
    models = [m for m in manifest["models"] if m["id"] != entry["id"]]
    ids = [m["id"] for m in manifest["models"]]
    at = ids.index(entry["id"]) if entry["id"] in ids else len(models)
    if default:
        at = next((i for i, m in enumerate(models) if m.get("kind") == entry["kind"]), at)
    models.insert(at, entry)
    manifest["models"] = models
    path.write_text(json.dumps(manifest, indent=2) + "\n")


@torch.no_grad()
def parity_steps(model, tokens, steps=3):
    """PyTorch outputs for `steps` supervision steps: the first from reset with zero y, z."""
    B, S, D = len(tokens), model.cfg.state_len, model.cfg.hidden
    y = z = torch.zeros(B, S, D)
    reset = torch.ones(B, dtype=torch.bool)
    out = []
    for _ in range(steps):
        y, z, logits, q_halt = model(tokens, y, z, reset)
        reset = torch.zeros(B, dtype=torch.bool)
        out.append((logits, q_halt))
    return out


def fixture_puzzles(kind, batch):
    """A few real puzzles of the kind, as tokens, for parity fixtures."""
    if kind == "sudoku":
        from data.sudoku import SudokuSource, make_bank, to_tokens
        puzzles, _ = SudokuSource(make_bank(4, 7), givens=(25, 40), seed=7).sample(batch)
        return torch.from_numpy(to_tokens(puzzles))
    from data.maze import MazeSource
    return torch.from_numpy(MazeSource(sizes=(6, 12), paths=(1, 30), seed=7).sample(batch)[0])


PARITY_MODELS = {  # tiny random models, one per architecture the app runs
    "sudoku": dict(kind="sudoku", hidden=32, T=2, n=2, halt_max_steps=4, expansion=1.0),
    "maze": dict(kind="maze", vocab=6, seq_len=900, variant="attention", heads=2, hidden=16, T=1, n=2,
                 halt_max_steps=4, expansion=1.0),
    "maze-conv": dict(kind="maze", vocab=6, seq_len=900, variant="conv", hidden=16, T=1, n=2,
                      halt_max_steps=4, expansion=1.0),
}


def write_parity_fixture(folder, name="sudoku", batch=2, min_margin=2e-3):
    """A tiny random model and its outputs for 3 steps, replayed by test/training/parity.test.ts.
    Seeds are tried until every argmax wins by `min_margin`, so the TypeScript check of identical
    argmax cannot flip on float rounding."""
    kind = PARITY_MODELS[name]["kind"]
    tokens = fixture_puzzles(kind, batch)
    for seed in range(100):
        torch.manual_seed(seed)
        model = TRM(TRMConfig(**PARITY_MODELS[name])).eval()
        steps = parity_steps(model, tokens)
        top2 = torch.stack([l.topk(2, dim=-1).values for l, _ in steps])
        if (top2[..., 0] - top2[..., 1]).min() >= min_margin:
            break
    folder, name = Path(folder), f"tiny-{name}"
    onnx_path = export_onnx(model, folder / f"{name}.onnx")
    rnd = lambda t: np.round(t.numpy().astype(np.float64), 6).tolist()  # noqa: E731
    entry = manifest_entry(model, onnx_path, name)  # its fields let tests list the fixture as an installed model
    fixture = {"model": f"{name}.onnx", **{k: entry[k] for k in ("kind", "architecture", "stateShape", "vocab", "seqLen")},
               "tokens": tokens.tolist(),
               "steps": [{"logits": rnd(logits), "q_halt": rnd(q)} for logits, q in steps]}
    (folder / f"{name}.parity.json").write_text(json.dumps(fixture, separators=(",", ":")))
    return model, fixture


def main():
    from train import add_recursion_argument, load_checkpoint, load_model

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--parity", action="store_true", help="write the TypeScript parity fixture and stop")
    ap.add_argument("--checkpoint", help="training checkpoint (its EMA weights are exported)")
    ap.add_argument("--raw", action="store_true", help="export the raw weights instead (when they evaluate better)")
    ap.add_argument("--id", help="model id, e.g. sudoku-mlp-d64 or maze-attn-d64")
    ap.add_argument("--models", default=str(ROOT / "models"))
    ap.add_argument("--accuracy", action="append", default=[],
                    help="JSON from evaluate.py --json (repeat to list several evaluations)")
    ap.add_argument("--hardware", default="")
    ap.add_argument("--data", default="")
    ap.add_argument("--commit-checkpoint", help="repo-relative path of the checkpoint that resumes this run")
    ap.add_argument("--default", action="store_true", help="list it first for its kind: the model the app uses")
    add_recursion_argument(ap)
    args = ap.parse_args()
    if args.parity:
        for name in PARITY_MODELS:
            write_parity_fixture(ROOT / "test" / "fixtures" / "parity", name)
        return
    ck = load_checkpoint(args.checkpoint)
    model = load_model(args.checkpoint, ema=not args.raw, recursion=args.recursion)
    onnx_path = export_onnx(model, Path(args.models) / f"{args.id}.onnx")
    training = {"data": args.data, "steps": ck["step"], "puzzleSteps": ck["puzzle_steps"], "hardware": args.hardware,
                "wallSeconds": round(ck["wall"], 1), "preset": ck["cfg"]["preset"],
                "checkpoint": args.commit_checkpoint or str(Path(args.checkpoint)), "weights": "raw" if args.raw else "ema"}
    if args.recursion:  # the manifest's architecture says how it runs; this, how it learnt
        training["trainedRecursion"] = {"T": ck["cfg"]["T"], "n": ck["cfg"]["n"]}
    accuracy = merged_accuracy(args.accuracy)
    entry = manifest_entry(model, onnx_path, args.id, training, accuracy)
    update_manifest(entry, Path(args.models) / "manifest.json", default=args.default)
    print(json.dumps({k: entry[k] for k in ("id", "file", "sha256", "bytes", "parameters")}))


if __name__ == "__main__":
    main()
