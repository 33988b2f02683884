"""Article 3 after receipt: how long the OCMW keeps a referral (A3-4, A3-5, A3-6, C-7).

A :class:`RetentionCase` follows one referral through its lifecycle::

    received -> contacted (wants_help | declined | unreachable)
             -> dossier_opened -> dossier_closed
    reviewed (keep, with a reason | delete), consent_withdrawn: see TRANSITIONS

Every legal step is one row of :data:`TRANSITIONS`; a step that is not there raises
:class:`ImpossibleStep` (a :class:`~protocol_share.errors.LifecycleError`) naming the
step and the state. "Unreachable" is not final: a later contact may follow. A case is
immutable; every step returns a new case.

:func:`retention_decision` says what to do with the data today:

- received, no answer yet: **keep** until contact has taken place and the client's wish is
  clear (A3-4), and **review** after ``protocol.retention.contact_review_days``: nothing
  is deleted before contact, but no referral lies idle unnoticed;
- the client declined: **delete**; that no ground remains is the library's reading of
  storage limitation (GDPR art. 5(1)(e)), not a term of the protocol;
- the client wants help: **keep**, a client file is to be opened (A3-5); **review** after
  ``file_to_open_review_days``;
- client file open: **keep** (A3-6); **review** after ``open_file_review_days``;
- client file closed: **keep** until the tenth anniversary of the closing (calendar years,
  ``protocol.retention.client_file_years``; python-dateutil, so a file closed on 29
  February 2024 is kept until 28 February 2034), **delete** from the next day (A3-6);
- the client could not be reached: **review** after ``unreachable_review_days``;
- a review closes with a ``reviewed`` step: keep (with a reason code) until the next
  review, or delete (not before contact, not an open file);
- the sender notified a withdrawal of consent: **delete** a referral no file was opened
  for; an open or closed client file is the OCMW's own and stays (A2-4, A3-6).

Every review term is the library's reading where the protocol is silent
(``docs/readings.md``). The protocol's end (A8-1, A11-2, A11-3) stops new transfers (A5-2);
it neither shortens nor extends the retention of data already received, so no rule here
reads ``protocol.ends_on``. Dates are Europe/Brussels calendar dates.

    >>> from datetime import datetime, timezone
    >>> def utc(*args): return datetime(*args, tzinfo=timezone.utc)
    >>> case = (RetentionCase.received(utc(2023, 5, 2, 9), case_id="v-1")
    ...         .contacted(utc(2023, 5, 6, 9), "wants_help")
    ...         .dossier_opened(utc(2023, 5, 7, 9))
    ...         .dossier_closed(utc(2024, 2, 29, 9)))
    >>> decision = retention_decision(case, at=utc(2030, 1, 1))
    >>> decision.action, decision.keep_until, decision.clause
    ('keep', datetime.date(2034, 2, 28), 'A3-6')
    >>> retention_decision(case, at=utc(2034, 3, 1)).action
    'delete'
"""

from protocol_share.retention._decision import RetentionDecision, retention_decision
from protocol_share.retention._lifecycle import (
    TERMINAL_STATES,
    TRANSITIONS,
    Action,
    ImpossibleStep,
    Outcome,
    RetentionCase,
    ReviewOutcome,
    State,
    Step,
    StepName,
)
from protocol_share.retention._records import CaseRecord, StepRecord, cases_from_json
from protocol_share.retention._schedule import (
    CASE_ERROR_CODES,
    CaseError,
    ScheduledAction,
    ScheduleEntry,
    iter_retention_schedule,
    retention_schedule,
    schedule_as_json,
)

__all__ = [
    "CASE_ERROR_CODES",
    "TERMINAL_STATES",
    "TRANSITIONS",
    "Action",
    "CaseError",
    "CaseRecord",
    "ImpossibleStep",
    "Outcome",
    "RetentionCase",
    "RetentionDecision",
    "ReviewOutcome",
    "ScheduleEntry",
    "ScheduledAction",
    "State",
    "Step",
    "StepName",
    "StepRecord",
    "cases_from_json",
    "iter_retention_schedule",
    "retention_decision",
    "retention_schedule",
    "schedule_as_json",
]
