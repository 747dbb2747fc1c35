from types import SimpleNamespace

import pytest
import torch

from average import average
from train import Trainer, build_config, load_model, save


def trained(steps, **kw):
    torch.manual_seed(steps)
    trainer = Trainer(build_config(SimpleNamespace(preset="tiny", **kw)), torch.device("cpu"))
    for _ in range(steps):
        trainer.train_step()
    return trainer.state()


def test_the_average_holds_the_mean_of_the_ema_weights_and_the_latest_counters(tmp_path):
    a, b, c = trained(2), trained(3), trained(4)
    avg = average([a, c, b])
    for name, value in avg["ema"].items():
        assert torch.allclose(value, (a["ema"][name] + b["ema"][name] + c["ema"][name]) / 3, atol=1e-6), name
    assert avg["step"] == 4 and avg["slim"]  # no optimizer state: resumes as weights only
    save(avg, tmp_path / "avg.pt")
    model = load_model(tmp_path / "avg.pt")
    assert all(torch.equal(p, avg["ema"][n]) for n, p in model.state_dict().items())


def test_copies_of_different_models_are_refused():
    with pytest.raises(ValueError, match="hidden differ"):
        average([trained(1), trained(1, hidden=16)])
    with pytest.raises(ValueError, match="at least two"):
        average([trained(1)])
