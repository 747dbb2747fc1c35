"""Named training configurations. A preset is plain data; train.py flags override any field."""

SUDOKU = dict(kind="sudoku", vocab=11, seq_len=81)

PRESETS = {
    # CI: a few seconds on one core, just proves the loop runs end to end
    "tiny": dict(SUDOKU, variant="mlp", hidden=32, T=1, n=1, halt_max_steps=4, batch=16, lr=1e-3,
                 weight_decay=0.1, warmup=5, ema=0.9, bank=32, givens=(30, 50), minutes=0.2,
                 ckpt_minutes=1.0, eval_minutes=0.0, eval_puzzles=16),
    # 2 shared CPU cores for hours; sizes chosen by the comparison in README.md
    "cpu": dict(SUDOKU, variant="mlp", hidden=64, T=2, n=2, halt_max_steps=16, batch=64, lr=1e-3,
                weight_decay=0.1, warmup=30, ema=0.999, bank=2000, givens=(22, 50), minutes=60.0,
                ckpt_minutes=10.0, eval_minutes=6.0, eval_puzzles=64),
    # one H200, <= 10 minutes: the paper's Sudoku MLP model and recipe, larger lr for the short run;
    # the same puzzle bank as `cpu` (carry training/runs/cache to skip ~2.5 min of generation)
    "gpu": dict(SUDOKU, variant="mlp", hidden=512, T=3, n=6, halt_max_steps=16, batch=768, lr=3e-4,
                weight_decay=1.0, warmup=300, ema=0.999, bank=2000, givens=(17, 50), minutes=9.0,
                ckpt_minutes=3.0, eval_minutes=3.0, eval_puzzles=128, bf16=True, compile=True),
}

# Candidates for the `cpu` preset (README.md: same CPU-time budget each, compared on held-out puzzles)
CPU_CANDIDATES = {
    "d64-T2n2-b64": dict(hidden=64, T=2, n=2, batch=64),
    "d128-T2n2-b64": dict(hidden=128, T=2, n=2, batch=64),
    "d128-T1n3-b64": dict(hidden=128, T=1, n=3, batch=64),
}
