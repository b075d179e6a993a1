#!/usr/bin/env python3
"""Writes preflight(1) in roff from the tool's own description of its commands.

Usage: preflight --experimental-dump-help | python3 man/make-man.py VERSION > preflight.1

Every subcommand, argument and option the parser knows is in the page, with its help text, so the
page cannot fall behind the tool.
"""
import json
import sys


def roff(text):
    """Text safe in roff: backslashes and leading dots or quotes escaped."""
    out = []
    for line in (text or "").replace("\\", "\\e").split("\n"):
        if line.startswith((".", "'")):
            line = "\\&" + line
        out.append(line.replace("-", "\\-"))
    return "\n".join(out)


def names(arg):
    found = []
    for n in arg.get("names", []):
        found.append(("-" if n["kind"] == "short" else "--") + n["name"])
    return found


def argument(arg):
    if not arg.get("shouldDisplay", True):
        return ""
    value = arg.get("valueName", "")
    if arg["kind"] == "positional":
        head = "\\fI" + roff(value) + "\\fR"
    else:
        flags = ", ".join("\\fB" + roff(n) + "\\fR" for n in names(arg))
        head = flags + (" \\fI" + roff(value) + "\\fR" if arg["kind"] == "option" else "")
    return ".TP\n" + head + "\n" + roff(arg.get("abstract", "")) + "\n"


def command(cmd, path):
    if not cmd.get("shouldDisplay", True) or cmd["commandName"] == "help":
        return ""
    full = " ".join(path + [cmd["commandName"]])
    page = ".SS " + roff(full) + "\n" + roff(cmd.get("abstract", "")) + "\n"
    if cmd.get("discussion"):
        page += ".PP\n.nf\n" + roff(cmd["discussion"]) + "\n.fi\n"
    for arg in cmd.get("arguments", []):
        page += argument(arg)
    for sub in cmd.get("subcommands", []):
        page += command(sub, path + [cmd["commandName"]])
    return page


def main():
    version = sys.argv[1] if len(sys.argv) > 1 else ""
    root = json.load(sys.stdin)["command"]
    subs = [s for s in root.get("subcommands", []) if s["commandName"] != "help"]
    page = '.TH PREFLIGHT 1 "" "preflight ' + roff(version) + '" "User Commands"\n'
    page += ".SH NAME\npreflight \\- " + roff(root.get("abstract", "")) + "\n"
    page += ".SH SYNOPSIS\n"
    for s in subs:
        page += ".B preflight " + roff(s["commandName"]) + "\n.RI [ options ]\n.br\n"
    page += ".B preflight \\-\\-version\n"
    page += ".SH DESCRIPTION\n" + roff(root.get("discussion", "")) + "\n"
    page += ".SH COMMANDS\n"
    for s in subs:
        page += command(s, ["preflight"])
    page += ".SH EXIT STATUS\n.TP\n0\nno check fails with an error (warnings allowed)\n.TP\n1\nat least one check fails, " \
            "or a gate submission cannot be read\n.TP\n2\na usage error, or a rule file that cannot be read\n"
    page += ".SH SEE ALSO\nSources/Preflight/Preflight.docc/CIGate.md in the source tree: the gate in CI, shards and report formats.\n"
    sys.stdout.write(page)


if __name__ == "__main__":
    main()
