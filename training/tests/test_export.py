import json
from types import SimpleNamespace

import onnx
import torch

from convert_official import load_official
from export import (export_onnx, main as export_main, manifest_entry, merged_accuracy, update_manifest,
                    write_parity_fixture)
from model import TRM, TRMConfig
from train import Trainer, build_config, save


def test_export_contract(tmp_path):
    torch.manual_seed(0)
    model = TRM(TRMConfig(hidden=32, T=1, n=1, halt_max_steps=4))
    path = export_onnx(model, tmp_path / "m.onnx")
    graph = onnx.load(str(path))
    assert graph.opset_import[0].version == 17
    inputs = {i.name: i for i in graph.graph.input}
    assert list(inputs) == ["tokens", "y", "z", "reset"]
    assert [o.name for o in graph.graph.output] == ["y_next", "z_next", "logits", "q_halt"]
    dims = [d.dim_param or d.dim_value for d in inputs["y"].type.tensor_type.shape.dim]
    assert dims == ["batch", 97, 32]
    entry = manifest_entry(model, path, "sudoku-test")
    manifest = tmp_path / "manifest.json"
    manifest.write_text(json.dumps({"version": 1, "models": [{"id": "other"}, {"id": "sudoku-test"}]}))
    update_manifest(entry, manifest)
    models = json.loads(manifest.read_text())["models"]
    assert [m["id"] for m in models] == ["other", "sudoku-test"] and models[1]["stateShape"] == [97, 32]
    assert models[1]["sha256"] == entry["sha256"] and len(entry["sha256"]) == 64


def test_a_default_model_is_listed_first_for_its_kind(tmp_path):
    manifest = tmp_path / "manifest.json"
    listed = [{"id": "maze-a", "kind": "maze"}, {"id": "sudoku-small", "kind": "sudoku"}]
    manifest.write_text(json.dumps({"version": 1, "models": listed}))
    update_manifest({"id": "sudoku-big", "kind": "sudoku"}, manifest)
    assert [m["id"] for m in json.loads(manifest.read_text())["models"]] == ["maze-a", "sudoku-small", "sudoku-big"]
    update_manifest({"id": "sudoku-big", "kind": "sudoku"}, manifest, default=True)
    assert [m["id"] for m in json.loads(manifest.read_text())["models"]] == ["maze-a", "sudoku-big", "sudoku-small"]


def test_parity_fixtures(tmp_path):
    model, fixture = write_parity_fixture(tmp_path)
    assert (tmp_path / "tiny-sudoku.onnx").exists() and len(fixture["steps"]) == 3
    assert (tmp_path / "tiny-sudoku.parity.json").stat().st_size < 300_000
    assert len(fixture["tokens"][0]) == 81 and len(fixture["steps"][0]["logits"][0][0]) == 11
    model, fixture = write_parity_fixture(tmp_path, "maze")
    assert model.cfg.variant == "attention" and fixture["kind"] == "maze"
    assert len(fixture["tokens"][0]) == 900 and len(fixture["steps"][0]["logits"][0][0]) == 6
    entry = manifest_entry(model, tmp_path / "tiny-maze.onnx", "maze-test")
    assert entry["kind"] == "maze" and entry["stateShape"] == [916, 16] and entry["architecture"]["heads"] == 2
    model, fixture = write_parity_fixture(tmp_path, "maze-conv")
    assert fixture["kind"] == "maze" and fixture["architecture"]["variant"] == "conv"
    assert fixture["architecture"]["heads"] is None and fixture["stateShape"] == [916, 16]


def official_layout(model, prefix="_orig_mod.model.inner."):
    """A state_dict the way the official trainer saves it: prefixed keys, bf16 initial states."""
    sd = {prefix + k: (v.bfloat16() if k.endswith("_init") else v.clone()) for k, v in model.state_dict().items()}
    sd[prefix + "puzzle_emb.local_weights"] = torch.zeros(4, model.cfg.hidden)  # non-persistent extras are ignored
    return sd


def test_converter_on_random_official_checkpoint(tmp_path):
    for mlp in (True, False):
        torch.manual_seed(1)
        cfg = TRMConfig(hidden=32, variant="mlp" if mlp else "attention", heads=None if mlp else 4, T=2, n=3)
        ours = TRM(cfg)
        with torch.no_grad():
            ours.puzzle_emb.weights.normal_()
            for init in (ours.H_init, ours.L_init):  # official checkpoints store them in bf16
                init.copy_(init.bfloat16().float())
        torch.save(official_layout(ours), tmp_path / "step_100")
        (tmp_path / "all_config.yaml").write_text(
            "arch:\n  name: recursive_reasoning.trm@TinyRecursiveReasoningModel_ACTV1\n  H_cycles: 2\n  L_cycles: 3\n"
            f"  L_layers: 2\n  H_layers: 0\n  hidden_size: 32\n  num_heads: 4\n  expansion: 4\n  puzzle_emb_ndim: 32\n"
            f"  pos_encodings: {'none' if mlp else 'rope'}\n  mlp_t: {mlp}\n  puzzle_emb_len: 16\n  halt_max_steps: 16\n")
        model = load_official(tmp_path / "step_100", tmp_path / "all_config.yaml", "sudoku")
        assert model.cfg == cfg
        B = 2
        args = (torch.randint(1, 11, (B, 81)), torch.zeros(B, 97, 32), torch.zeros(B, 97, 32), torch.ones(B, dtype=torch.bool))
        expected = ours.eval()(*args)
        got = model(*args)
        assert all(torch.allclose(e, g, atol=1e-5) for e, g in zip(expected[2:], got[2:]))
        assert export_onnx(model, tmp_path / "official.onnx").exists()


def test_accuracy_from_several_evaluations_lists_each_set_and_policy_once(tmp_path):
    row = lambda policy, rate: {"set": "heldout", "policy": policy, "bins": [{"solvedRate": rate}]}  # noqa: E731
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    first.write_text(json.dumps([row("fixed 16", 0.7), row("verified max 16, up to 8 rethinks", 0.98)]))
    second.write_text(json.dumps([row("fixed 16", 0.7), row("verified max 16", 0.75)]))
    merged = merged_accuracy([first, second])
    assert [r["policy"] for r in merged] == ["fixed 16", "verified max 16, up to 8 rethinks", "verified max 16"]


def test_an_export_with_more_recursion_says_how_it_runs_and_how_it_trained(tmp_path, monkeypatch):
    torch.manual_seed(0)
    trainer = Trainer(build_config(SimpleNamespace(preset="tiny", T=1, n=1)), torch.device("cpu"))
    save(trainer.state(), tmp_path / "run.pt")
    monkeypatch.setattr("sys.argv", ["export.py", "--checkpoint", str(tmp_path / "run.pt"), "--id", "sudoku-deep",
                                     "--models", str(tmp_path), "--recursion", "2", "3"])
    export_main()
    entry = json.loads((tmp_path / "manifest.json").read_text())["models"][0]
    assert (entry["architecture"]["T"], entry["architecture"]["n"]) == (2, 3)
    assert entry["training"]["trainedRecursion"] == {"T": 1, "n": 1}
