"""Participant texts by topic; :mod:`toolkit.i18n` merges them into its one catalogue.

Each module holds a ``CATALOGUE`` dict in the same shape as :data:`toolkit.i18n.CATALOGUE`
(key -> {"nl": ..., "en": ...}). A key may be defined in one place only.
"""

from toolkit.texts import advocacy, board, content, door, early, irony, journey, perfection, plan, safety, workshop

#: The topic catalogues, in the order they are merged.
PARTS = (workshop.CATALOGUE, journey.CATALOGUE, early.CATALOGUE, irony.CATALOGUE, content.CATALOGUE, advocacy.CATALOGUE,
         perfection.CATALOGUE, safety.CATALOGUE, plan.CATALOGUE, door.CATALOGUE, board.CATALOGUE)
