"""Train a TRM by deep supervision: every optimizer step is one supervision step on a batch
whose rows sit at different depths of their own recursion (the official "carry" loop).

  nice -n 19 /usr/bin/python3 training/train.py --preset cpu --out training/runs/cpu
  ... --resume training/runs/cpu/last.pt          # continue exactly where it stopped
  ... --preset gpu --resume <cpu checkpoint>      # continue a run with other settings (same model)
"""
import argparse
import contextlib
import copy
import json
import math
import re
import sys
import time
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F

sys.path.insert(0, str(Path(__file__).resolve().parent))
from data.maze import STYLES  # noqa: E402
from evaluate import evaluate  # noqa: E402
from model import PREFIX, TRM, TRMConfig, count_parameters  # noqa: E402
from presets import PRESETS  # noqa: E402
from tasks import TASKS  # noqa: E402

MODEL_FIELDS = set(TRMConfig.__dataclass_fields__)
COUNTERS = ("step", "puzzle_steps", "puzzles", "wall", "cpu")


def make_optimizer(model, lr, weight_decay):
    try:  # the official optimizer, when installed (pip install adam-atan2)
        from adam_atan2 import AdamATan2
        return AdamATan2(model.parameters(), lr=lr, betas=(0.9, 0.95), weight_decay=weight_decay)
    except ImportError:
        return torch.optim.AdamW(model.parameters(), lr=lr, betas=(0.9, 0.95), weight_decay=weight_decay)


class Trainer:
    def __init__(self, cfg, device):
        self.cfg, self.device = cfg, device
        self.model = TRM(TRMConfig(**{k: v for k, v in cfg.items() if k in MODEL_FIELDS})).to(device)
        self.ema = copy.deepcopy(self.model).requires_grad_(False)
        self.opt = make_optimizer(self.model, cfg["lr"], cfg["weight_decay"])
        self.task = TASKS[cfg["kind"]]
        self.source = self.task.source(cfg)
        self.step = self.puzzle_steps = self.puzzles = 0
        self.warm_from = 0  # the step a fresh optimizer started at: its learning rate warms up from there
        self.wall = self.cpu = 0.0  # accumulated over resumes
        # a conv model may train on smaller squares than the grid it runs on (cfg["square"])
        L = cfg["square"] ** 2 if cfg.get("square") else cfg["seq_len"]
        B, S, D = cfg["batch"], PREFIX + L, cfg["hidden"]
        # every row starts halted, so the first step loads fresh puzzles everywhere
        self.carry = dict(tokens=torch.ones(B, L, dtype=torch.long), labels=torch.ones(B, L, dtype=torch.long),
                          y=torch.zeros(B, S, D), z=torch.zeros(B, S, D), steps=torch.zeros(B, dtype=torch.long),
                          halted=torch.ones(B, dtype=torch.bool))
        self.carry = {k: v.to(device) for k, v in self.carry.items()}
        self.forward = self.model
        if cfg.get("compile") and hasattr(torch, "compile") and device.type == "cuda":
            self.forward = torch.compile(self.model)
        # bf16 autocast: on CUDA where supported; on CPU as asked (1.74x per step on AVX-512 BF16
        # cores at hidden 64, training/README.md; main() turns it off where it would be emulated)
        self.bf16 = bool(cfg.get("bf16")) and (device.type == "cpu" or torch.cuda.is_bf16_supported())

    def refill(self):
        """Halted rows get a fresh puzzle (the model resets their y, z via `reset`)."""
        c = self.carry
        idx = c["halted"].nonzero().flatten()
        if len(idx):
            self.task.schedule(self.source, self.step, self.cfg)
            puzzle, solution = self.source.sample(len(idx))
            c["tokens"][idx] = torch.from_numpy(self.task.to_tokens(puzzle)).to(self.device)
            c["labels"][idx] = torch.from_numpy(self.task.to_tokens(solution)).to(self.device)
            c["steps"][idx] = 0
            self.puzzles += len(idx)
        return c["halted"].clone()

    def train_step(self):
        cfg, c = self.cfg, self.carry
        reset = self.refill()
        lr = cfg["lr"] * min(1.0, (self.step - self.warm_from + 1) / max(cfg["warmup"], 1))
        for group in self.opt.param_groups:
            group["lr"] = lr
        self.model.train()
        # no cast cache: casts cached during the gradient-free cycles carry no gradient, and the
        # weights would silently stop learning (pytorch#158232, torch 1.13 on CPU measured here)
        amp = (torch.autocast(self.device.type, dtype=torch.bfloat16, cache_enabled=False) if self.bf16
               else contextlib.nullcontext())
        with amp:
            y, z, logits, q_halt = self.forward(c["tokens"], c["y"], c["z"], reset)
        labels = c["labels"]
        if cfg["favoured_route"]:  # mazes: whichever shortest route the model leans to is the label
            labels = self.task.favoured_labels(c["tokens"], logits.detach())
        correct = logits.argmax(-1) == labels
        all_correct = correct.all(1)
        ce = F.cross_entropy(logits.transpose(1, 2), labels, reduction="none")
        # cells the answer writes (Sudoku blanks, maze path) may weigh more than cells it copies:
        # on mazes the path is ~1% of the cells and a small model otherwise settles on copying
        weight = 1.0 + (cfg["write_weight"] - 1.0) * (labels != c["tokens"]).float()
        lm_loss = (ce * weight).sum(1) / weight.sum(1)
        q_loss = F.binary_cross_entropy_with_logits(q_halt, all_correct.float(), reduction="none")
        loss = (lm_loss + 0.5 * q_loss).mean()
        self.opt.zero_grad(set_to_none=True)
        loss.backward()
        self.opt.step()
        with torch.no_grad():
            # warm-started EMA (decay grows to cfg["ema"]) so short CPU runs evaluate sensible weights
            d = min(cfg["ema"], (1 + self.step) / (10 + self.step))
            for e, p in zip(self.ema.parameters(), self.model.parameters()):
                e.mul_(d).add_(p.detach(), alpha=1 - d)
            # halting: q > 0 or the step limit; with p=0.1 a row must first reach a random 2..N_sup steps
            N = cfg["halt_max_steps"]
            c["y"], c["z"] = y.float(), z.float()
            c["steps"] += 1
            halted = (c["steps"] >= N) | (q_halt > 0)
            explore = self.source.rng.random(len(halted)) < cfg["halt_exploration"]
            min_steps = np.where(explore, self.source.rng.integers(2, N + 1, len(halted)), 0)
            c["halted"] = halted & (c["steps"] >= torch.from_numpy(min_steps).to(self.device))
        self.step += 1
        self.puzzle_steps += len(reset)
        return dict(loss=loss.item(), lm_loss=lm_loss.mean().item(), q_loss=q_loss.mean().item(),
                    cell_acc=correct.float().mean().item(), solved=all_correct.float().mean().item(),
                    halted=int(c["halted"].sum()), lr=lr)

    def state(self):
        return dict(cfg=self.cfg, model=self.model.state_dict(), ema=self.ema.state_dict(),
                    opt=self.opt.state_dict(), step=self.step, puzzle_steps=self.puzzle_steps,
                    puzzles=self.puzzles, wall=self.wall, cpu=self.cpu,
                    rng=self.source.rng.bit_generator.state, carry={k: v.cpu() for k, v in self.carry.items()})

    def load(self, ck, exact=True):
        """exact=False keeps only weights, EMA and counters (e.g. resuming with another batch size)."""
        self.model.load_state_dict(ck["model"])
        self.ema.load_state_dict(ck["ema"])
        for k in COUNTERS:
            setattr(self, k, ck[k])
        self.warm_from = 0 if exact else self.step
        if exact:
            self.opt.load_state_dict(ck["opt"])
            self.source.rng.bit_generator.state = ck["rng"]
            self.carry = {k: v.to(self.device) for k, v in ck["carry"].items()}


def significant(value, digits=4):
    """A logged figure to `digits` significant digits: a fixed number of decimals would log a small
    learning rate (5e-5, or one warming up) as 0.0001 or 0."""
    return float(f"{value:.{digits}g}")


def load_checkpoint(path):
    """One of our training checkpoints. Ours, so trusted: torch >= 2.6 loads only plain weights
    by default and would refuse the counters and data RNG state."""
    return torch.load(path, map_location="cpu", weights_only=False)


def load_model(path, ema=True, recursion=None):
    """The model (EMA weights by default) from a training checkpoint, in eval mode on CPU.
    `recursion` = (T, n) runs each step with other counts than the checkpoint trained with: the
    weights do not depend on them, and the conv maze model solves longer routes with more
    (training/README.md, "More recursion at inference")."""
    ck = load_checkpoint(path)
    cfg = {k: v for k, v in ck["cfg"].items() if k in MODEL_FIELDS}
    if recursion:
        cfg["T"], cfg["n"] = recursion
    model = TRM(TRMConfig(**cfg))
    model.load_state_dict(ck["ema" if ema else "model"])
    return model.eval()


def add_recursion_argument(ap):
    ap.add_argument("--recursion", type=int, nargs=2, metavar=("T", "N"),
                    help="run each step with T cycles of N latent updates instead of the checkpoint's own counts")


def weights_only(state, ema):
    """A checkpoint of `state`'s config and counters with `ema` as its weights and no optimizer or
    carry: it evaluates and exports like any checkpoint and resumes as weights only."""
    return dict(cfg=state["cfg"], model=ema, ema=ema, slim=True, **{k: state[k] for k in COUNTERS})


def slim(state):
    """A checkpoint small enough to come back from a GPU session (the device tool returns files of
    at most 16 MiB; a paper-size model's full state is ~80 MB): the EMA weights in fp16."""
    return weights_only(state, {k: v.half() if v.is_floating_point() else v for k, v in state["ema"].items()})


def save(state, path):
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    torch.save(state, tmp)
    tmp.replace(path)  # never leave a half-written checkpoint behind


def native_bf16(cpuinfo):
    """Whether a CPU, described by the text of /proc/cpuinfo, has bf16 matmul instructions
    (AVX-512 BF16 or AMX). Without them torch emulates bf16, and a training step under autocast
    took 18x the CPU time of fp32 on an AVX2-only EPYC (training/README.md, "bf16 on CPU")."""
    return bool(re.search(r"^flags\s*:.*\b(avx512_bf16|amx_bf16)\b", cpuinfo, re.M))


def cpu_info():
    try:
        return Path("/proc/cpuinfo").read_text()
    except OSError:  # not Linux: assume no bf16, as fp32 is never the slow choice
        return ""


def build_config(args):
    cfg = dict(seed=0, halt_exploration=0.1, bf16=False, compile=False, write_weight=1.0, beyond_singles=False,
               square=None, styles=None, favoured_route=False, route_bands=1, banded_share=1.0)
    cfg.update(PRESETS[args.preset], preset=args.preset)
    for key, value in vars(args).items():
        if value is not None and (key in cfg or key in MODEL_FIELDS):
            cfg[key] = value
    if cfg["favoured_route"] and cfg["kind"] != "maze":
        raise SystemExit("--favoured-route is for mazes: only they have several right answers to choose from")
    if cfg["square"] and cfg.get("variant") != "conv":
        raise SystemExit("--square needs the conv variant: attention and MLP models are tied to the grid they train on")
    return cfg


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--preset", default="cpu", choices=sorted(PRESETS))
    ap.add_argument("--out", required=True, help="run folder: last.pt, log.jsonl")
    ap.add_argument("--resume", help="checkpoint to continue from")
    ap.add_argument("--minutes", type=float, help="wall-clock budget for this invocation")
    ap.add_argument("--cpu-minutes", type=float, help="also stop after this much process CPU time")
    ap.add_argument("--max-steps", type=int, help="stop at this total optimizer step")
    # 1 thread: on 2 cores shared with other work, 2 OpenMP threads measured ~5x slower per step
    ap.add_argument("--threads", type=int, default=1)
    for name, typ in (("hidden", int), ("T", int), ("n", int), ("batch", int), ("halt_max_steps", int),
                      ("lr", float), ("weight_decay", float), ("warmup", int), ("ema", float), ("bank", int),
                      ("ckpt_minutes", float), ("eval_minutes", float), ("eval_puzzles", int), ("seed", int)):
        ap.add_argument("--" + name.replace("_", "-"), dest=name, type=typ)
    ap.add_argument("--givens", type=int, nargs=2, help="Sudoku: givens drawn for training")
    ap.add_argument("--beyond-singles", dest="beyond_singles", action="store_true",
                    help="Sudoku: train only on puzzles that naked and hidden singles cannot finish")
    ap.add_argument("--sizes", type=int, nargs=2, help="maze: side lengths drawn for training")
    ap.add_argument("--paths", type=int, nargs=2, help="maze: shortest-route lengths drawn for training")
    ap.add_argument("--styles", nargs="+", choices=STYLES,
                    help="maze: styles drawn; one named twice is drawn twice as often (default: each once)")
    ap.add_argument("--route-bands", dest="route_bands", type=int,
                    help="maze: each maze draws one of this many equal parts of --paths, so every style trains on "
                         "long routes too (open rooms otherwise hold mostly short ones)")
    ap.add_argument("--banded-share", dest="banded_share", type=float,
                    help="maze: with --route-bands, the share of mazes drawn banded; the rest are drawn as without")
    ap.add_argument("--square", type=int, help="maze, conv variant: train on squares of this side (the app runs 30x30)")
    ap.add_argument("--curriculum", type=int, help="maze: steps over which the longest route drawn grows to --paths")
    ap.add_argument("--write-weight", dest="write_weight", type=float,
                    help="loss weight of the cells the answer writes, relative to copied cells (official: 1)")
    ap.add_argument("--favoured-route", dest="favoured_route", action=argparse.BooleanOptionalAction,
                    help="maze: label each maze with the shortest route the model favours, not one fixed route")
    ap.add_argument("--heads", type=int)
    ap.add_argument("--bf16", action=argparse.BooleanOptionalAction, help="bf16 autocast (default: the preset's)")
    ap.add_argument("--log-every", type=int, default=20)
    ap.add_argument("--slim", help="also keep a slim checkpoint here (EMA weights in fp16: what a GPU session brings back)")
    args = ap.parse_args()

    torch.set_num_threads(args.threads)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    ck = load_checkpoint(args.resume) if args.resume else None
    cfg = build_config(args)
    if ck is not None:  # the architecture comes from the checkpoint, except the recursion depth
        # asked for: T and n only count how often the same weights run
        asked = {k for k in ("T", "n") if getattr(args, k) is not None}
        cfg.update({k: ck["cfg"][k] for k in MODEL_FIELDS - asked if k in ck["cfg"]})
    if cfg["bf16"] and device.type == "cpu" and args.bf16 is None and not native_bf16(cpu_info()):
        cfg["bf16"] = False
        print("bf16 autocast off: this CPU has no bf16 instructions, and emulated bf16 trains 18x slower "
              "than fp32 (--bf16 forces it)", flush=True)
    trainer = Trainer(cfg, device)
    if ck is not None:
        same = not ck.get("slim") and all(ck["cfg"].get(k) == cfg[k] for k in ("batch", "preset", "square"))
        trainer.load(ck, exact=same)
        print(f"resumed step {trainer.step} from {args.resume} ({'exact' if same else 'weights only'})")
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "config.json").write_text(json.dumps(cfg, indent=1))
    log = open(out / "log.jsonl", "a")
    print(f"{count_parameters(trainer.model):,} parameters, device {device}, bf16 {trainer.bf16}", flush=True)

    task = trainer.task
    eval_set = task.heldout(cfg["eval_puzzles"]) if cfg["eval_minutes"] > 0 else None

    def run_eval():
        table = evaluate(trainer.ema, *eval_set, "heldout", max_steps=cfg["halt_max_steps"], steps=())
        key = task.bin_key
        rec = dict(step=trainer.step, wall=trainer.wall, cpu=trainer.cpu, puzzle_steps=trainer.puzzle_steps,
                   eval={f"{e['policy']} {b[key]}": round(b["solvedRate"], 4) for e in table for b in e["bins"]},
                   eval_cell={b[key]: round(b["cellAccuracy"], 4) for b in table[0]["bins"]})
        print(json.dumps(rec), flush=True)
        log.write(json.dumps(rec) + "\n")
        log.flush()

    budget = (cfg["minutes"] if args.minutes is None else args.minutes) * 60
    t0, c0 = time.time(), time.process_time()
    wall0, cpu0 = trainer.wall, trainer.cpu
    last_ckpt = last_eval = time.time()
    while True:
        m = trainer.train_step()
        trainer.wall, trainer.cpu = wall0 + time.time() - t0, cpu0 + time.process_time() - c0
        if not math.isfinite(m["loss"]):
            raise RuntimeError(f"loss is {m['loss']} at step {trainer.step}")
        if trainer.step % args.log_every == 0:
            rec = dict(step=trainer.step, wall=round(trainer.wall, 1), cpu=round(trainer.cpu, 1),
                       puzzle_steps=trainer.puzzle_steps, puzzles=trainer.puzzles,
                       **{k: significant(v) if isinstance(v, float) else v for k, v in m.items()})
            print(json.dumps(rec), flush=True)
            log.write(json.dumps(rec) + "\n")
            log.flush()
        done = (time.time() - t0 >= budget or (args.max_steps and trainer.step >= args.max_steps)
                or (args.cpu_minutes and time.process_time() - c0 >= args.cpu_minutes * 60))
        if eval_set is not None and (done or time.time() - last_eval >= cfg["eval_minutes"] * 60):
            run_eval()
            last_eval = time.time()
        if done or time.time() - last_ckpt >= cfg["ckpt_minutes"] * 60:
            state = trainer.state()
            save(state, out / "last.pt")
            if args.slim:
                save(slim(state), args.slim)
            last_ckpt = time.time()
        if done:
            break
    print(f"done: step {trainer.step}, {trainer.puzzle_steps} puzzle-steps, {trainer.wall:.0f}s wall", flush=True)


if __name__ == "__main__":
    main()
