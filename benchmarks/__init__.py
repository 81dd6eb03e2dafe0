"""`coach bench`: the performance suite (a development tool plugged into the CLI; the product never imports it).

Each section measures one thing and returns flat `{key: number}` figures; `benchmarks.cli` runs them,
writes `results.json` with the fixed keys other tools read, and prints the table.
"""
