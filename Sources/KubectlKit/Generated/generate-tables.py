#!/usr/bin/env python3
"""Generate KubectlCommandTable.swift and KubectlKnowledgeText.swift from the help output of the real kubectl.

Usage (from the package root):

    python3 Sources/KubectlKit/Generated/generate-tables.py [--kubectl PATH] [--output FILE] [--knowledge FILE]

The script runs `kubectl --help`, walks every command listed there and, for
commands that print an "Available Commands:" section (create, rollout, set,
config, auth, top, certificate, apply, plugin, ...), every sub-command
recursively. For each command it parses the "Options:" section: the long flag
name, its one-letter alias, whether the flag takes a value and the first line
of its description, and the command's aliases (`top pods` for `top pod`).
The flags accepted by every command come from
`kubectl options`.

kubectl prints a flag's default after `=`: `--all=false` / `--wait=true` for
boolean flags, and `--output=''`, `--replicas=0`, `--since=0s`,
`--filename=[]` for flags that take a value. A handful of valued flags also
accept being given bare (`--dry-run`, `--cascade`, `--validate`); help output
cannot show that, so they are listed in OPTIONAL_VALUE_FLAGS below.

The second file, KubectlKnowledgeText.swift, holds what the tables leave out
and `k1 explain` needs: each command path's description, usage and examples,
and every flag's default as kubectl prints it. It is one compact text literal
(a record per line, fields separated by tabs) that KubectlKnowledge parses on
first use, so start-up pays nothing for it:

    C<TAB>path<TAB>usage        a command path (`rollout undo`), then its records
    D<TAB>paragraph             one paragraph of the description
    E<TAB>line                  one line of the Examples section
    F<TAB>long<TAB>default      the default of one of the command's own flags
    G<TAB>long<TAB>default      the default of a global flag (`kubectl options`)

Only the Python standard library is used. The output is deterministic: commands
and flags are sorted by name and no machine-specific defaults are written.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass, field

# Valued flags that kubectl registers with an implicit value, so they may be
# given without one (`--dry-run` means `--dry-run=unchanged`). A following
# word is never taken as their value; only `--flag=value` sets it.
OPTIONAL_VALUE_FLAGS = {"dry-run", "cascade", "validate"}

# Commands that `kubectl --help` does not list but that exist in every build.
EXTRA_VERBS = {
    "help": "Help about any command",
    "options": "Print the list of flags inherited by all commands",
}

# Sections of `kubectl --help` that list commands of this build. The plugin
# section depends on the machine the script runs on and is skipped.
SKIPPED_SECTIONS = {"Subcommands provided by plugins:"}

FLAG_LINE = re.compile(r"^\s+(?:-(?P<short>[^-\s]), )?--(?P<long>[A-Za-z0-9][A-Za-z0-9_.-]*)=(?P<default>.*):$")
COMMAND_LINE = re.compile(r"^  (?P<name>[a-z0-9][a-z0-9-]*)\s{2,}(?P<summary>\S.*)$")


@dataclass
class Flag:
    long: str
    short: str | None
    takes_value: bool
    value_optional: bool
    summary: str


@dataclass
class Command:
    name: str
    summary: str
    aliases: list[str] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    subcommands: list["Command"] = field(default_factory=list)
    usage: str = ""
    description: list[str] = field(default_factory=list)
    examples: list[str] = field(default_factory=list)
    defaults: list[tuple[str, str]] = field(default_factory=list)


def run_kubectl(kubectl: str, args: list[str]) -> str:
    env = dict(os.environ)
    # Help output must not depend on the caller's kubeconfig or terminal.
    env["KUBECONFIG"] = os.devnull
    env["COLUMNS"] = "400"
    env.pop("KUBECTL_EXTERNAL_DIFF", None)
    result = subprocess.run(
        [kubectl, *args],
        check=False,
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    if result.returncode != 0:
        raise SystemExit(f"kubectl {' '.join(args)} failed ({result.returncode}): {result.stderr.strip()}")
    return result.stdout


def parse_options(text: str, header: str | None = "Options:") -> list[Flag]:
    """Parse the flags of an options section (or of the whole text when header is None)."""
    lines = text.splitlines()
    if header is not None:
        try:
            start = next(i for i, line in enumerate(lines) if line.strip() == header) + 1
        except StopIteration:
            return []
    else:
        start = 0
    flags: list[Flag] = []
    i = start
    while i < len(lines):
        line = lines[i]
        if header is not None and line and not line[0].isspace():
            break  # next top-level section such as "Usage:"
        match = FLAG_LINE.match(line)
        if match:
            following = lines[i + 1] if i + 1 < len(lines) else ""
            summary = "" if FLAG_LINE.match(following) else following.strip()
            long = match.group("long")
            default = match.group("default")
            takes_value = default not in ("true", "false")
            flags.append(
                Flag(
                    long=long,
                    short=match.group("short"),
                    takes_value=takes_value,
                    value_optional=takes_value and long in OPTIONAL_VALUE_FLAGS,
                    summary=summary,
                )
            )
        i += 1
    flags.sort(key=lambda f: f.long)
    return flags


def parse_defaults(text: str, header: str | None = "Options:") -> list[tuple[str, str]]:
    """(long name, default as printed) for the flags of an options section."""
    lines = text.splitlines()
    start = 0
    if header is not None:
        try:
            start = next(i for i, line in enumerate(lines) if line.strip() == header) + 1
        except StopIteration:
            return []
    result = []
    for line in lines[start:]:
        if header is not None and line and not line[0].isspace():
            break
        match = FLAG_LINE.match(line)
        if match:
            result.append((match.group("long"), machine_neutral(match.group("default"))))
    result.sort()
    return result


def machine_neutral(value: str) -> str:
    """A default with the generating user's home directory written as $HOME."""
    home = os.path.expanduser("~")
    return value.replace(home, "$HOME") if home not in ("", "/") else value


SECTION_HEADERS = {"Examples:", "Options:", "Usage:", "Available Commands:", "Aliases:"}


def parse_description(text: str) -> list[str]:
    """The paragraphs before the first section header, links to workflow images dropped."""
    paragraphs: list[str] = []
    current: list[str] = []
    for line in text.splitlines():
        if line.strip() in SECTION_HEADERS:
            break
        stripped = line.strip()
        if not stripped:
            if current:
                paragraphs.append(" ".join(current))
                current = []
            continue
        if "kubernetes.io/images/docs" in stripped:
            continue
        current.append(stripped)
    if current:
        paragraphs.append(" ".join(current))
    return paragraphs


def parse_examples(text: str) -> list[str]:
    lines = text.splitlines()
    try:
        start = next(i for i, line in enumerate(lines) if line.strip() == "Examples:") + 1
    except StopIteration:
        return []
    result = []
    for line in lines[start:]:
        if line and not line[0].isspace():
            break
        result.append(line[2:].rstrip() if line.startswith("  ") else line.strip())
    while result and not result[-1]:
        result.pop()
    return result


def parse_usage(text: str) -> str:
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if line.strip() == "Usage:" and i + 1 < len(lines):
            return lines[i + 1].strip()
    return ""


def parse_aliases(text: str, name: str) -> list[str]:
    """Other names of a command, from the "Aliases:" section (`pod, pods, po`)."""
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if line.strip() == "Aliases:" and i + 1 < len(lines):
            names = [n.strip() for n in lines[i + 1].split(",")]
            return [n for n in names if n and n != name]
    return []


def parse_available_commands(text: str) -> list[tuple[str, str]]:
    lines = text.splitlines()
    try:
        start = next(i for i, line in enumerate(lines) if line.strip() == "Available Commands:") + 1
    except StopIteration:
        return []
    commands = []
    for line in lines[start:]:
        if not line.strip():
            break
        match = COMMAND_LINE.match(line)
        if match:
            commands.append((match.group("name"), match.group("summary").strip()))
    return commands


def parse_root_commands(text: str) -> list[tuple[str, str]]:
    commands = []
    section = None
    for line in text.splitlines():
        if line and not line[0].isspace():
            section = line.strip()
            if section.startswith("Usage:"):
                break
            continue
        if section is None or section in SKIPPED_SECTIONS or not section.endswith(":"):
            continue
        match = COMMAND_LINE.match(line)
        if match:
            commands.append((match.group("name"), match.group("summary").strip()))
    return commands


def walk(kubectl: str, path: list[str], summary: str) -> Command:
    text = run_kubectl(kubectl, [*path, "--help"])
    command = Command(
        name=path[-1],
        summary=summary,
        aliases=parse_aliases(text, path[-1]),
        flags=parse_options(text),
        usage=parse_usage(text),
        description=parse_description(text),
        examples=parse_examples(text),
        defaults=parse_defaults(text),
    )
    for name, sub_summary in parse_available_commands(text):
        command.subcommands.append(walk(kubectl, [*path, name], sub_summary))
    command.subcommands.sort(key=lambda c: c.name)
    return command


def client_version(kubectl: str) -> str:
    info = json.loads(run_kubectl(kubectl, ["version", "--client", "-o", "json"]))
    git_version = info["clientVersion"]["gitVersion"]
    match = re.match(r"v\d+\.\d+\.\d+", git_version)
    return match.group(0) if match else git_version


# ---------------------------------------------------------------- Swift output

def swift_string(value: str) -> str:
    escaped = (
        value.replace("\\", "\\\\")
        .replace('"', '\\"')
        .replace("\t", " ")
        .replace("\r", " ")
        .replace("\n", " ")
    )
    return f'"{escaped}"'


def swift_identifier(path: list[str]) -> str:
    parts = "_".join(path).replace("-", "_")
    return f"command_{parts}"


def swift_flag(flag: Flag, indent: str) -> str:
    short = swift_string(flag.short) if flag.short else "nil"
    return (
        f"{indent}KubectlFlagSpec(long: {swift_string(flag.long)}, short: {short}, "
        f"takesValue: {'true' if flag.takes_value else 'false'}, "
        f"valueIsOptional: {'true' if flag.value_optional else 'false'}, "
        f"summary: {swift_string(flag.summary)})"
    )


def swift_flag_list(flags: list[Flag], indent: str) -> str:
    if not flags:
        return "[]"
    body = ",\n".join(swift_flag(f, indent + "    ") for f in flags)
    return f"[\n{body},\n{indent}]"


def emit_command(command: Command, path: list[str], out: list[str]) -> None:
    for sub in command.subcommands:
        emit_command(sub, [*path, sub.name], out)
    identifier = swift_identifier(path)
    subs = ", ".join(swift_identifier([*path, s.name]) for s in command.subcommands)
    out.append(f"/// `kubectl {' '.join(path)}`")
    out.append(f"private let {identifier} = KubectlVerbSpec(")
    out.append(f"    name: {swift_string(command.name)},")
    out.append(f"    summary: {swift_string(command.summary)},")
    aliases = ", ".join(swift_string(a) for a in command.aliases)
    out.append(f"    aliases: [{aliases}],")
    out.append(f"    subcommands: [{subs}],")
    out.append(f"    flags: {swift_flag_list(command.flags, '    ')}")
    out.append(")")
    out.append("")


def render(version: str, commands: list[Command], global_flags: list[Flag]) -> str:
    out = [
        f"// Generated by Sources/KubectlKit/Generated/generate-tables.py from kubectl {version}.",
        "// Do not edit by hand: run the script again to regenerate this file.",
        "",
        "/// Static tables of kubectl's commands and flags, generated from the help output",
        f"/// of kubectl {version}.",
        "public enum KubectlCommandTable {",
        "    /// The kubectl client version the tables were generated from.",
        f"    public static let kubectlVersion = {swift_string(version)}",
        "",
        "    /// Every top-level kubectl command, sorted by name, with its sub-commands and flags.",
        "    public static let verbs: [KubectlVerbSpec] = [",
    ]
    for command in commands:
        out.append(f"        {swift_identifier([command.name])},")
    out.append("    ]")
    out.append("")
    out.append("    /// The flags every kubectl command accepts (`kubectl options`).")
    out.append(f"    public static let globalFlags: [KubectlFlagSpec] = {swift_flag_list(global_flags, '    ')}")
    out.append("}")
    out.append("")
    for command in commands:
        emit_command(command, [command.name], out)
    return "\n".join(out).rstrip() + "\n"


# ------------------------------------------------------------ knowledge output

def knowledge_field(value: str) -> str:
    return value.replace("\t", " ").replace("\r", " ").replace("\n", " ")


def knowledge_records(command: Command, path: list[str], out: list[str]) -> None:
    out.append(f"C\t{' '.join(path)}\t{knowledge_field(command.usage)}")
    out.extend(f"D\t{knowledge_field(p)}" for p in command.description)
    out.extend(f"E\t{knowledge_field(e)}" for e in command.examples)
    out.extend(f"F\t{name}\t{knowledge_field(d)}" for name, d in command.defaults)
    for sub in command.subcommands:
        knowledge_records(sub, [*path, sub.name], out)


def render_knowledge(version: str, commands: list[Command], global_defaults: list[tuple[str, str]]) -> str:
    records: list[str] = []
    records.extend(f"G\t{name}\t{knowledge_field(d)}" for name, d in global_defaults)
    for command in commands:
        knowledge_records(command, [command.name], records)
    body = "\n".join(records)
    if '"""#' in body or "\\#(" in body:
        raise SystemExit("help text contains the raw-string delimiter")
    return "\n".join([
        f"// Generated by Sources/KubectlKit/Generated/generate-tables.py from kubectl {version}.",
        "// Do not edit by hand: run the script again to regenerate this file.",
        "",
        "extension KubectlKnowledge {",
        "    /// The kubectl client version the text was generated from.",
        f"    public static let kubectlVersion = {swift_string(version)}",
        "",
        "    /// kubectl's help, one record per line (see generate-tables.py); parsed on first use.",
        '    static let text = #"""',
        body,
        '"""#',
        "}",
        "",
    ])


def main() -> int:
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kubectl", default="kubectl", help="kubectl binary to read (default: kubectl on PATH)")
    parser.add_argument(
        "--output",
        default=os.path.join(here, "KubectlCommandTable.swift"),
        help="Swift file to write (default: KubectlCommandTable.swift next to this script)",
    )
    parser.add_argument(
        "--knowledge",
        default=os.path.join(here, "KubectlKnowledgeText.swift"),
        help="Swift file for descriptions, usage, examples and defaults (default: next to this script)",
    )
    args = parser.parse_args()

    version = client_version(args.kubectl)
    root = run_kubectl(args.kubectl, ["--help"])
    listed = dict(parse_root_commands(root))
    for name, summary in EXTRA_VERBS.items():
        listed.setdefault(name, summary)
    commands = []
    for name in sorted(listed):
        if name in EXTRA_VERBS:
            # `help` and `options` print no Options section of their own.
            commands.append(Command(name=name, summary=listed[name]))
        else:
            commands.append(walk(args.kubectl, [name], listed[name]))
    options_text = run_kubectl(args.kubectl, ["options"])
    global_flags = parse_options(options_text, header=None)
    global_defaults = parse_defaults(options_text, header=None)

    text = render(version, commands, global_flags)
    with open(args.output, "w", encoding="utf-8") as handle:
        handle.write(text)
    with open(args.knowledge, "w", encoding="utf-8") as handle:
        handle.write(render_knowledge(version, commands, global_defaults))
    total = sum(1 for _ in iterate(commands))
    print(f"wrote {args.output}: {len(commands)} commands ({total} with sub-commands), "
          f"{len(global_flags)} global flags, kubectl {version}", file=sys.stderr)
    return 0


def iterate(commands: list[Command]):
    for command in commands:
        yield command
        yield from iterate(command.subcommands)


if __name__ == "__main__":
    sys.exit(main())
