"""Named training configurations. A preset is plain data; train.py flags override any field."""

SUDOKU = dict(kind="sudoku", vocab=11, seq_len=81)
MAZE = dict(kind="maze", vocab=6, seq_len=900, variant="attention")
# the conv maze model and its recipe; its presets differ in the mazes drawn, batch and schedule
MAZE_CONV = dict(MAZE, variant="conv", hidden=64, T=2, n=2, halt_max_steps=16, weight_decay=0.1, ema=0.999, bf16=True)

PRESETS = {
    # CI: a few seconds on one core, just proves the loop runs end to end
    "tiny": dict(SUDOKU, variant="mlp", hidden=32, T=1, n=1, halt_max_steps=4, batch=16, lr=1e-3,
                 weight_decay=0.1, warmup=5, ema=0.9, bank=32, givens=(30, 50), minutes=0.2,
                 ckpt_minutes=1.0, eval_minutes=0.0, eval_puzzles=16),
    # 2 shared CPU cores for hours; sizes chosen by the comparison in README.md; bf16 autocast
    # learns as fp32 does per step at 1.7x the steps per CPU-second (README.md, "bf16 on CPU")
    "cpu": dict(SUDOKU, variant="mlp", hidden=64, T=2, n=2, halt_max_steps=16, batch=64, lr=1e-3,
                weight_decay=0.1, warmup=30, ema=0.999, bank=2000, givens=(22, 50), minutes=60.0,
                ckpt_minutes=10.0, eval_minutes=6.0, eval_puzzles=64, bf16=True),
    # one H200, <= 10 minutes: the paper's Sudoku MLP model and recipe, larger lr for the short run;
    # the same puzzle bank as `cpu` (carry training/runs/cache to skip ~2.5 min of generation)
    "gpu": dict(SUDOKU, variant="mlp", hidden=512, T=3, n=6, halt_max_steps=16, batch=768, lr=3e-4,
                weight_decay=1.0, warmup=300, ema=0.999, bank=2000, givens=(17, 50), minutes=9.0,
                ckpt_minutes=3.0, eval_minutes=3.0, eval_puzzles=128, bf16=True, compile=True),
    # mazes (training/data/maze.py): `sizes` = side lengths drawn, `paths` = shortest-route lengths
    "maze-tiny": dict(MAZE, hidden=32, heads=2, T=1, n=1, halt_max_steps=2, batch=4, lr=1e-3, weight_decay=0.1,
                      warmup=5, ema=0.9, sizes=(6, 10), paths=(1, 20), minutes=0.2, ckpt_minutes=1.0,
                      eval_minutes=0.0, eval_puzzles=4),
    # 2 shared CPU cores: one attention head (the [B,H,916,916] score tensors dominate the cost on
    # CPU, so heads cost more than width), hidden 32 (training/README.md, "Choosing the maze-cpu
    # preset"); routes up to 60 moves, the range the target is set for, reached by a curriculum,
    # and path cells weighted 10x in the loss (1,300 steps on all lengths, then 1,000 steps of the
    # curriculum alone, marked no path cell at all: the model stayed a copier)
    "maze-cpu": dict(MAZE, hidden=32, heads=1, T=2, n=2, halt_max_steps=16, batch=8, lr=1e-3, weight_decay=0.1,
                     warmup=30, ema=0.999, sizes=(8, 30), paths=(1, 60), curriculum=3000, write_weight=10.0,
                     minutes=60.0, ckpt_minutes=10.0, eval_minutes=20.0, eval_puzzles=16, bf16=True),
    # 2 shared CPU cores: the conv variant (a 3x3 convolution in place of attention: a route is traced
    # a cell per layer and the recursion gives the depth), trained on 16x16 squares (5.6x the
    # puzzle-steps per CPU-second of 30x30) and run on the app's 30x30 (training/README.md,
    # "The convolutional maze model")
    "maze-conv": dict(MAZE_CONV, batch=8, lr=1e-3, warmup=30, sizes=(8, 16), square=16, paths=(1, 60),
                      curriculum=20000, minutes=60.0, ckpt_minutes=5.0, eval_minutes=15.0, eval_puzzles=16),
    # 2 shared CPU cores: continues a maze-conv checkpoint (--resume) on 20x20 squares, mazes of side
    # 16-20 and routes of 10-60 moves: 45% of its mazes have routes over 20 moves against 14% for
    # maze-conv (bench/maze_routes.py), and 30x30 routes of 21-60 moves went from 0% to 45% / 17%
    # solved (training/README.md, "Longer routes in training")
    "maze-conv-long": dict(MAZE_CONV, batch=8, lr=5e-4, warmup=30, sizes=(16, 20), square=20, paths=(10, 60),
                           minutes=60.0, ckpt_minutes=5.0, eval_minutes=15.0, eval_puzzles=16),
    # 2 shared CPU cores: continues a maze-conv-long checkpoint (--resume) with mazes that have loops
    # drawn twice as often (braided and rooms, where a route must be the shortest of several, were
    # solved far less than perfect mazes) and routes from 4 moves: 30x30 routes of 1-20 / 21-40 /
    # 41-60 moves went from 64 / 45 / 17% to 73 / 50 / 36% solved in 67 CPU-minutes
    # (training/README.md, "Mazes with loops")
    "maze-conv-loops": dict(MAZE_CONV, batch=8, lr=2.5e-4, warmup=30, sizes=(14, 20), square=20, paths=(4, 60),
                            styles=("perfect", "braided", "braided", "rooms", "rooms"), minutes=60.0,
                            ckpt_minutes=5.0, eval_minutes=15.0, eval_puzzles=16),
    # one H200, <= 10 minutes: continues a maze-conv checkpoint (--resume) on whole 30x30 mazes at a
    # GPU's batch; mazes of side 20-30 and routes of 10 moves or more, so that 29% of the mazes
    # drawn have routes over 40 moves (16% with sides 8-30 and any route: bench/maze_routes.py); the
    # favoured route as the label, as the committed checkpoint learnt (its cost on a GPU is unmeasured:
    # a loop of small kernels per move of the longest route; 6% of the steps on CPU)
    "maze-conv-gpu": dict(MAZE_CONV, batch=256, lr=1e-3, warmup=100, sizes=(20, 30), paths=(10, 10_000), minutes=9.0,
                          ckpt_minutes=3.0, eval_minutes=3.0, eval_puzzles=64, compile=True, favoured_route=True),
    # one H200, <= 10 minutes: the paper's maze model (attention, T=3, n=4 as in the official
    # commands), larger lr for the short run; continues a maze-cpu checkpoint with --resume
    "maze-gpu": dict(MAZE, hidden=512, heads=8, T=3, n=4, halt_max_steps=16, batch=128, lr=3e-4, weight_decay=1.0,
                     warmup=200, ema=0.999, sizes=(8, 30), paths=(1, 10_000), minutes=9.0, ckpt_minutes=3.0,
                     eval_minutes=3.0, eval_puzzles=64, bf16=True, compile=True),
}

# 2 shared CPU cores: continues a maze-conv-loops checkpoint (--resume) with the shortest route the
# model favours as the label (a fixed tie-break made every other equally short route wrong; open
# rooms have hundreds) and lr 1e-4: on the validation mazes, 30x30 routes of 1-20 / 21-40 / 41-60
# moves went from 72 / 27 / 22% to 84 / 55 / 30% in 76 CPU-minutes (training/README.md,
# "Any shortest route as the label")
PRESETS["maze-conv-routes"] = dict(PRESETS["maze-conv-loops"], lr=1e-4, favoured_route=True)

# Candidates for the CPU presets (README.md: same CPU-time budget each, compared on held-out puzzles)
CPU_CANDIDATES = {
    "cpu": {
        "d64-T2n2-b64": dict(hidden=64, T=2, n=2, batch=64),
        "d128-T2n2-b64": dict(hidden=128, T=2, n=2, batch=64),
        "d128-T1n3-b64": dict(hidden=128, T=1, n=3, batch=64),
    },
    "maze-cpu": {
        "attn-d64h1-T2n2-b8": dict(hidden=64, heads=1, T=2, n=2, batch=8),
        "attn-d32h1-T2n2-b8": dict(hidden=32, heads=1, T=2, n=2, batch=8),
    },
}
