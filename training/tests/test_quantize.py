import json
from collections import Counter

import onnx
import torch

from export import export_onnx, manifest_entry, update_manifest
from model import TRM, TRMConfig
from quantize import int8_entry, quantize_model, quantize_columns


def test_columns_round_trip_within_half_a_step_and_cannot_saturate_a_cpu_without_vnni():
    w = torch.randn(64, 48).numpy()
    w_q, scale = quantize_columns(w)
    assert w_q.dtype.name == "int8" and scale.shape == (48,)
    assert 2 * 255 * abs(w_q.astype(int)).max() <= 32767  # a pair of uint8 x int8 products fits in int16
    assert abs(w_q * scale - w).max() <= scale.max() / 2 + 1e-7


def test_every_weight_matmul_becomes_integer(tmp_path):
    torch.manual_seed(0)
    model = TRM(TRMConfig(hidden=32, T=1, n=2, halt_max_steps=4))
    path = export_onnx(model, tmp_path / "m.onnx")
    original = onnx.load(str(path))
    before = Counter(n.op_type for n in original.graph.node)
    inits = {i.name for i in original.graph.initializer}
    identity = {n.output[0]: n.input[0] for n in original.graph.node if n.op_type == "Identity"}
    matmul_weights = {identity.get(x, x) for n in original.graph.node if n.op_type == "MatMul" for x in n.input}
    matmul_weights &= inits
    quantised, count = quantize_model(original)
    onnx.checker.check_model(quantised)
    after = Counter(n.op_type for n in quantised.graph.node)
    assert count == before["MatMul"] and after["MatMul"] == 0
    assert after["MatMulInteger"] == count and after["DynamicQuantizeLinear"] == count
    # the float weights are gone; shared ones were quantised once
    left = {i.name for i in quantised.graph.initializer}
    assert matmul_weights and not (matmul_weights & left)
    assert len([name for name in left if "_int8_" in name]) == len(matmul_weights)


def test_int8_entry_has_its_own_identity(tmp_path):
    torch.manual_seed(0)
    model = TRM(TRMConfig(hidden=32, T=1, n=1, halt_max_steps=4))
    path = export_onnx(model, tmp_path / "sudoku-t.onnx")
    entry = manifest_entry(model, path, "sudoku-t", accuracy=[{"set": "x", "policy": "halt", "bins": []}])
    update_manifest(entry, tmp_path / "manifest.json")
    target = tmp_path / "sudoku-t-int8.onnx"
    onnx.save(quantize_model(onnx.load(str(path)))[0], str(target))
    int8 = int8_entry(entry, target)
    assert int8["id"] == "sudoku-t-int8" and int8["precision"] == "int8" and int8["accuracy"] == []
    assert int8["sha256"] != entry["sha256"] and int8["bytes"] < entry["bytes"]
    update_manifest(int8, tmp_path / "manifest.json")
    assert [m["id"] for m in json.loads((tmp_path / "manifest.json").read_text())["models"]] == ["sudoku-t", "sudoku-t-int8"]


def test_float_mixer_keeps_the_sequence_mixing_matmuls(tmp_path):
    torch.manual_seed(0)
    model = TRM(TRMConfig(hidden=32, T=1, n=1, halt_max_steps=4))
    path = export_onnx(model, tmp_path / "m.onnx")
    everything, all_count = quantize_model(onnx.load(str(path)))
    partial, partial_count = quantize_model(onnx.load(str(path)), mixer=False)
    onnx.checker.check_model(partial)
    left = Counter(n.op_type for n in partial.graph.node)["MatMul"]
    assert 0 < partial_count < all_count and left == all_count - partial_count
