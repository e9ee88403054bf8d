"""Project files agree with each other: environment.yml and pyproject.toml, notebooks clean."""

from __future__ import annotations

import json
import re
import tomllib

import yaml

from helpers.paths import PROJ_ROOT


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~\[ ;]", requirement.strip(), maxsplit=1)[0].lower().replace("_", "-")


def test_environment_yml_lists_the_runtime_dependencies_of_pyproject():
    project = tomllib.loads((PROJ_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    runtime = {_name(r) for r in project["project"]["dependencies"]}
    environment = yaml.safe_load((PROJ_ROOT / "environment.yml").read_text(encoding="utf-8"))
    conda = {_name(d) for d in environment["dependencies"] if isinstance(d, str)} - {
        "python",
        "pip",
    }
    pip_section = next(d["pip"] for d in environment["dependencies"] if isinstance(d, dict))
    from_pypi = {_name(d) for d in pip_section if d != "-e ."}
    assert conda | from_pypi == runtime
    assert not conda & from_pypi
    assert "-e ." in pip_section


def test_notebooks_are_committed_without_outputs():
    for notebook in (PROJ_ROOT / "notebooks").glob("*.ipynb"):
        cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
        assert not any(c.get("outputs") for c in cells if c["cell_type"] == "code"), notebook.name
        assert all(c.get("id") for c in cells), f"{notebook.name}: a cell has no id (nbformat 4.5)"


def test_bundled_sample_is_the_users_seed():
    seed = PROJ_ROOT.parent / "shared" / "seeds" / "000_f42624e9b4215cbf.txt"
    sample = PROJ_ROOT / "data" / "raw" / "cqrb_2021-07-14_sample.txt"
    if seed.exists():
        assert sample.read_bytes() == seed.read_bytes()
    assert sample.stat().st_size > 7000


def test_functions_are_small_and_need_no_complexity_waiver():
    """Issues 11 and 12: the package is small named steps, none over 50 lines, and no
    function needs ruff's complexity limit waived."""
    import ast

    long = []
    for path in sorted((PROJ_ROOT / "src" / "helpers").glob("*.py")):
        source = path.read_text(encoding="utf-8")
        assert "noqa: C901" not in source, path.name
        lines = source.split("\n")
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.FunctionDef) and _code_lines(node, lines) > 50:
                long.append(f"{path.stem}.{node.name}")
    assert long == []


def _code_lines(node, lines: list[str]) -> int:
    """Lines of code in a function: no blank lines, comments or docstring."""
    import ast

    first = node.lineno
    if ast.get_docstring(node) is not None:
        first = node.body[0].end_lineno + 1
    body = lines[first - 1 : node.end_lineno]
    return sum(1 for line in body if line.strip() and not line.strip().startswith("#"))


# The package's modules bottom up, by stage: reading → paragraphs/bylines/dates → articles →
# figures/topics → plots → report/archive → cli. A module imports only modules before it.
MODULE_ORDER = (
    *("errors", "paths", "cache", "tables", "vocab", "markup"),  # foundations
    "reading",
    *("dates", "bylines", "paragraphs", "lines", "titles", "layouts"),
    "articles",
    *("numbers", "figures", "topics", "terms", "gazetteer", "entities", "concordance"),
    "plots",
    *("export", "trends", "archive", "notebook", "report"),
    *("cli", "__main__"),
)


def _imported_modules(path) -> set[str]:
    """The package modules a module imports (relative imports, wherever they stand)."""
    import ast

    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            if node.module:
                found.add(node.module.split(".")[0])
            else:  # from . import topics
                found.update(alias.name for alias in node.names)
    return found


def test_modules_import_only_modules_below_them():
    package = PROJ_ROOT / "src" / "helpers"
    modules = {p.stem for p in package.glob("*.py")} - {"__init__"}
    assert modules == set(MODULE_ORDER), "add a new module to MODULE_ORDER at its stage"
    upward = {
        (name, other)
        for name in MODULE_ORDER
        for other in _imported_modules(package / f"{name}.py")
        if other in modules and MODULE_ORDER.index(other) >= MODULE_ORDER.index(name)
    }
    assert not upward, f"modules importing one above them: {sorted(upward)}"
