from types import SimpleNamespace

import numpy as np
import pytest
import torch

from data.maze import (GOAL, OPEN, PATH, START, WALL, MazeSource, dihedral, favoured_routes, is_optimal_path, label,
                       make_maze, path_length, route_band)
from tasks import VALIDATION_SEED, Maze
from train import Trainer, build_config


def test_every_style_gives_a_solvable_maze_with_one_s_and_g_and_an_optimal_label():
    rng = np.random.default_rng(0)
    for style in ("perfect", "braided", "rooms"):
        for size in (6, 17, 30):
            square = make_maze(rng, size, style)
            assert (square == START).sum() == 1 and (square == GOAL).sum() == 1
            assert (square[size:, :] == WALL).all() and (square[:, size:] == WALL).all()  # padded with walls
            answer = label(square)
            assert is_optimal_path(answer.reshape(1, -1), square.reshape(1, -1)).all()
            assert (answer == PATH).sum() == path_length(square.reshape(1, -1))[0] - 1


def test_symmetries_keep_the_label_optimal_and_sources_are_reproducible():
    tokens, labels = MazeSource(seed=3).sample(16)
    assert is_optimal_path(labels, tokens).all()
    again, _ = MazeSource(seed=3).sample(16)
    assert np.array_equal(tokens, again)
    square = tokens[0].reshape(30, 30)
    for which in range(8):
        turned = dihedral(square, which)
        assert is_optimal_path(label(turned).reshape(1, -1), turned.reshape(1, -1)).all()
    assert len({dihedral(square, w).tobytes() for w in range(8)}) > 1


def test_a_broken_a_longer_or_a_walled_path_is_not_solved():
    square = np.full((30, 30), WALL)
    square[1, 1:8] = OPEN
    square[2, 1:8] = OPEN
    square[1, 1], square[1, 7] = START, GOAL
    good = square.copy()
    good[1, 2:7] = PATH
    broken = good.copy()
    broken[1, 4] = OPEN
    longer = square.copy()
    longer[2, 1:8] = PATH  # around through the second row: 8 moves instead of 6
    walled = good.copy()
    walled[0, 3] = PATH
    changed = good.copy()
    changed[2, 2] = WALL
    rows = np.stack([good, broken, longer, walled, changed]).reshape(5, -1)
    assert is_optimal_path(rows, np.repeat(square.reshape(1, -1), 5, 0)).tolist() == [True, False, False, False, False]


def test_heldout_mazes_are_30x30_and_fill_every_path_length_bin():
    tokens, labels = Maze.heldout(3)
    lengths = Maze.bin_values(tokens)
    assert [int(((lengths >= lo) & (lengths <= hi)).sum()) for lo, hi in Maze.bins] == [3] * len(Maze.bins)
    assert Maze.solved(labels, tokens).all()
    again, _ = Maze.heldout(3)
    assert np.array_equal(tokens, again)


def test_maze_preset_trains_at_tiny_size():
    torch.manual_seed(0)
    trainer = Trainer(build_config(SimpleNamespace(preset="maze-tiny")), torch.device("cpu"))
    assert trainer.model.cfg.kind == "maze" and trainer.model.cfg.seq_len == 900
    losses = [trainer.train_step()["loss"] for _ in range(3)]
    assert all(np.isfinite(losses))


def test_curriculum_grows_the_longest_route_from_4_moves():
    source, cfg = MazeSource(seed=0), dict(paths=(1, 60), curriculum=100)
    longest = []
    for step in (0, 50, 100, 500):
        Maze.schedule(source, step, cfg)
        longest.append(source.paths[1])
    assert longest == [4, 32, 60, 60]
    Maze.schedule(source, 0, cfg)
    assert path_length(source.sample(8)[0]).max() <= 4
    Maze.schedule(source, 0, dict(paths=(1, 60)))  # no curriculum: every length from the start
    assert source.paths == (1, 60)


def test_a_conv_model_trains_on_small_squares_and_runs_on_the_apps_30x30():
    with pytest.raises(SystemExit, match="conv variant"):
        build_config(SimpleNamespace(preset="maze-cpu", square=12))
    with pytest.raises(ValueError, match="do not fit"):
        MazeSource(sizes=(8, 16), square=12)
    tokens, labels = MazeSource(sizes=(6, 12), square=12, seed=3).sample(4)
    assert tokens.shape == labels.shape == (4, 144) and ((labels == PATH) | (labels == tokens)).all()
    torch.manual_seed(0)
    cfg = build_config(SimpleNamespace(preset="maze-conv", hidden=16, T=1, n=1, batch=2, sizes=(6, 12), square=12))
    trainer = Trainer(cfg, torch.device("cpu"))
    assert np.isfinite(trainer.train_step()["loss"]) and trainer.carry["tokens"].shape == (2, 144)
    grids, _ = Maze.heldout(1, bins=[(1, 20)])
    _, _, logits, _ = trainer.ema(torch.from_numpy(grids), *trainer.ema.initial_state(1), torch.ones(1, dtype=torch.bool))
    assert logits.shape == (1, 900, 6)


def is_perfect(grid):
    """A depth-first maze has no 2x2 block of floor."""
    floor = grid != WALL
    return not (floor[:-1, :-1] & floor[1:, :-1] & floor[:-1, 1:] & floor[1:, 1:]).any()


def test_styles_named_twice_are_drawn_twice_as_often():
    cfg = build_config(SimpleNamespace(preset="maze-conv", styles=["perfect", "braided", "braided"]))
    source = Maze.source(cfg)
    assert source.styles == ("perfect", "braided", "braided")
    assert Maze.source(build_config(SimpleNamespace(preset="maze-conv"))).styles == ("perfect", "braided", "rooms")
    only_perfect = Maze.source(dict(cfg, styles=["perfect"]))
    tokens, _ = only_perfect.sample(6)
    assert all(map(is_perfect, tokens.reshape(-1, only_perfect.square, only_perfect.square)))


def test_route_bands_split_the_route_range_into_equal_parts():
    rng = np.random.default_rng(0)
    assert {route_band((4, 60), 3, rng) for _ in range(60)} == {(4, 22), (23, 41), (42, 60)}
    assert {route_band((1, 20), 1, rng) for _ in range(5)} == {(1, 20)}


def test_with_route_bands_open_rooms_train_on_long_routes_too():
    rooms = dict(sizes=(16, 24), styles=("rooms",), paths=(4, 60), square=24, seed=2)
    aimed, _ = MazeSource(**rooms).sample(24)
    banded, labels = MazeSource(**rooms, route_bands=3).sample(24)
    assert (path_length(aimed) > 41).sum() <= 1 and (path_length(banded) > 41).sum() >= 5
    assert ((labels == PATH).sum(1) == path_length(banded) - 1).all()
    assert Maze.source(build_config(SimpleNamespace(preset="maze-conv-loops", route_bands=3))).route_bands == 3
    assert Maze.source(build_config(SimpleNamespace(preset="maze-conv-loops"))).route_bands == 1


def test_a_banded_share_mixes_banded_mazes_with_mazes_drawn_as_without_bands():
    rooms = dict(sizes=(16, 24), styles=("rooms",), paths=(4, 60), square=24, seed=2, route_bands=3)
    long_routes = {share: (path_length(MazeSource(**rooms, banded_share=share).sample(48)[0]) > 41).sum()
                   for share in (0.0, 0.5, 1.0)}
    assert long_routes[0.0] <= 2 < long_routes[0.5] < long_routes[1.0]
    everything_banded = MazeSource(**rooms).sample(8)[0]
    assert (MazeSource(**rooms, banded_share=1.0).sample(8)[0] == everything_banded).all()
    cfg = build_config(SimpleNamespace(preset="maze-conv-loops", route_bands=3, banded_share=0.5))
    assert Maze.source(cfg).banded_share == 0.5


def test_the_held_out_mazes_can_be_drawn_one_style_at_a_time():
    tokens, _ = Maze.heldout(3, bins=[(21, 40)], styles=("perfect",))
    assert all(map(is_perfect, tokens.reshape(-1, 30, 30)))
    assert ((path_length(tokens) >= 21) & (path_length(tokens) <= 40)).all()


def test_the_validation_mazes_are_other_mazes_of_the_same_kind_as_the_held_out_ones():
    held_out, _ = Maze.heldout(4, bins=[(21, 40)])
    validation, _ = Maze.heldout(4, bins=[(21, 40)], seed=VALIDATION_SEED)
    assert ((path_length(validation) >= 21) & (path_length(validation) <= 40)).all()
    assert not {m.tobytes() for m in held_out} & {m.tobytes() for m in validation}


def favoured(squares, margins):
    return favoured_routes(torch.as_tensor(squares), torch.as_tensor(margins, dtype=torch.float32)).numpy()


def test_the_favoured_route_is_the_shortest_route_the_model_leans_to():
    room = np.full((1, 6, 6), WALL)
    room[0, 1:5, 1:5] = OPEN  # open floor: 20 shortest routes from corner to corner
    room[0, 1, 1], room[0, 4, 4] = START, GOAL
    down_then_right = np.full(room.shape, -1.0)
    down_then_right[0, 2:5, 1] = down_then_right[0, 4, 1:4] = 2.0
    answer = favoured(room, down_then_right)[0]
    assert (answer == PATH).sum() == 5 and (answer[2:5, 1] == PATH).all() and (answer[4, 1:4] == PATH).all()
    assert favoured(room, -down_then_right)[0, 1, 2] == PATH  # leaning away: it goes right first


def test_whatever_the_model_leans_to_the_favoured_route_is_a_shortest_one():
    tokens, labels = MazeSource(sizes=(10, 16), square=16, paths=(4, 40), seed=5).sample(12)
    squares = tokens.reshape(-1, 16, 16)
    towards_label = np.where(labels.reshape(squares.shape) == PATH, 1.0, -1.0)
    assert np.array_equal(favoured(squares, towards_label), labels.reshape(squares.shape))
    noise = np.random.default_rng(0).normal(size=squares.shape)
    padded = np.pad(favoured(squares, noise), ((0, 0), (0, 14), (0, 14)), constant_values=WALL)
    assert is_optimal_path(padded.reshape(12, -1), np.pad(squares, ((0, 0), (0, 14), (0, 14)),
                                                          constant_values=WALL).reshape(12, -1)).all()


def test_a_maze_without_a_route_has_no_favoured_route():
    walled_off = np.full((1, 5, 5), WALL)
    walled_off[0, 1, 1], walled_off[0, 3, 3], walled_off[0, 1, 2] = START, GOAL, OPEN
    with pytest.raises(ValueError, match="cannot be reached"):
        favoured(walled_off, np.zeros(walled_off.shape))


def test_training_on_favoured_routes_counts_any_shortest_route_as_solved():
    with pytest.raises(SystemExit, match="for mazes"):
        build_config(SimpleNamespace(preset="tiny", favoured_route=True))
    torch.manual_seed(0)
    cfg = build_config(SimpleNamespace(preset="maze-conv", hidden=16, T=1, n=1, batch=2, sizes=(6, 12), square=12,
                                       favoured_route=True))
    trainer = Trainer(cfg, torch.device("cpu"))
    assert np.isfinite(trainer.train_step()["loss"])
