"""The README documents every verb, and its two set-up commands are the ones CI runs."""
import importlib
from pathlib import Path

from pipeline import cli

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_command_has_an_example_in_the_readme():
    for module in cli.COMMAND_MODULES:
        importlib.import_module(module)
    names = [c.name or c.callback.__name__ for c in cli.app.registered_commands]
    assert len(names) >= 10
    missing = [n for n in names if f"arkisto {n}" not in README]
    assert not missing, missing


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    test_command = ".venv/bin/python -m pytest"
    assert f"bash scripts/setup.sh && {test_command}" in README
    assert test_command in ci and "scripts/setup.sh" in ci
