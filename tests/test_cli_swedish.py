"""The whole command line speaks Swedish: click's own words (Usage:, Options:, Error: …) are translated, and a
mistake on the command line is one line that says what is wrong and how the command is written, with exit status
2 and no traceback. Run as a user runs it, `python -m govgraph …` in a subprocess, so the real main() answers."""
from __future__ import annotations

import ast
import gettext
import os
import re
import string
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from govgraph import swedish
from govgraph.cli import cli

ROOT = Path(__file__).resolve().parents[1]
# click's English as a user would meet it; none of it may reach the screen
ENGLISH = ["Usage:", "Options:", "Commands:", "Positional arguments", "Show this message and exit", "Error:",
           "Missing argument", "Missing option", "Missing parameter", "Missing command", "No such option",
           "No such command", "Invalid value", "Try '", "for help", "Aborted!", "[default:", "[required]",
           "is not one of", "is not a valid", "is not in the range", "does not exist", "Did you mean",
           "unexpected extra", "requires an argument", "does not take a value", "Choose from", "Traceback"]
# click's English placeholders (an argument's Python name, CYPHER_OR_FILE, counts: '_' is no boundary here)
ENGLISH_WORDS = re.compile(r"(?<![A-ZÅÄÖ])(OPTIONS|COMMAND|ARGS|INTEGER|FLOAT|BOOLEAN|PATHS?|FILE|DIRECTORY|CHOICE|"
                           r"DOCUMENTS|NUMBER|SOURCE|TARGET)(?![A-ZÅÄÖ])")
# click's messages about mistakes in a program's own declarations (a TypeError while the program is written),
# which never reach a user of a finished command
DEVELOPER_ONLY = {
    "Name '{name}' defined twice",
    "Boolean option {decl!r} cannot use the same flag for true/false.",
    "Could not determine name for option with declarations {decls!r}",
    "No options defined but a name was passed ({name}). Did you mean to declare an argument instead? Did you "
    "mean to pass '--{name}'?",
    "Arguments take exactly one parameter declaration, got {length}: {decls}.",
    "Invalid start character for option ({option})",
    "Unknown standard stream '{name}'",
    "Unknown color {colour!r}",
    "Choice({choices})",
}


def govgraph(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GOVGRAPH_", "NEO4J_"))}
    env["PYTHONPATH"] = str(ROOT) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env["LANG"] = env["LC_ALL"] = "C.UTF-8"  # Swedish whatever the user's locale
    return subprocess.run([sys.executable, "-m", "govgraph", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=120)


def assert_swedish(text: str) -> None:
    english = [w for w in ENGLISH if w in text] + ENGLISH_WORDS.findall(text)
    assert not english, f"English from click: {english}\n{text}"


def one_error_line(p: subprocess.CompletedProcess) -> str:
    assert p.returncode == 2, (p.returncode, p.stdout, p.stderr)
    lines = [ln for ln in p.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("fel: "), p.stderr
    assert_swedish(p.stderr + p.stdout)
    return lines[0]


# --------------------------------------------------------------------------------------------- help
def test_help_is_swedish(tmp_path):
    p = govgraph("--help", cwd=tmp_path)
    assert p.returncode == 0, p.stderr
    assert_swedish(p.stdout)
    text = " ".join(p.stdout.split())
    for sv in ("Användning: python -m govgraph [FLAGGOR] KOMMANDO [ARGUMENT]...", "Flaggor:", "Kommandon:",
               "-h, --help Visa den här hjälpen och avsluta.", "ingest Läs in filer", "samverkansstrukturen"):
        assert sv in text, (sv, p.stdout)


def test_a_commands_help_is_swedish(tmp_path):
    p = govgraph("ingest", "-h", cwd=tmp_path)
    assert p.returncode == 0, p.stderr
    assert_swedish(p.stdout)
    text = " ".join(p.stdout.split())
    for sv in ("Användning: python -m govgraph ingest [FLAGGOR] SÖKVÄGAR...", "Flaggor:", "--db FIL",
               "-j, --jobs HELTAL", "[standard: 0; 0<=x<=64]", "Läs in filer och mappar"):
        assert sv in text, (sv, p.stdout)
    q = " ".join(govgraph("query", "--help", cwd=tmp_path).stdout.split())
    assert "--format [table|json|csv]" in q and "-p, --param NAMN=VÄRDE" in q
    assert "[krävs]" in " ".join(govgraph("export", "--help", cwd=tmp_path).stdout.split())


def _commands(group: click.Group, path: tuple[str, ...] = ()):
    for name, cmd in group.commands.items():
        yield (*path, name), cmd
        if isinstance(cmd, click.Group):
            yield from _commands(cmd, (*path, name))


def test_every_commands_help_is_swedish():
    runner = CliRunner()
    names = []
    for path, cmd in _commands(cli):
        res = runner.invoke(cli, [*path, "--help"], prog_name="govgraph")
        assert res.exit_code == 0, (path, res.output)
        assert res.output.startswith(f"Användning: govgraph {' '.join(path)} "), res.output
        assert_swedish(res.output)
        names.append(" ".join(path))
    assert {"ingest", "query", "curate merge", "push", "pull"} <= set(names)


def test_every_argument_has_a_swedish_placeholder():
    """An argument's placeholder is otherwise its Python name in capitals (PATHS..., CYPHER_OR_FILE)."""
    missing = [f"{' '.join(path)} {p.name}" for path, cmd in _commands(cli) for p in cmd.params
               if isinstance(p, click.Argument) and not p.metavar]
    assert not missing, f"give these arguments a Swedish metavar: {missing}"


def test_no_arguments_show_the_help(tmp_path):
    p = govgraph(cwd=tmp_path)
    assert "Användning: python -m govgraph [FLAGGOR] KOMMANDO" in p.stdout + p.stderr
    assert_swedish(p.stdout + p.stderr)


# --------------------------------------------------------------------------------------------- mistakes
def test_a_missing_argument_is_one_swedish_line(tmp_path):
    line = one_error_line(govgraph("ingest", cwd=tmp_path))
    assert line.startswith("fel: Saknar argumentet 'SÖKVÄGAR...'."), line
    assert "Användning: python -m govgraph ingest [FLAGGOR] SÖKVÄGAR..." in line
    assert line.endswith("mer i 'python -m govgraph ingest --help'.")


def test_an_unknown_option_is_one_swedish_line(tmp_path):
    line = one_error_line(govgraph("query", "--fromat", "json", "MATCH (n) RETURN n", cwd=tmp_path))
    assert "Flaggan '--fromat' finns inte. Menade du '--format'?" in line, line


def test_an_unknown_command_is_one_swedish_line(tmp_path):
    line = one_error_line(govgraph("ingset", cwd=tmp_path))
    assert "Kommandot 'ingset' finns inte." in line and "KOMMANDO [ARGUMENT]..." in line, line


@pytest.mark.parametrize("args, want", [
    (["query", "MATCH (n) RETURN n", "--format", "xml"],
     "Ogiltigt värde för '--format': 'xml' är inte något av 'table', 'json', 'csv'."),
    (["ingest", "x", "-j", "99"], "Ogiltigt värde för '--jobs' / '-j': 99 ligger utanför intervallet 0<=x<=64."),
    (["app", "--port", "abc"], "Ogiltigt värde för '--port': 'abc' är inte ett giltigt heltal."),
    (["curate", "undo", "två"], "Ogiltigt värde för 'NUMMER': 'två' är inte ett giltigt heltal."),
], ids=["choice", "range", "integer", "argument"])
def test_an_invalid_value_is_one_swedish_line(tmp_path, args, want):
    line = one_error_line(govgraph(*args, cwd=tmp_path))
    assert want in line, line


def test_a_missing_option_is_one_swedish_line_with_the_choices(tmp_path):
    line = one_error_line(govgraph("structure", cwd=tmp_path))
    assert "Saknar flaggan '--as-of'." in line, line
    line = one_error_line(govgraph("export", "--out", str(tmp_path / "x.json"), cwd=tmp_path))
    assert "Saknar flaggan '--format'. Välj bland: popolo, graphml, csv" in line, line


def test_an_extra_argument_is_one_swedish_line(tmp_path):
    line = one_error_line(govgraph("schema", "extra", cwd=tmp_path))
    assert "Oväntat extra argument (extra)" in line, line


# --------------------------------------------------------------------------------------------- the catalogue
def _click_messages() -> tuple[set[str], set[tuple[str, str]], set[str]]:
    """click's own gettext messages (singular ones, plural pairs) and every string constant in its source."""
    singles, plurals, constants = set(), set(), set()
    for f in Path(click.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(f.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                constants.add(node.value)
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.args:
                args = [a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
                if node.func.id == "_" and args:
                    singles.add(args[0])
                elif node.func.id == "ngettext" and len(args) >= 2:
                    plurals.add((args[0], args[1]))
    return singles, plurals, constants


def test_the_catalogue_translates_every_message_click_can_show_a_user():
    singles, plurals, _ = _click_messages()
    assert singles and plurals
    missing = sorted(m for m in singles - DEVELOPER_ONLY if m not in swedish.CATALOGUE)
    missing += sorted(p[0] for p in plurals if p not in swedish.PLURALS)
    assert not missing, f"click has messages govgraph/swedish.py does not translate: {missing}"


def test_the_catalogue_has_no_message_click_no_longer_has():
    _, plurals, constants = _click_messages()
    stale = [m for m in swedish.CATALOGUE if m not in constants] + [p[0] for p in swedish.PLURALS if p not in plurals]
    assert not stale, f"click no longer has these messages; update govgraph/swedish.py: {stale}"


def _fields(s: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(s) if f} | set(re.findall(r"%\((\w+)\)", s))


def test_a_translation_uses_only_the_placeholders_click_fills():
    pairs = list(swedish.CATALOGUE.items()) + [(en[i], sv[i]) for en, sv in swedish.PLURALS.items() for i in (0, 1)]
    wrong = [(en, sv) for en, sv in pairs if not _fields(sv) <= _fields(en)]
    assert not wrong, wrong


def test_click_is_swedish_and_the_rest_of_the_process_is_not():
    swedish.install()  # again: changes nothing
    assert click.exceptions._("Usage:") == "Användning:" and click.formatting._("Usage:") == "Användning:"
    assert gettext.gettext("Usage:") == "Usage:"  # the process's own gettext domain is left alone
