#!/usr/bin/env python3
"""Rewrites the "Parameters" part of helm/parley/README.md from the `## @section` and `## @param` comments of
helm/parley/values.yaml (the Bitnami convention). Run it after changing values.yaml; deploy's ValuesTest fails when
the README and the values disagree. Needs python3 with PyYAML (Debian: python3-yaml)."""
import json
import pathlib
import re

import yaml

CHART = pathlib.Path(__file__).resolve().parent / "parley"
BEGIN, END = "<!-- parameters:begin -->", "<!-- parameters:end -->"


def default(values, path):
    value = values
    for part in path.split("."):
        value = value[part]
    if isinstance(value, (dict, list)):
        text = json.dumps(value, separators=(",", ":"))
        return "see values.yaml" if len(text) > 40 else f"`{text}`"
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    return '`""`' if value == "" else f"`{value}`"


def table(values_file):
    values = yaml.safe_load(values_file.read_text())
    lines = []
    for line in values_file.read_text().splitlines():
        if m := re.match(r"\s*## @section (.*)", line):
            lines += ["", f"### {m.group(1)}", "", "| Name | Description | Default |", "|---|---|---|"]
        elif m := re.match(r"\s*## @param (\S+) (.*)", line):
            name, description = m.groups()
            cells = [f"`{name}`", description, default(values, name)]
            lines.append("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |")
    return "\n".join(lines).strip("\n")


readme = CHART / "README.md"
text = readme.read_text()
start, end = text.index(BEGIN) + len(BEGIN), text.index(END)
readme.write_text(text[:start] + "\n" + table(CHART / "values.yaml") + "\n" + text[end:])
