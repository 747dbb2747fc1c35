import json
from types import SimpleNamespace

import numpy as np
import torch

from data.sudoku import SudokuSource, make_bank, to_tokens
from evaluate import evaluate
from train import Trainer, build_config, load_checkpoint, load_model, main as train_main, native_bf16, save, slim


def config(preset="tiny", **kw):
    args = SimpleNamespace(preset=preset, **kw)
    return build_config(args)


class FixedPuzzles(SudokuSource):
    """Always the same few puzzles: for checking that the loop can fit them."""

    def __init__(self, puzzles, solutions, seed=0):
        self.puzzles, self.solutions_, self.rng = puzzles, solutions, np.random.default_rng(seed)

    def sample(self, batch, givens=None):
        idx = self.rng.integers(0, len(self.puzzles), batch)
        return self.puzzles[idx], self.solutions_[idx]


def test_tiny_model_overfits_8_puzzles():
    torch.manual_seed(0)
    puzzles, solutions = SudokuSource(make_bank(8, seed=9), givens=(35, 45), seed=0).sample(8)
    trainer = Trainer(config(hidden=32, T=1, n=1, batch=8, lr=3e-3, warmup=10, halt_max_steps=2, ema=0.5, expansion=1.0),
                      torch.device("cpu"))
    trainer.source = FixedPuzzles(puzzles, solutions)
    for _ in range(80):
        m = trainer.train_step()
    assert m["cell_acc"] > 0.98, m
    table = evaluate(trainer.ema, to_tokens(puzzles), to_tokens(solutions), "train8", max_steps=2, steps=(2,))
    assert table[0]["bins"][0]["cellAccuracy"] > 0.95, table


def test_resume_gives_identical_next_step(tmp_path):
    torch.manual_seed(0)
    a = Trainer(config(), torch.device("cpu"))
    for _ in range(3):
        a.train_step()
    save(a.state(), tmp_path / "last.pt")
    expected = a.train_step()
    torch.manual_seed(123)  # a fresh process would start from other random weights
    b = Trainer(config(), torch.device("cpu"))
    b.load(load_checkpoint(tmp_path / "last.pt"))
    got = b.train_step()
    assert got == expected
    assert all(torch.equal(p, q) for p, q in zip(a.model.parameters(), b.model.parameters()))


def test_bf16_autocast_trains_every_weight_as_fp32_does():
    # T=2: the first cycle runs without gradient, where a cached bf16 cast of a weight would lose
    # its gradient for the rest of the step (the weights would silently stop learning)
    grads = {}
    for bf16 in (False, True):
        torch.manual_seed(0)
        trainer = Trainer(config(hidden=32, T=2, n=1, batch=8, bf16=bf16), torch.device("cpu"))
        assert trainer.bf16 == bf16
        trainer.train_step()
        grads[bf16] = {name: p.grad.flatten() for name, p in trainer.model.named_parameters() if p.grad is not None}
    assert grads[True].keys() == grads[False].keys()
    for name, exact in grads[False].items():
        similarity = torch.nn.functional.cosine_similarity(exact, grads[True][name], 0)
        assert similarity > 0.98, (name, similarity)


def test_a_resume_may_deepen_the_recursion_on_the_same_weights(tmp_path, monkeypatch):
    torch.manual_seed(0)
    shallow = Trainer(config(T=1, n=1), torch.device("cpu"))
    shallow.train_step()
    save(shallow.state(), tmp_path / "shallow.pt")
    monkeypatch.setattr("sys.argv", ["train.py", "--preset", "tiny", "--out", str(tmp_path / "deep"), "--resume",
                                     str(tmp_path / "shallow.pt"), "--T", "2", "--n", "3", "--max-steps", "2"])
    train_main()
    deep = load_checkpoint(tmp_path / "deep" / "last.pt")
    assert (deep["cfg"]["T"], deep["cfg"]["n"], deep["cfg"]["hidden"]) == (2, 3, shallow.cfg["hidden"])
    assert deep["step"] == 2


def test_the_log_keeps_a_small_learning_rate_as_it_is(tmp_path, monkeypatch):
    monkeypatch.setattr("sys.argv", ["train.py", "--preset", "tiny", "--out", str(tmp_path), "--lr", "5e-5",
                                     "--warmup", "1", "--max-steps", "1", "--log-every", "1", "--eval-minutes", "0"])
    train_main()
    first = json.loads((tmp_path / "log.jsonl").read_text().splitlines()[0])
    assert first["lr"] == 5e-5


def test_a_checkpoint_loads_with_more_recursion_on_the_same_weights(tmp_path):
    torch.manual_seed(0)
    trainer = Trainer(config(T=1, n=1), torch.device("cpu"))
    trainer.train_step()
    save(trainer.state(), tmp_path / "shallow.pt")
    as_trained, deeper = load_model(tmp_path / "shallow.pt"), load_model(tmp_path / "shallow.pt", recursion=(2, 3))
    assert (as_trained.cfg.T, as_trained.cfg.n, deeper.cfg.T, deeper.cfg.n) == (1, 1, 2, 3)
    assert all(torch.equal(p, deeper.state_dict()[name]) for name, p in as_trained.state_dict().items())
    tokens = torch.from_numpy(trainer.task.heldout(1)[0][:2].astype(np.int64))
    state = torch.zeros(2, as_trained.cfg.state_len, as_trained.cfg.hidden)
    reset = torch.ones(2, dtype=torch.bool)
    with torch.no_grad():
        assert not torch.allclose(as_trained(tokens, state, state, reset)[2], deeper(tokens, state, state, reset)[2])


AVX2_ONLY = "processor\t: 0\nflags\t\t: fpu sse2 avx avx2 fma bmi2\n"
AVX512_BF16 = "processor\t: 0\nflags\t\t: fpu avx2 avx512f avx512_vnni avx512_bf16\n"


def test_bf16_counts_as_native_only_where_the_cpu_flags_list_it():
    assert not native_bf16(AVX2_ONLY)
    assert native_bf16(AVX512_BF16)
    assert native_bf16("flags\t\t: fpu avx2 amx_bf16 amx_tile\n")
    assert not native_bf16("")  # no /proc/cpuinfo (not Linux)


def test_a_bf16_preset_trains_in_fp32_on_a_cpu_without_bf16_unless_forced(tmp_path, monkeypatch):
    monkeypatch.setattr("train.cpu_info", lambda: AVX2_ONLY)
    tiny = ["--preset", "maze-conv", "--hidden", "16", "--T", "1", "--n", "1", "--batch", "2", "--sizes", "6", "8",
            "--square", "8", "--max-steps", "1", "--eval-minutes", "0"]
    for flags, bf16 in (([], False), (["--bf16"], True)):
        out = tmp_path / str(bf16)
        monkeypatch.setattr("sys.argv", ["train.py", *tiny, *flags, "--out", str(out)])
        train_main()
        assert load_checkpoint(out / "last.pt")["cfg"]["bf16"] is bf16
    monkeypatch.setattr("train.cpu_info", lambda: AVX512_BF16)
    monkeypatch.setattr("sys.argv", ["train.py", *tiny, "--out", str(tmp_path / "native")])
    train_main()
    assert load_checkpoint(tmp_path / "native" / "last.pt")["cfg"]["bf16"] is True


def test_gpu_preset_runs_at_tiny_size_on_cpu(tmp_path):
    # same code path as the H200 run (torch.compile switches itself off on CPU)
    cfg = config("gpu", hidden=32, T=1, n=1, batch=4, bank=8)
    assert cfg["bf16"] and cfg["compile"]
    trainer = Trainer(cfg, torch.device("cpu"))
    for _ in range(2):
        assert np.isfinite(trainer.train_step()["loss"])
    # a cpu-preset checkpoint continues under the gpu preset (weights, EMA and counters)
    save(trainer.state(), tmp_path / "g.pt")
    other = Trainer(config("gpu", hidden=32, T=1, n=1, batch=8, bank=8), torch.device("cpu"))
    other.load(load_checkpoint(tmp_path / "g.pt"), exact=False)
    assert other.step == 2 and np.isfinite(other.train_step()["loss"])


def test_maze_gpu_preset_runs_at_tiny_size_on_cpu():
    cfg = config("maze-gpu", hidden=32, heads=2, T=1, n=1, batch=2, sizes=(6, 10))
    assert cfg["kind"] == "maze" and cfg["bf16"] and cfg["compile"]
    assert np.isfinite(Trainer(cfg, torch.device("cpu")).train_step()["loss"])


def test_the_conv_gpu_preset_continues_a_run_trained_on_small_squares_on_whole_30x30_mazes(tmp_path, monkeypatch):
    # what `training/gpu_job.sh maze-conv` does, at tiny size on CPU
    torch.manual_seed(0)
    small = Trainer(config("maze-conv", hidden=16, batch=2, sizes=(6, 12), square=12), torch.device("cpu"))
    small.train_step()
    save(small.state(), tmp_path / "small.pt")
    monkeypatch.setattr("sys.argv", ["train.py", "--preset", "maze-conv-gpu", "--out", str(tmp_path / "gpu"), "--resume",
                                     str(tmp_path / "small.pt"), "--batch", "2", "--sizes", "10", "12", "--max-steps", "2",
                                     "--eval-minutes", "0", "--T", "3", "--n", "4"])
    train_main()
    gpu = load_checkpoint(tmp_path / "gpu" / "last.pt")
    assert gpu["cfg"]["hidden"] == 16 and gpu["cfg"]["square"] is None and gpu["step"] == 2
    assert (gpu["cfg"]["T"], gpu["cfg"]["n"]) == (3, 4)  # the recursion the shipped model runs with
    assert gpu["carry"]["tokens"].shape == (2, 900) and gpu["cfg"]["favoured_route"]  # as the shipped model learnt


def test_a_slim_checkpoint_keeps_the_ema_in_half_precision_and_resumes_as_weights_only(tmp_path):
    torch.manual_seed(0)
    trainer = Trainer(config(), torch.device("cpu"))
    for _ in range(3):
        trainer.train_step()
    full, small = trainer.state(), slim(trainer.state())
    save(full, tmp_path / "full.pt")
    save(small, tmp_path / "slim.pt")
    assert (tmp_path / "slim.pt").stat().st_size < (tmp_path / "full.pt").stat().st_size / 3
    assert {v.dtype for v in small["ema"].values()} == {torch.float16}
    model = load_model(tmp_path / "slim.pt")  # what evaluate.py and export.py read
    for name, p in model.state_dict().items():
        assert p.dtype == torch.float32
        assert torch.allclose(p, full["ema"][name], rtol=1e-3, atol=1e-4)
    again = Trainer(config(), torch.device("cpu"))
    again.load(load_checkpoint(tmp_path / "slim.pt"), exact=False)
    first = again.train_step()
    assert again.step == 4 and np.isfinite(first["loss"])
    assert first["lr"] == again.cfg["lr"] / again.cfg["warmup"]  # a fresh optimizer warms up again
