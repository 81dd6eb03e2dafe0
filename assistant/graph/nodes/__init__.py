"""One module per node of the coaching graph; each node is a module-level async function
`(state, runtime) -> update` that reads its dependencies from `runtime.context`."""
