"""Accelerators: cohorts, roles (founder, mentor, admin), invite codes, who may see which session, the
mentor dashboard's figures, model spend and a founder's right to take their data and leave.

Nothing here imports Chainlit: the room (assistant/ui) and the command line (`coach cohort`, `coach
sessions`) call these modules.
"""
