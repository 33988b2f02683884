"""Which model instances had their texts screened for forbidden identifiers (A3-3).

Every text field of the article 3 and referral models runs the forbidden-identifier guard
when the model is validated. :class:`Screened` marks an instance once its fields have
validated (an instance merely handed to a validator, which pydantic passes through
unchecked, is not marked), so the decision's ``FORBIDDEN_IDENTIFIER`` rule scans only what was never screened:
instances made with ``model_construct`` or changed with ``model_copy(update=...)``. The
guard's work is spent once per input.

The mark lives in the instance ``__dict__`` beside the fields, not as a field or private
attribute: equality, hashing, ``repr`` and dumps ignore it, and
:meth:`~protocol_share._model.FrozenModel.model_copy` with ``update`` drops it.
"""

from __future__ import annotations

from typing import ClassVar

from pydantic import BaseModel

from protocol_share._model import VALIDATED, FrozenModel

__all__ = ["Screened", "all_screened", "keep_mark", "was_screened"]

_MARK = "_protocol_share_screened"


class Screened(FrozenModel):
    """A frozen model whose text fields all pass the forbidden-identifier guard (A3-3)."""

    # Set by FrozenModel's validator, only on an instance whose fields were validated.
    _validation_marks: ClassVar[tuple[str, ...]] = (VALIDATED, _MARK)


def was_screened(model: BaseModel) -> bool:
    """Whether ``model`` passed validation as it is now (its texts were screened, A3-3)."""
    return model.__dict__.get(_MARK) is True


def all_screened(*models: BaseModel) -> bool:
    """Whether every one of ``models`` passed validation as it is now (A3-3)."""
    for model in models:  # noqa: SIM110 - a plain loop: this runs on every decision
        if model.__dict__.get(_MARK) is not True:
            return False
    return True


def keep_mark(original: BaseModel, copied: BaseModel) -> None:
    """Carry the mark of ``original`` over to ``copied``, a copy whose only changed values
    hold no text (the caller vouches for that, e.g. a new datetime)."""
    if was_screened(original):
        object.__setattr__(copied, _MARK, True)
