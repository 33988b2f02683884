"""Instants around Brussels' clock changes, shared by the consent and rule tests (PEP 495:
instants, not wall clocks).

2024-10-27: 03:00 CEST becomes 02:00 CET, so 02:00-02:59 happens twice (fold=0 at UTC+2,
fold=1 at UTC+1). 2025-03-30: 02:00 CET becomes 03:00 CEST, so 02:00-02:59 never happens
(fold=0 reads it at UTC+1).
"""

from __future__ import annotations

from datetime import datetime

from protocol_share._time import BRUSSELS

AUTUMN_0245_F0 = datetime(2024, 10, 27, 2, 45, tzinfo=BRUSSELS)  # 00:45Z
AUTUMN_0250_F0 = datetime(2024, 10, 27, 2, 50, tzinfo=BRUSSELS)  # 00:50Z
AUTUMN_0230_F1 = datetime(2024, 10, 27, 2, 30, tzinfo=BRUSSELS, fold=1)  # 01:30Z
AUTUMN_0240_F1 = datetime(2024, 10, 27, 2, 40, tzinfo=BRUSSELS, fold=1)  # 01:40Z
SPRING_0230_GAP = datetime(2025, 3, 30, 2, 30, tzinfo=BRUSSELS)  # 01:30Z
SPRING_0310 = datetime(2025, 3, 30, 3, 10, tzinfo=BRUSSELS)  # 01:10Z
