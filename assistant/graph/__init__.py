"""The coaching state machine (LangGraph): state, context, routers, one module per node, and the
builder that wires them."""

from assistant.graph.builder import build_graph
from assistant.graph.context import Context, Retriever

__all__ = ["Context", "Retriever", "build_graph"]
