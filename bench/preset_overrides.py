"""`--set KEY=JSON` for the training benches: override any field of the presets they bench."""
import json
from types import SimpleNamespace

from train import build_config


def add_argument(ap, example):
    ap.add_argument("--set", action="append", default=[], metavar="KEY=JSON",
                    help=f"override a preset field for every preset benched, e.g. {example}")


def parse(items):
    return {key: json.loads(value) for key, value in (item.split("=", 1) for item in items)}


def config(preset, overrides, **flags):
    """The preset's config as train.py builds it, then the overrides: after build_config, which
    ignores None, so that square=null reaches the trainer."""
    cfg = build_config(SimpleNamespace(preset=preset, **flags))
    cfg.update(overrides)
    return cfg


def label(preset, overrides):
    return " ".join([preset] + [f"{k}={json.dumps(v)}" for k, v in overrides.items()])
