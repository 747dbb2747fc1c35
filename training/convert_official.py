"""Convert an official TinyRecursiveModels checkpoint (state_dict + its all_config.yaml) to our
ONNX step graph, optionally registering it in models/manifest.json.

  /usr/bin/python3 training/convert_official.py --checkpoint step_52080 --config all_config.yaml \
      --kind sudoku --id sudoku-official-mlp-d512 [--manifest]
"""
import argparse
import sys
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parent))
from export import ROOT, export_onnx, manifest_entry, update_manifest  # noqa: E402
from model import PREFIX, TRM, TRMConfig  # noqa: E402

PREFIXES = ("_orig_mod.", "model.inner.")
IGNORED = ("local_weights", "local_ids", "rotary_emb.")  # non-parameter buffers of the official modules
SEQ_LEN = {"sudoku": 81, "maze": 900, "arc": 900}


def strip_prefix(key):
    for p in PREFIXES:
        if key.startswith(p):
            key = key[len(p):]
    return key


def config_from_official(arch, state, kind):
    """Our TRMConfig from the `arch` section of all_config.yaml plus shapes read off the weights."""
    prefix_len = arch.get("puzzle_emb_len") or -(-arch.get("puzzle_emb_ndim", 0) // arch["hidden_size"])
    if prefix_len != PREFIX:
        raise ValueError(f"puzzle_emb_len {prefix_len} is not supported (the contract fixes a {PREFIX}-position prefix)")
    mlp = bool(arch.get("mlp_t"))
    if not mlp and arch.get("pos_encodings", "rope") != "rope":
        raise ValueError(f"pos_encodings {arch.get('pos_encodings')!r} is not supported (rope only)")
    if mlp:  # the token mixer's width is the whole state length
        seq_len = state["L_level.layers.0.mlp_t.gate_up_proj.weight"].shape[1] - PREFIX
    else:
        seq_len = SEQ_LEN[kind]
    return TRMConfig(kind=kind, vocab=state["embed_tokens.embedding_weight"].shape[0], seq_len=seq_len, hidden=arch["hidden_size"],
                     variant="mlp" if mlp else "attention", heads=None if mlp else arch["num_heads"],
                     layers=arch["L_layers"], T=arch["H_cycles"], n=arch["L_cycles"],
                     halt_max_steps=arch["halt_max_steps"], expansion=arch.get("expansion", 4),
                     puzzle_ids=state["puzzle_emb.weights"].shape[0] if "puzzle_emb.weights" in state else 1)


def load_official(checkpoint, config, kind):
    import yaml  # only the converter reads YAML

    raw = torch.load(checkpoint, map_location="cpu")
    raw = raw.get("model", raw) if isinstance(raw, dict) and "model" in raw else raw
    state = {strip_prefix(k): v.float() for k, v in raw.items() if not any(s in k for s in IGNORED)}
    arch = yaml.safe_load(Path(config).read_text())["arch"]
    model = TRM(config_from_official(arch, state, kind))
    if "puzzle_emb.weights" not in state:  # puzzle_emb_ndim 0: the prefix stays all zeros
        state["puzzle_emb.weights"] = torch.zeros_like(model.puzzle_emb.weights)
    model.load_state_dict(state, strict=True)
    return model.eval()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--checkpoint", required=True)
    ap.add_argument("--config", required=True, help="the run's all_config.yaml")
    ap.add_argument("--kind", default="sudoku", choices=sorted(SEQ_LEN))
    ap.add_argument("--id", required=True)
    ap.add_argument("--models", default=str(ROOT / "models"))
    ap.add_argument("--manifest", action="store_true", help="add/replace the entry in models/manifest.json")
    args = ap.parse_args()
    model = load_official(args.checkpoint, args.config, args.kind)
    path = export_onnx(model, Path(args.models) / f"{args.id}.onnx")
    if args.manifest:
        training = {"data": "official TinyRecursiveModels checkpoint", "checkpoint": str(args.checkpoint)}
        update_manifest(manifest_entry(model, path, args.id, training), Path(args.models) / "manifest.json")
    print(path)


if __name__ == "__main__":
    main()
