#!/usr/bin/env bash
# One GPU session's training job, prepared so that the device minutes go to training: train a
# preset for a few minutes, evaluate on the held-out sets on the GPU, and leave in $OUT what the
# device tool brings back (at most 8 files of 16 MiB each): the log, the evaluation, a slim
# checkpoint (EMA weights in fp16, ~10 MB for the paper's Sudoku model, ~14 MB for its maze
# model) and, when it is small enough, the full checkpoint that resumes exactly.
#
#   training/gpu_job.sh sudoku [minutes] [train.py flags]  # preset gpu, continuing the committed Sudoku run
#   training/gpu_job.sh sudoku-paper [minutes] [flags]     # preset gpu, the paper's Sudoku model, from scratch
#   training/gpu_job.sh maze-conv [minutes] [flags]        # preset maze-conv-gpu, continuing the committed conv maze run
#   training/gpu_job.sh maze [minutes] [train.py flags]    # preset maze-gpu, the paper's maze model, from scratch
#
# Through the device tool: carry ["training/runs/cache"] (the Sudoku puzzle banks, minutes of
# generation otherwise) and a timeout a few minutes over `minutes`; then, on this side,
# training/README.md, "A GPU session, step by step". PER_BIN sets the held-out puzzles per bin (300).
set -euo pipefail
kind=${1:?"usage: training/gpu_job.sh sudoku|sudoku-paper|maze-conv|maze [minutes] [train.py flags]"}
minutes=${2:-7}
out=${OUT:?"OUT must name the folder that comes back"}
case "$kind" in
  # the committed hidden-64 run keeps its architecture; the gpu preset's lr and decay are the paper model's
  sudoku) preset=(--preset gpu --resume training/checkpoints/sudoku-mlp-d64-cpu.pt --lr 1e-3 --weight-decay 0.1) ;;
  sudoku-paper) preset=(--preset gpu) ;;
  # the committed conv run trained at T=2, n=2 and ships at T=3, n=4: train it at what the app runs
  maze-conv) preset=(--preset maze-conv-gpu --resume training/checkpoints/maze-conv-d64-cpu.pt --T 3 --n 4) ;;
  maze) preset=(--preset maze-gpu) ;;
  *)
    echo "unknown kind '$kind': sudoku, sudoku-paper, maze-conv or maze" >&2
    exit 2
    ;;
esac
python=${PYTHON:-python3}
run=training/runs/gpu-$kind
export PYTHONUNBUFFERED=1

{ nvidia-smi --query-gpu=name,memory.total --format=csv,noheader || echo "no GPU"; } >"$out/device.txt" 2>&1
"$python" -c 'import torch; print("torch", torch.__version__, "cuda", torch.cuda.is_available())' >>"$out/device.txt"
"$python" training/train.py "${preset[@]}" --out "$run" --minutes "$minutes" --slim "$out/$kind-gpu-slim.pt" \
  "${@:3}" 2>&1 | tee "$out/train.log"
cp "$run/log.jsonl" "$out/log.jsonl"
if [ "$(stat -c %s "$run/last.pt")" -le $((16 * 1024 * 1024)) ]; then
  cp "$run/last.pt" "$out/$kind-gpu-last.pt" # resumes exactly (a hidden-64 model's is ~10 MB)
fi
"$python" training/evaluate.py --checkpoint "$out/$kind-gpu-slim.pt" --per-bin "${PER_BIN:-300}" \
  --json "$out/eval.json" 2>&1 | tee "$out/eval.md"
