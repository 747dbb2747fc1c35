"""Mazes made on the fly, in the token layout the app uses (30x30 row-major, V=6).

Tokens: 1 wall `#`, 2 open ` `, 3 start `S`, 4 goal `G`, 5 path `o` (0 = pad, unused). A maze
smaller than 30x30 sits in the top-left corner with walls around it, as in the app; the eight
symmetries of the whole 30x30 square are applied afterwards, so the model sees small mazes in
every corner (the app's voting turns the whole square too).

Styles: `perfect` (randomised depth-first walk: one route between any two cells, long winding
paths), `braided` (a perfect maze with some dead ends opened: loops, several routes) and `rooms`
(open floor split by walls with doors, strewn with obstacles). The label marks one shortest
path, chosen by a fixed tie-break (breadth-first search exploring up, down, left, right), so
the answer is a function of the maze the model sees; `favoured_routes` marks instead the shortest
route a model leans to, for training that accepts any of them.
"""
import math
from collections import deque

import numpy as np
import torch

WALL, OPEN, START, GOAL, PATH = 1, 2, 3, 4, 5
SIZE = 30
L, V = SIZE * SIZE, 6
STYLES = ("perfect", "braided", "rooms")
MOVES = ((-1, 0), (1, 0), (0, -1), (0, 1))


def perfect(size, rng):
    """Rooms at odd coordinates joined by a random depth-first walk; walls elsewhere."""
    g = np.full((size, size), WALL, dtype=np.int64)
    last = size - 3 if size % 2 == 0 else size - 2  # an even size leaves a thicker far wall
    g[1, 1] = OPEN
    stack = [(1, 1)]
    while stack:
        r, c = stack[-1]
        options = [(r + 2 * dr, c + 2 * dc) for dr, dc in MOVES]
        options = [(a, b) for a, b in options if 1 <= a <= last and 1 <= b <= last and g[a, b] == WALL]
        if not options:
            stack.pop()
            continue
        a, b = options[rng.integers(len(options))]
        g[(r + a) // 2, (c + b) // 2] = OPEN
        g[a, b] = OPEN
        stack.append((a, b))
    return g


def braided(size, rng, share=None):
    """A perfect maze with a share of its inner walls between two corridors knocked out."""
    g = perfect(size, rng)
    share = rng.uniform(0.05, 0.3) if share is None else share
    inner = g[1:-1, 1:-1]
    horizontal = (g[1:-1, :-2] == OPEN) & (g[1:-1, 2:] == OPEN)
    vertical = (g[:-2, 1:-1] == OPEN) & (g[2:, 1:-1] == OPEN)
    candidates = (inner == WALL) & (horizontal ^ vertical)  # a wall between two corridors, not a corner
    inner[candidates & (rng.random(inner.shape) < share)] = OPEN
    return g


def rooms(size, rng, obstacles=None):
    """Open floor inside a border, split by walls with one door each, plus random obstacles."""
    g = np.full((size, size), OPEN, dtype=np.int64)
    g[0, :] = g[-1, :] = g[:, 0] = g[:, -1] = WALL
    for k in range(2 * (size // 8)):
        at, door = 2 + rng.integers(size - 4), 1 + rng.integers(size - 2)
        line = g[:, at] if k % 2 == 0 else g[at, :]
        line[1:-1] = WALL
        line[door] = OPEN
    obstacles = rng.uniform(0.1, 0.35) if obstacles is None else obstacles
    g[(g == OPEN) & (rng.random(g.shape) < obstacles)] = WALL
    return g


def distances(grid, start):
    """Moves from `start` to every cell through non-wall cells (-1 = unreachable)."""
    rows, cols = grid.shape
    dist = np.full(grid.shape, -1, dtype=np.int64)
    dist[start] = 0
    queue = deque([start])
    while queue:
        r, c = queue.popleft()
        for dr, dc in MOVES:
            a, b = r + dr, c + dc
            if 0 <= a < rows and 0 <= b < cols and dist[a, b] < 0 and grid[a, b] != WALL:
                dist[a, b] = dist[r, c] + 1
                queue.append((a, b))
    return dist


def shortest_path(grid, start, goal):
    """Cells strictly between start and goal on one shortest path (fixed tie-break), or None."""
    dist = distances(grid, goal)  # walk downhill from the start: each step takes the first move in MOVES
    if dist[start] < 0:
        return None
    cells, (r, c) = [], start
    while dist[r, c] > 1:
        for dr, dc in MOVES:
            a, b = r + dr, c + dc
            if 0 <= a < grid.shape[0] and 0 <= b < grid.shape[1] and dist[a, b] == dist[r, c] - 1:
                r, c = a, b
                break
        cells.append((r, c))
    return cells


def dihedral(grid, which):
    """One of the 8 symmetries of a square: `which` % 4 quarter turns, then a mirror if >= 4."""
    out = np.rot90(grid, which % 4)
    return np.ascontiguousarray(out[:, ::-1] if which >= 4 else out)


def place(grid, rng, path_range):
    """Puts S and G on open cells whose distance lies in path_range (inclusive); False if none."""
    open_cells = np.argwhere(grid == OPEN)
    lo, hi = path_range
    for _ in range(4):
        if len(open_cells) < 2:
            return False
        start = tuple(open_cells[rng.integers(len(open_cells))])
        dist = distances(grid, start)
        far = np.argwhere((dist >= max(lo, 1)) & (dist <= hi) & (grid == OPEN))
        if len(far):
            # aim at a uniformly drawn length so short and long paths are equally common
            target = rng.integers(max(lo, 1), min(hi, dist.max()) + 1)
            lengths = dist[far[:, 0], far[:, 1]]
            near = far[np.abs(lengths - target) == np.abs(lengths - target).min()]
            goal = tuple(near[rng.integers(len(near))])
            grid[start], grid[goal] = START, GOAL
            return True
    return False


def make_maze(rng, size, style, path_range=(1, 10_000), attempts=8, square=SIZE):
    """One maze with S and G, padded into the `square` (the app's 30x30; a [square, square] grid
    of tokens), or None when `attempts` layouts of this style had no route with a length in path_range."""
    for _ in range(attempts):
        g = {"perfect": perfect, "braided": braided, "rooms": rooms}[style](size, rng)
        if place(g, rng, path_range):
            padded = np.full((square, square), WALL, dtype=np.int64)
            padded[:size, :size] = g
            return padded
    return None


def ends(grid):
    """(start, goal) cells of a maze grid."""
    return tuple(np.argwhere(grid == START)[0]), tuple(np.argwhere(grid == GOAL)[0])


def label(square):
    """The answer grid: the maze with one shortest path marked."""
    start, goal = ends(square)
    answer = square.copy()
    for cell in shortest_path(square, start, goal):
        answer[cell] = PATH
    return answer


def favoured_routes(squares, margins):
    """The answer grids [B,s,s] of mazes [B,s,s] (a long tensor), each with the shortest route the
    model favours marked: of all shortest routes from S to G, the one whose cells' margins [B,s,s]
    (how much more the model says `path` than `open`) sum highest. As a training label it lets the
    model keep whichever of several equally short routes it leans to, where `label`'s fixed
    tie-break would punish every valid route but one (open rooms have hundreds). Torch on the
    tensors' device, the whole batch at once: it runs inside the training step, on a GPU too."""
    B, side, _ = squares.shape
    passable, start, goal = squares != WALL, squares == START, squares == GOAL
    # breadth-first from S, a layer per move, and with it best[c]: the highest margin sum over the
    # shortest routes from S to c (each comes from a cell one move nearer S)
    dist = torch.where(start, 0, -1)
    best = torch.where(start, 0.0, -math.inf).to(margins.dtype)
    layer, k = start, 0
    while not (dist[goal] >= 0).all():
        k += 1
        nearer = _neighbours(torch.where(layer, best, -math.inf)).amax(0)
        layer = passable & (dist < 0) & (nearer > -math.inf)
        if not layer.any():
            raise ValueError("a maze whose goal cannot be reached from its start")
        dist = torch.where(layer, k, dist)
        best = torch.where(layer, margins + nearer, best)
    # walk back from G, every maze at once, each move to the neighbour one move nearer S with the best sum
    moves = torch.tensor(MOVES, device=squares.device)
    rows = torch.arange(B, device=squares.device)
    at = goal.reshape(B, -1).float().argmax(1)
    at = torch.stack([at // side, at % side], 1)  # [B,2]
    total = dist[goal]  # [B]: moves on each maze's shortest route
    dist_p = torch.nn.functional.pad(dist, (1, 1, 1, 1), value=-1)
    best_p = torch.nn.functional.pad(best, (1, 1, 1, 1), value=-math.inf)
    answers = squares.clone()
    for k in range(int(total.max()) - 1, 0, -1):
        near = at[:, None, :] + moves + 1  # [B,4,2] in padded coordinates
        score = best_p[rows[:, None], near[..., 0], near[..., 1]]
        score = torch.where(dist_p[rows[:, None], near[..., 0], near[..., 1]] == k, score, -math.inf)
        step = moves[score.argmax(1)]
        walking = total > k
        at = torch.where(walking[:, None], at + step, at)
        answers[rows[walking], at[walking, 0], at[walking, 1]] = PATH
    return answers


def _neighbours(grids):
    """[4,B,s,s]: each cell's neighbour one move away in each of MOVES (-inf beyond the edge)."""
    side = grids.shape[-1]
    padded = torch.nn.functional.pad(grids, (1, 1, 1, 1), value=-math.inf)
    return torch.stack([padded[:, 1 + dr:1 + dr + side, 1 + dc:1 + dc + side] for dr, dc in MOVES])


def path_length(tokens):
    """Moves on the shortest route from S to G of each maze [B,side²] (the app's 900, or a training square)."""
    tokens = np.asarray(tokens)
    side = math.isqrt(tokens.shape[-1])
    out = []
    for t in tokens.reshape(-1, side, side):
        start, goal = ends(t)
        out.append(int(distances(t, start)[goal]))
    return np.array(out)


def route_band(paths, bands, rng):
    """One of `bands` equal parts of the route range `paths` (inclusive), drawn uniformly."""
    lo, hi = paths
    edges = np.linspace(lo, hi + 1, bands + 1).round().astype(int)
    k = int(rng.integers(bands))
    return int(edges[k]), int(max(edges[k], edges[k + 1] - 1))


class MazeSource:
    """Fresh mazes: size drawn from `sizes`, style from `styles`, shortest path from `paths`,
    one of the 8 symmetries of the padded square (the app's 30x30 unless a convolutional model
    trains on a smaller one); state is one numpy Generator.

    With `route_bands` > 1 each maze first draws one of that many equal parts of `paths`, and its
    layout is drawn until it holds such a route; with `banded_share` < 1 only that share of mazes
    does, and the rest are drawn as without bands (a mix that keeps the short routes' training).
    Without, the route is aimed at within what the layout offers from a random start, and an
    open-rooms layout is mostly pockets of short routes: 97% of its mazes had routes under 21 moves
    (training/README.md, "Even route lengths")."""

    def __init__(self, sizes=(8, 30), styles=STYLES, paths=(1, 10_000), seed=0, square=SIZE, route_bands=1,
                 banded_share=1.0):
        if sizes[1] > square:
            raise ValueError(f"mazes of side {sizes[1]} do not fit a {square}x{square} square")
        self.sizes, self.styles, self.paths, self.square = tuple(sizes), tuple(styles), tuple(paths), square
        self.route_bands, self.banded_share = route_bands, banded_share
        self.rng = np.random.default_rng(seed)

    def sample(self, batch, size=None, paths=None):
        """Returns (tokens, labels) [B, square²]."""
        tokens, labels = [], []
        for _ in range(batch):
            square = dihedral(self._layout(size, paths), int(self.rng.integers(8)))
            tokens.append(square.reshape(-1))
            labels.append(label(square).reshape(-1))
        return np.stack(tokens), np.stack(labels)

    def _layout(self, size, paths):
        """One maze with S and G in its square. Banded, the band and the style stay and the side is
        drawn again until a layout holds such a route; otherwise a style whose layouts lack one gives
        way to another (the held-out draws depend on this order)."""
        rng, styles, side, square = self.rng, self.styles, None, None
        # a share of 1 draws no coin, so runs made before the mix existed draw the same mazes
        banded = paths is None and self.route_bands > 1 and (self.banded_share >= 1 or rng.random() < self.banded_share)
        if banded:
            paths, styles = route_band(self.paths, self.route_bands, rng), (styles[rng.integers(len(styles))],)
        while square is None:
            if side is None or banded:
                side = size or int(rng.integers(self.sizes[0], self.sizes[1] + 1))
            square = make_maze(rng, side, styles[rng.integers(len(styles))], paths or self.paths, square=self.square)
        return square


def is_optimal_path(answer, tokens):
    """answer, tokens [B,900]: every non-path cell unchanged, path marks only on open cells,
    and the marks join S to G in exactly the shortest number of moves."""
    answer, tokens = np.asarray(answer).reshape(-1, L), np.asarray(tokens).reshape(-1, L)
    ok = np.zeros(len(tokens), dtype=bool)
    for i, (a, t) in enumerate(zip(answer, tokens)):
        marked = a == PATH
        if not (((a == t) | (marked & (t == OPEN))).all()):
            continue
        grid = t.reshape(SIZE, SIZE)
        start, goal = ends(grid)
        shortest = distances(grid, start)[goal]
        walkable = np.where(marked.reshape(SIZE, SIZE) | (grid == GOAL) | (grid == START), OPEN, WALL)
        ok[i] = shortest > 0 and distances(walkable, start)[goal] == shortest and marked.sum() == shortest - 1
    return ok
