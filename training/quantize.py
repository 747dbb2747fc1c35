"""Dynamic int8 quantisation of an exported TRM step graph, with nothing but `onnx`.

Every MatMul whose right-hand side is a float weight becomes
    DynamicQuantizeLinear(x) -> MatMulInteger(x_q, W_q) -> Cast -> Mul(x_scale * W_scale)
with W quantised per output column (symmetric int8). onnxruntime's CPU provider fuses this
pattern into its VNNI int8 kernels; activations stay float between MatMuls. This is the
graph onnxruntime.quantization.quantize_dynamic writes, built here because that Python
package is not available on our machines.

    /usr/bin/python3 training/quantize.py --id sudoku-x      # -> models/sudoku-x-int8.onnx + manifest entry

Measured on the d64 CPU model (bench:engine, 2 cores): all MatMuls int8 is 1.4-1.5x faster but
solves 17-21 points fewer puzzles; with --float-mixer it is 1.2x faster within a point. Ship an
int8 variant only when its measured solved rate is within a point of fp32. (Those figures are
from full-range weights on a VNNI CPU, before WEIGHT_LEVELS: measure again before shipping one.)

The int8 entry copies the fp32 entry (architecture, training) with its own file, hash and
an empty accuracy list: its accuracy must be measured, not inherited.
"""
import argparse
import json
from pathlib import Path

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper


# 7 bits of the int8 (onnxruntime's reduce_range): CPUs without VNNI multiply uint8 activations by
# int8 weights in pairs summed into int16 (vpmaddubsw), which saturates once 2 x 255 x |w| passes
# 32,767. With full-range weights the int8 test model agreed with fp32 on 44% of cells on such a
# CPU (AVX2, no AVX-512), against over 60% where VNNI is present.
WEIGHT_LEVELS = 63


def quantize_columns(w: np.ndarray):
    """Symmetric per-column int8 within +-WEIGHT_LEVELS: w ~= w_q * scale, scale [N]."""
    scale = np.abs(w).max(axis=0) / WEIGHT_LEVELS
    scale[scale == 0] = 1.0
    w_q = np.clip(np.round(w / scale), -WEIGHT_LEVELS, WEIGHT_LEVELS).astype(np.int8)
    return w_q, scale.astype(np.float32)


def _quantised_weight(graph, cache, w, transpose: bool):
    """int8 copy of a weight (of its transpose), per-column scale and zero point, made once
    however often the recursion uses the weight."""
    key = (w.name, transpose)
    if key not in cache:
        array = numpy_helper.to_array(w)
        w_q, scale = quantize_columns(array.T.copy() if transpose else array)
        side = "t" if transpose else "n"
        names = (f"{w.name}_int8_{side}", f"{w.name}_scale_{side}", f"{w.name}_zero_{side}")
        graph.initializer.extend([
            numpy_helper.from_array(w_q, names[0]),
            numpy_helper.from_array(scale, names[1]),
            numpy_helper.from_array(np.zeros(len(scale), dtype=np.int8), names[2]),
        ])
        cache[key] = names
    return cache[key]


def _ranks(model: onnx.ModelProto) -> dict:
    inferred = onnx.shape_inference.infer_shapes(model).graph
    values = list(inferred.value_info) + list(inferred.input) + list(inferred.output)
    return {v.name: len(v.type.tensor_type.shape.dim) for v in values if v.type.tensor_type.HasField("shape")}


def _swap_last_two(rank: int) -> list:
    return list(range(rank - 2)) + [rank - 1, rank - 2]


def quantize_model(model: onnx.ModelProto, mixer: bool = True) -> tuple[onnx.ModelProto, int]:
    """`mixer=False` keeps the sequence-mixing MatMuls (weights on the left) in float."""
    ranks = _ranks(model)
    graph = model.graph
    weights = {i.name: i for i in graph.initializer}
    # torch.onnx.export reaches weights shared across the unrolled recursion through Identity nodes
    for node in graph.node:
        if node.op_type == "Identity" and node.input[0] in weights:
            weights[node.output[0]] = weights[node.input[0]]
    is_weight = lambda name: name in weights and weights[name].data_type == TensorProto.FLOAT and len(weights[name].dims) == 2
    cache = {}
    nodes = []
    count = 0
    for node in graph.node:
        left = node.op_type == "MatMul" and is_weight(node.input[0])
        if node.op_type != "MatMul" or not ((left and mixer) or is_weight(node.input[1])):
            nodes.append(node)
            continue
        out = node.output[0]
        p = f"{out}_q"
        if left:
            # W @ x (the sequence-mixing MLP) = (x^T @ W^T)^T: onnxruntime's fused int8 kernel
            # wants the quantised activations on the left.
            w_name, x, result = node.input[0], f"{p}_xt", f"{p}_yt"
            # Shape inference cannot see through the Reshape in front of model.py's token mixer,
            # whose operand is [width, N]: rank 2 unless inference says otherwise.
            perm = _swap_last_two(ranks.get(node.input[1], 2))
            nodes.append(helper.make_node("Transpose", [node.input[1]], [x], perm=perm))
        else:
            w_name, x, result = node.input[1], node.input[0], out
        w_q, w_scale, w_zero = _quantised_weight(graph, cache, weights[w_name], transpose=left)
        nodes += [
            helper.make_node("DynamicQuantizeLinear", [x], [f"{p}_x", f"{p}_xs", f"{p}_xz"]),
            helper.make_node("MatMulInteger", [f"{p}_x", w_q, f"{p}_xz", w_zero], [f"{p}_i32"]),
            helper.make_node("Cast", [f"{p}_i32"], [f"{p}_f"], to=TensorProto.FLOAT),
            helper.make_node("Mul", [f"{p}_xs", w_scale], [f"{p}_s"]),
            helper.make_node("Mul", [f"{p}_f", f"{p}_s"], [result]),
        ]
        if left:
            nodes.append(helper.make_node("Transpose", [result], [out], perm=perm))
        count += 1
    outputs = {o.name for o in graph.output}
    used = {i for n in nodes for i in n.input}
    live = [n for n in nodes if n.op_type != "Identity" or n.output[0] in used or n.output[0] in outputs]
    del graph.node[:]
    graph.node.extend(live)
    used = {i for n in graph.node for i in n.input}
    kept = [i for i in graph.initializer if i.name in used]
    del graph.initializer[:]
    graph.initializer.extend(kept)
    return model, count


def int8_entry(entry: dict, target: Path) -> dict:
    from export import sha256  # same hashing as every exported model

    return dict(entry, id=f"{entry['id']}-int8", file=target.name, sha256=sha256(target),
                bytes=target.stat().st_size, precision="int8", accuracy=[], card=entry.get("card"))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--id", required=True, help="the fp32 model's id in the manifest")
    parser.add_argument("--models", default="models")
    parser.add_argument("--float-mixer", action="store_true",
                        help="keep the sequence-mixing MatMuls in float: slower, but far closer to fp32 accuracy")
    args = parser.parse_args()
    from export import update_manifest

    manifest_path = Path(args.models) / "manifest.json"
    entry = next(m for m in json.loads(manifest_path.read_text())["models"] if m["id"] == args.id)
    source = Path(args.models) / entry["file"]
    target = source.with_name(f"{source.stem}-int8.onnx")
    model, count = quantize_model(onnx.load(str(source)), mixer=not args.float_mixer)
    onnx.checker.check_model(model)
    onnx.save(model, str(target))
    update_manifest(int8_entry(entry, target), manifest_path)
    print(f"{count} MatMuls quantised to int8 -> {target} ({target.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
