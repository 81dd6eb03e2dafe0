"""The product's modules import one another one way only: no import cycle in `assistant/`, counting the imports
inside functions and under TYPE_CHECKING (a lazy import hides a cycle, it does not remove it). The layers
themselves are checked by `lint-imports` (pyproject.toml)."""

from __future__ import annotations

import grimp


def test_no_module_of_the_product_is_in_an_import_cycle() -> None:
    graph = grimp.build_graph("assistant", cache_dir=None)
    modules = set(graph.modules)
    cycles = sorted(
        f"{importer} -> {imported} -> ... -> {importer}"
        for importer in modules
        for imported in graph.find_modules_directly_imported_by(importer) & modules
        if graph.chain_exists(importer=imported, imported=importer)
    )
    assert not cycles, "import cycles: " + "; ".join(cycles)
