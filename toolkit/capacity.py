"""How many participants one computer can serve, and how to size its pre-heated kernels for a room.

Every page a participant opens runs in a kernel of its own. Voila keeps a pool of kernels that
have already run the dashboard (pre-heated), so a page opens in about two seconds instead of
the ten or more a cold kernel needs. :func:`plan_room` turns the expected number of participants
and the computer's free memory into:

* the pool for the workshop dashboard (one warm kernel per expected participant, as far as
  memory allows), and one for every other dashboard;
* the room's capacity: how many pages may be open at once before a new one is turned away with
  a message (so that memory never runs out);
* how long warming up will take.

The figures it uses are measurements on a 2-core, 24 GB laptop (``docs/scaling.md``,
``benchmarks/RESULTS.md``); they are constants here so that the sizing can be checked.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

MIB = 1024 * 1024
#: Memory of one participant's kernel after the whole workshop (all 11 steps opened), with room
#: to spare: 178 MiB measured (benchmarks/bench_workshop.py), rounded up.
KERNEL_MIB = 200
#: Memory kept free for the server itself, the operating system and a browser on the same laptop.
RESERVE_MIB = 3 * 1024
#: Processor seconds one kernel needs to start and run the workshop dashboard: pools of 16, 26
#: and 37 kernels were warm after 40, 54 and 80 s on 2 cores (benchmarks/RESULTS.md), 4.2 to 5.0
#: s of one core each.
WARM_CORE_SECONDS = 4.5
#: Warm kernels kept for each dashboard other than the workshop (the three tools and the board).
OTHER_POOL = 1
#: The other dashboards (the three tools and the facilitator's board).
OTHER_DASHBOARDS = 4
#: The dashboard most participants open (the front door's first card).
WORKSHOP_DASHBOARD = "workshop"
#: Its notebook, as Voila names its pool: relative to the dashboards folder.
WORKSHOP_NOTEBOOK = f"{WORKSHOP_DASHBOARD}.ipynb"


@dataclass(frozen=True)
class RoomPlan:
    """A room's sizing on one computer.

    Attributes
    ----------
    participants : int
        The participants expected (as asked).
    workshop_pool : int
        Warm kernels kept for the workshop dashboard.
    other_pool : int
        Warm kernels kept for each other dashboard.
    capacity : int
        Pages that may be open at once; a page beyond it is turned away with a message.
    warm_seconds : float
        Estimated seconds until every pooled kernel is warm, after the server starts.
    memory_mib : int
        Memory the pools and ``capacity`` open pages would take together, in MiB.
    short_of_memory : bool
        True when memory does not allow a warm kernel for every expected participant.
    """

    participants: int
    workshop_pool: int
    other_pool: int
    capacity: int
    warm_seconds: float
    memory_mib: int
    short_of_memory: bool

    @property
    def pools(self) -> int:
        """Every pooled kernel, of all dashboards."""
        return self.workshop_pool + self.other_pool * OTHER_DASHBOARDS

    def kernel_pools_config(self) -> dict:
        """Voila's ``VoilaKernelManager.kernel_pools_config``: the workshop's pool, one for the others."""
        return {"default": {"pool_size": self.other_pool}, WORKSHOP_NOTEBOOK: {"pool_size": self.workshop_pool}}


def spare_kernels(participants: int) -> int:
    """Warm kernels beyond one per participant: a tenth more, at least two.

    Measured: a room of 30 with a pool of exactly 30 left the 31st page (the facilitator's) to a
    cold kernel, interactive after 27 s instead of 6 s.
    """
    return max(2, math.ceil(participants / 10))


def plan_room(participants: int, available_bytes: int, cores: int) -> RoomPlan:
    """Size the pools and the capacity for ``participants`` on a computer with this much free memory.

    Parameters
    ----------
    participants : int
        Participants expected, each with one workshop page (at least 1).
    available_bytes : int
        Memory free for the room (``psutil.virtual_memory().available``).
    cores : int
        Processor cores (for the warm-up estimate).

    Returns
    -------
    RoomPlan
        The capacity is every kernel the free memory (less :data:`RESERVE_MIB`) holds, less the
        pools; the workshop's pool is one kernel per participant and a few spare
        (:func:`spare_kernels`) when that leaves room for every page as well, else as many as do.

    Raises
    ------
    ValueError
        When ``participants`` is less than 1 or ``cores`` less than 1.
    """
    if participants < 1:
        raise ValueError("A room needs at least one participant.")
    if cores < 1:
        raise ValueError("A computer has at least one core.")
    kernels = max(0, (available_bytes // MIB - RESERVE_MIB) // KERNEL_MIB)  # all the memory holds
    other = OTHER_POOL * OTHER_DASHBOARDS
    # A pooled kernel becomes a participant's page when taken, and the pool refills: every
    # participant needs a page's kernel, and the pool wants as many more in reserve. Some pages
    # open twice (a phone beside the laptop, the facilitator looking along): a few spare.
    wanted = participants + spare_kernels(participants)
    workshop_pool = max(0, min(wanted, (kernels - other) // 2))
    capacity = max(0, kernels - other - workshop_pool)
    pools = workshop_pool + other
    return RoomPlan(participants=participants, workshop_pool=workshop_pool, other_pool=OTHER_POOL,
                    capacity=capacity, warm_seconds=math.ceil(pools * WARM_CORE_SECONDS / cores),
                    memory_mib=(pools + capacity) * KERNEL_MIB, short_of_memory=workshop_pool < participants)
