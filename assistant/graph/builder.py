"""Wiring of the coaching graph; reads like the README's diagram.

One founder turn: listen → (revisit | command | faq | reject | analyse) → ask → record → listen. The dependencies arrive
per run through LangGraph's runtime context (`assistant.graph.context.Context`).
"""

from __future__ import annotations

from typing import Any

from langgraph.checkpoint.base import BaseCheckpointSaver
from langgraph.graph import START, StateGraph
from langgraph.graph.state import CompiledStateGraph
from langgraph.store.base import BaseStore

from assistant.graph.context import Context
from assistant.graph.nodes.analyse import analyse
from assistant.graph.nodes.ask import ask
from assistant.graph.nodes.command import command
from assistant.graph.nodes.faq import faq
from assistant.graph.nodes.fieldwork import fieldwork
from assistant.graph.nodes.listen import listen
from assistant.graph.nodes.personas import personas
from assistant.graph.nodes.record import record
from assistant.graph.nodes.reject import reject
from assistant.graph.nodes.revisit import revisit
from assistant.graph.nodes.summary import summary
from assistant.graph.nodes.welcome import welcome
from assistant.graph.routers import route_after_ask, route_after_turn, route_reading
from assistant.graph.state import State

CoachGraph = CompiledStateGraph[State, Context, State, State]


def build_graph(checkpointer: BaseCheckpointSaver[Any] | None = None, store: BaseStore | None = None) -> CoachGraph:
    """The compiled graph. `store` keeps the founder's raw messages (`assistant.graph.inbox`): the one beside
    the checkpointer (`assistant.storage`); LangGraph's server attaches its own to the graph of `make_graph`."""
    g = StateGraph(State, context_schema=Context)
    for node in (welcome, ask, listen, revisit, command, faq, reject, analyse, fieldwork, summary, personas, record):
        g.add_node(node.__name__, node)
    g.add_edge(START, "welcome")
    g.add_edge("welcome", "ask")
    g.add_conditional_edges("ask", route_after_ask)
    g.add_conditional_edges("listen", route_reading)
    for name in ("revisit", "command", "faq", "reject", "analyse", "fieldwork"):
        g.add_conditional_edges(name, route_after_turn)
    g.add_edge("summary", "personas")  # then interview notes and persona corrections (fieldwork)
    g.add_edge("personas", "record")  # the session never ends: after the summary it keeps answering
    g.add_edge("record", "listen")
    return g.compile(checkpointer=checkpointer, store=store)
