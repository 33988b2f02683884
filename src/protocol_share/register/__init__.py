"""The OCMW's register entry for this processing (A6-6; GDPR art. 30(1)).

A6-6 asks the OCMW to enter the received data in its register of processing activities.
:func:`processing_register_entry` builds that entry from the protocol, so it says exactly
what the protocol says:

- (a) the controller (the recipient: name, KBO number, seat) and its DPO;
- (b) the purposes (C-2, A2-2; the original purpose A2-1 is recorded with the source);
- (c) the categories of data subjects (C-3) and of personal data (A3-1, A3-2; no special
  categories, A3-3);
- (d) the categories of recipients (A4-1, A4-2) and, when given, the processors (A6-8);
- (e) no transfer to a third country;
- (f) the erasure terms (A3-4 to A3-6 and the host's review period for unreachable clients);
- (g) the security measures (C-1, C-5, A3, A6-2 to A6-5, A6-8, A9).

:meth:`RegisterEntry.to_json` gives plain JSON; :meth:`RegisterEntry.to_jsonld` gives a
DPV 2 (https://w3id.org/dpv) ``dpv:Process`` in JSON-LD with an inline ``@context``
(nothing to fetch); :meth:`RegisterEntry.fideslang` a fideslang privacy declaration whose
data categories are ``user.name.first``, ``user.name.last``, ``user.contact.address``,
``user.contact.phone_number`` and ``user.contact.email``.

    >>> entry = processing_register_entry()
    >>> entry.controller.name, entry.dpo_email
    ('OCMW Torhout', 'kurt.persyn@torhout.be')
    >>> entry.fideslang_categories  # doctest: +NORMALIZE_WHITESPACE
    ('user.contact.address', 'user.contact.email', 'user.contact.phone_number',
     'user.name.first', 'user.name.last')
    >>> entry.to_jsonld()["@type"]
    'dpv:Process'
"""

from protocol_share.register._entry import RegisterEntry, processing_register_entry
from protocol_share.register._terms import SECURITY_MEASURES, SecurityMeasure

__all__ = [
    "SECURITY_MEASURES",
    "RegisterEntry",
    "SecurityMeasure",
    "processing_register_entry",
]
