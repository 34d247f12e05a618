"""click in Swedish.

click looks up its own words (Usage:, Options:, Error: …, Missing argument …) through gettext: each of its modules
binds ``gettext.gettext`` as ``_`` and ``gettext.ngettext`` as ``ngettext`` and calls them when it prints.
`install` points those names, in click's modules only, at the Swedish catalogue below; the process's gettext
domain and locale are left alone, so nothing else in the process changes language. The few words click writes
without gettext (the usage line's [OPTIONS] and COMMAND [ARGS]..., a type's name in a metavar such as FILE or
INTEGER, 'is not a valid integer') come from `Command` and `Group`, which every govgraph command is made with.
tests/test_cli_swedish.py fails when a click release adds or rewords a string the catalogue lacks."""
from __future__ import annotations

import copy
import gettext
import importlib
import sys

import click

# click's message -> Swedish; a placeholder may be left out ({param_type} is click's English word for a parameter)
CATALOGUE: dict[str, str] = {
    # help pages
    "Usage:": "Användning:",
    "Options": "Flaggor",
    "Commands": "Kommandon",
    "Positional arguments": "Argument",
    "Show this message and exit.": "Visa den här hjälpen och avsluta.",
    "Show the version and exit.": "Visa versionen och avsluta.",
    "%(prog)s, version %(version)s": "%(prog)s, version %(version)s",
    "default: {default}": "standard: {default}",
    "env var: {var}": "miljövariabel: {var}",
    "required": "krävs",
    "(dynamic)": "(beräknas)",
    "deprecated": "föråldrad",
    "DeprecationWarning: The command {name!r} is deprecated.{extra_message}":
        "Varning: kommandot {name!r} är föråldrat.{extra_message}",
    "DeprecationWarning: The {param_type} {name!r} is deprecated.{extra_message}":
        "Varning: {name!r} är föråldrad.{extra_message}",
    # errors
    "Error: {message}": "Fel: {message}",
    "Try '{command} {option}' for help.": "Se '{command} {option}' för hjälp.",
    "Aborted!": "Avbrutet!",
    "unknown error": "okänt fel",
    "Missing command.": "Kommando saknas.",
    "Missing argument": "Saknar argumentet",
    "Missing option": "Saknar flaggan",
    "Missing parameter": "Saknar parametern",
    "Missing {param_type}": "Saknar {param_type}",
    "Missing parameter: {param_name}": "Saknar parametern: {param_name}",
    "No such option {name!r}.": "Flaggan {name!r} finns inte.",
    "No such command {name!r}.": "Kommandot {name!r} finns inte.",
    "Invalid value: {message}": "Ogiltigt värde: {message}",
    "Invalid value for {param_hint}: {message}": "Ogiltigt värde för {param_hint}: {message}",
    "Value must be an iterable.": "Värdet ska vara en följd av värden.",
    "Option {name!r} does not take a value.": "Flaggan {name!r} tar inget värde.",
    "Argument {name!r} takes {nargs} values.": "Argumentet {name!r} tar {nargs} värden.",
    "Could not open file {filename!r}: {message}": "Filen {filename!r} kunde inte öppnas: {message}",
    # values
    "Choose from:\n\t{choices}": "Välj bland:\n\t{choices}",
    "{value} is not in the range {range}.": "{value} ligger utanför intervallet {range}.",
    "{value!r} is not a valid {number_type}.": "{value!r} är inte ett giltigt {number_type}.",
    "{value!r} is not a valid boolean. Recognized values: {states}":
        "{value!r} är inget sanningsvärde. Giltiga värden: {states}",
    "{value!r} is not a valid UUID.": "{value!r} är inget giltigt UUID.",
    "file": "fil",
    "directory": "mapp",
    "path": "sökväg",
    "{name} {filename!r} does not exist.": "{name} {filename!r} finns inte.",
    "{name} {filename!r} is a file.": "{name} {filename!r} är en fil.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} är en mapp.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} kan inte läsas.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} kan inte skrivas.",
    "{name} {filename!r} is not executable.": "{name} {filename!r} kan inte köras.",
    # prompts, the editor, the progress bar, shell completion (govgraph uses none of them today)
    "Do you want to continue?": "Vill du fortsätta?",
    "Confirm the action without prompting.": "Bekräfta utan att fråga.",
    "Repeat for confirmation": "Upprepa för att bekräfta",
    "Error: The two entered values do not match.": "Fel: de två värdena är olika.",
    "Error: invalid input": "Fel: ogiltigt värde",
    "Press any key to continue...": "Tryck på en tangent för att fortsätta …",
    "{editor}: Editing failed": "{editor}: redigeringen misslyckades",
    "{editor}: Editing failed: {e}": "{editor}: redigeringen misslyckades: {e}",
    "Windows error: {error}": "Windows-fel: {error}",
    "d": "d",
    "Couldn't detect Bash version, shell completion is not supported.":
        "Bash-versionen kunde inte avgöras; kommandoradskomplettering fungerar inte.",
    "Shell completion is not supported for Bash versions older than 4.4.":
        "Kommandoradskomplettering kräver Bash 4.4 eller senare.",
}

# (singular, plural) -> (Swedish singular, Swedish plural)
PLURALS: dict[tuple[str, str], tuple[str, str]] = {
    ("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})"):
        ("Oväntat extra argument ({args})", "Oväntade extra argument ({args})"),
    ("Takes {nargs} values but 1 was given.", "Takes {nargs} values but {len} were given."):
        ("Tar {nargs} värden men fick 1.", "Tar {nargs} värden men fick {len}."),
    ("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)"):
        ("Menade du {possibility}?", "(Menade du någon av: {possibilities}?)"),
    ("Option {name!r} requires an argument.", "Option {name!r} requires {nargs} arguments."):
        ("Flaggan {name!r} behöver ett värde.", "Flaggan {name!r} behöver {nargs} värden."),
    ("{value!r} is not {choice}.", "{value!r} is not one of {choices}."):
        ("{value!r} är inte {choice}.", "{value!r} är inte något av {choices}."),
    ("{value!r} does not match the format {format}.", "{value!r} does not match the formats {formats}."):
        ("{value!r} följer inte formatet {format}.", "{value!r} följer inget av formaten {formats}."),
    ("{len_type} values are required, but {len_value} was given.",
     "{len_type} values are required, but {len_value} were given."):
        ("{len_type} värden krävs, men {len_value} gavs.", "{len_type} värden krävs, men {len_value} gavs."),
}

# click's modules that print words through gettext (_winconsole is for Windows only and refuses to load elsewhere)
CLICK_MODULES = ("core", "decorators", "exceptions", "formatting", "parser", "types", "termui", "utils",
                 "shell_completion", "_termui_impl") + (("_winconsole",) if sys.platform == "win32" else ())

OPTIONS_METAVAR = "[FLAGGOR]"
SUBCOMMAND_METAVAR = "KOMMANDO [ARGUMENT]..."
# a parameter type's name: the metavar of an option without one of its own (upper case), and in messages
TYPE_NAMES: dict[type, str] = {
    click.types.StringParamType: "text", click.types.UnprocessedParamType: "text",
    click.types.IntParamType: "heltal", click.types.IntRange: "heltal",
    click.types.FloatParamType: "tal", click.types.FloatRange: "tal",
    click.types.BoolParamType: "ja/nej", click.types.UUIDParameterType: "uuid", click.types.DateTime: "datum",
    click.types.File: "fil", click.types.Choice: "val",
}


def gettext_sv(message: str) -> str:
    return CATALOGUE.get(message, message)


def ngettext_sv(singular: str, plural: str, n: int) -> str:
    sv = PLURALS.get((singular, plural))
    if sv is None:
        return singular if n == 1 else plural
    return sv[0] if n == 1 else sv[1]


def install() -> None:
    """Make click print Swedish: its modules' `_` and `ngettext` become the catalogue's. Safe to call again."""
    for name in CLICK_MODULES:
        try:
            mod = importlib.import_module(f"click.{name}")
        except ImportError:  # a module a later click release drops: the test of the catalogue says so
            continue
        if getattr(mod, "_", None) in (gettext.gettext, gettext_sv):
            mod._ = gettext_sv
        if getattr(mod, "ngettext", None) in (gettext.ngettext, ngettext_sv):
            mod.ngettext = ngettext_sv


def type_name(t: click.ParamType) -> str | None:
    if isinstance(t, click.Path):
        return "fil" if t.file_okay and not t.dir_okay else "mapp" if t.dir_okay and not t.file_okay else "sökväg"
    return TYPE_NAMES.get(type(t))


class _SwedishParams:
    """Each parameter gets its own copy of its type with a Swedish name (click shares one INT, one STRING …
    between all parameters, so the shared ones are left as they are)."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("options_metavar", OPTIONS_METAVAR)
        super().__init__(*args, **kwargs)
        for p in self.params:
            name = type_name(p.type)
            if name and not getattr(p, "is_flag", False):
                p.type = copy.copy(p.type)
                p.type.name = name


class Command(_SwedishParams, click.Command):
    """A command whose usage line and parameter types are Swedish."""


class Group(_SwedishParams, click.Group):
    """A group whose commands and subgroups are made Swedish too."""

    command_class = Command
    group_class = type  # subgroups: this class

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("subcommand_metavar", SUBCOMMAND_METAVAR)
        super().__init__(*args, **kwargs)


def one_line(e: click.ClickException) -> str:
    """A click error as the one line govgraph prints: the message, and for a mistake in the command line the
    command's usage and where its help is."""
    message = " ".join(e.format_message().split())
    if not message.endswith((".", "?", "!")):  # "… Välj bland: a, b" and "Oväntat extra argument (x)" end bare
        message += "."
    ctx = getattr(e, "ctx", None)
    if not isinstance(e, click.UsageError) or ctx is None:
        return message
    usage = " ".join(ctx.get_usage().split())
    help_option = max(ctx.help_option_names, key=len) if ctx.help_option_names else "--help"
    return f"{message} {usage} – mer i '{ctx.command_path} {help_option}'."
