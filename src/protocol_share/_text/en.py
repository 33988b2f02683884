"""English: every text a person reads, by key.

One flat mapping, :data:`MESSAGES`: dotted key -> :meth:`str.format` template, with the
same keys and placeholders as the Dutch catalogue (:mod:`protocol_share._text.nl`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

__all__ = ["MESSAGES"]

MESSAGES: Final[Mapping[str, str]] = {
    # --- the rules, by reason code: the reason a failed rule gives, and what it enforces -------
    # (C-1 to C-7, A3-3, A4, A5-1, A6-3, A11-1; the tables are decision/_rules.py, _onward.py)
    "rule.PROTOCOL_NOT_IN_FORCE.reason": "The protocol is not in force at that moment (not yet started, or ended).",
    "rule.PROTOCOL_NOT_IN_FORCE.requirement": "The protocol is in force at the moment the data are sent or passed on: from its first day, before its end (Brussels calendar days).",
    "rule.SENDER_NOT_AUTHORISED.reason": "The sender is not a member of the local team the protocol names.",
    "rule.SENDER_NOT_AUTHORISED.requirement": "The sender is a member (role local_team_member) of the local team the protocol names.",
    "rule.SENDER_NO_SECRECY.reason": "The sender is not bound by professional secrecy.",
    "rule.SENDER_NO_SECRECY.requirement": "The sender is bound by professional secrecy.",
    "rule.NOT_ASSESSED.reason": "The team member has not judged the referral appropriate together with the client.",
    "rule.NOT_ASSESSED.requirement": "The team member, in consultation with the client, judged the referral appropriate.",
    "rule.REFERRAL_AFTER_DECISION.reason": "The referral is dated after the moment of the transfer.",
    "rule.REFERRAL_AFTER_DECISION.requirement": "The referral was made no later than the moment of the transfer.",
    "rule.RECIPIENT_NOT_AUTHORISED.reason": "The recipient is not a social worker of the organisation the protocol names.",
    "rule.RECIPIENT_NOT_AUTHORISED.requirement": "The recipient is a social worker (role social_worker) of the protocol's recipient organisation (same KBO number).",
    "rule.RECIPIENT_NO_SECRECY.reason": "The recipient is not bound by the same professional secrecy.",
    "rule.RECIPIENT_NO_SECRECY.requirement": "The recipient is bound by the same professional secrecy.",
    "rule.WRONG_MAILBOX.reason": "The recipient is not reached at the mailbox the protocol names.",
    "rule.WRONG_MAILBOX.requirement": "The data go to the mailbox the protocol names (letter case aside).",
    "rule.NOT_RESIDENT.reason": "The client's domicile or residence is not in the recipient's municipality (postcode and municipality).",
    "rule.NOT_RESIDENT.requirement": "The client's domicile (recital C) and residence (art. 6) lie in Belgium in the recipient's municipality: one of its postcodes together with its name or one of its localities; each is the contact address unless the referral names it.",
    "rule.CONSENT_NOT_INFORMED.reason": "The client was not told about every topic: which data, to whom, why, what happens next, and that consent can be withdrawn.",
    "rule.CONSENT_NOT_INFORMED.requirement": "The client was told which data, to whom, why, what happens next, and that consent can be withdrawn.",
    "rule.CONSENT_WITHDRAWN.reason": "The client has withdrawn the consent.",
    "rule.CONSENT_WITHDRAWN.requirement": "The consent has not been withdrawn by the moment of the transfer.",
    "rule.CONSENT_AFTER_TRANSFER.reason": "The consent was given only after the moment of the transfer.",
    "rule.CONSENT_AFTER_TRANSFER.requirement": "The consent was given no later than the moment of the transfer.",
    "rule.CONSENT_BEFORE_PROTOCOL.reason": "The consent was given before the protocol (or the legal basis it names for sharing) took effect, so it cannot have informed the client about this sharing.",
    "rule.CONSENT_BEFORE_PROTOCOL.requirement": "The consent was given on or after the day the protocol entered into force (and the sharing basis it names took effect).",
    "rule.CONSENT_TOO_OLD.reason": "The consent is older than the protocol's maximum age of a consent for a new referral.",
    "rule.CONSENT_TOO_OLD.requirement": "The consent was given at most the protocol's maximum age of a consent (consent.max_age_days, Brussels calendar days) before the transfer.",
    "rule.CONSENT_SCOPE_RECIPIENT.reason": "The consent does not cover the protocol's recipient organisation.",
    "rule.CONSENT_SCOPE_RECIPIENT.requirement": "The consent covers the protocol's recipient organisation.",
    "rule.CONSENT_SCOPE_DATA.reason": "The consent does not cover every data item that would be sent.",
    "rule.CONSENT_SCOPE_DATA.requirement": "The consent covers every data item sent (name, address, phone, e-mail).",
    "rule.DATA_ITEM_NOT_IN_PROTOCOL.reason": "A data item that would be sent is not listed in article 3 of the protocol.",
    "rule.DATA_ITEM_NOT_IN_PROTOCOL.requirement": "Every data item sent is listed in article 3 of the protocol.",
    "rule.FORBIDDEN_IDENTIFIER.reason": "The data hold a national register, BIS, IBAN or KBO number, which article 3 forbids.",
    "rule.FORBIDDEN_IDENTIFIER.requirement": "No text holds a national register, BIS, IBAN or KBO number.",
    "rule.ONWARD_RECIPIENT_NOT_ALLOWED.reason": "The OCMW may pass the data on only to its social worker or to an actor of the integrated broad reception partnership.",
    "rule.ONWARD_RECIPIENT_NOT_ALLOWED.requirement": "The OCMW passes the data on only to a kind of recipient article 4 of the protocol names: its social worker, or an actor of the integrated broad reception partnership.",
    "rule.ONWARD_NOT_OWN_SOCIAL_WORKER.reason": "The social worker does not belong to the OCMW that received the data.",
    "rule.ONWARD_NOT_OWN_SOCIAL_WORKER.requirement": "A social worker who gets the data works for the OCMW that received them.",
    "rule.ONWARD_NO_SECRECY.reason": "The social worker is not bound by professional secrecy.",
    "rule.ONWARD_NO_SECRECY.requirement": "Whoever gets the data is bound by professional secrecy where the protocol requires it.",
    "rule.ONWARD_NOT_RECEIVED_UNDER_PROTOCOL.reason": "The data were not received in a transfer under the protocol (it was not in force then), or not yet.",
    "rule.ONWARD_NOT_RECEIVED_UNDER_PROTOCOL.requirement": "The data passed on came in a transfer while the protocol was in force, before they are passed on; the protocol's later end does not stop the OCMW's use of its own file.",
    "rule.ONWARD_DECREE_NOT_CHECKED.reason": "The exchange with the partnership actor lacks a check the decree on local social policy asks for (purpose, necessity, confidentiality).",
    "rule.ONWARD_DECREE_NOT_CHECKED.requirement": "Before an exchange with an actor of the integrated broad reception, the host checked and recorded that it serves the purposes of article 2, holds only the data needed, and stays confidential.",
    "rule.ONWARD_NOT_PARTNER.reason": "The actor is not part of the integrated broad reception partnership.",
    "rule.ONWARD_NOT_PARTNER.requirement": "An actor who gets the data is part of the integrated broad reception partnership (decree of 9 February 2018).",
    # --- dates -----------------------------------------------------------------------------
    "date.long": "{day} {month} {year}",
    "date.short": "{year}-{month:02d}-{day:02d}",
    "date.at": "{date} at {time}",
    "date.month.1": "January",
    "date.month.2": "February",
    "date.month.3": "March",
    "date.month.4": "April",
    "date.month.5": "May",
    "date.month.6": "June",
    "date.month.7": "July",
    "date.month.8": "August",
    "date.month.9": "September",
    "date.month.10": "October",
    "date.month.11": "November",
    "date.month.12": "December",
    # --- problems with an input, by code (errors.Problem: message_nl, message_en) ----------
    # No value and no limit in any of them (docs/design.md: errors name fields, not values).
    "problem.ALREADY_LISTED": "is already listed",
    "problem.ANSWER_BEFORE_NOTICE": "an answer cannot precede the notice it answers",
    "problem.AT_BEFORE_AWARE": "the check must be at or after awareness",
    "problem.AT_BEFORE_LAST_STEP": "a decision cannot be asked for a time before the case's latest step",
    "problem.AT_BEFORE_NOTICE": "a notice cannot be applied before it was given",
    "problem.BASIS_NOT_NAMED": "name the legal basis that no longer exists",
    "problem.BEFORE_REQUEST": "cannot be handed over before it was requested",
    "problem.BOX_CONFLICT": "differs from the box written in the house number",
    "problem.BREACH_NOT_NAMED": "name what was breached: the protocol, the GDPR or other data-protection law",
    "problem.CONSENT_NOT_WITHDRAWN": "record the withdrawal first (Consent.withdraw)",
    "problem.CONTRADICTORY_MEASURES": "'no_measure_needed' stands alone",
    "problem.CONTROL_CHARACTER": "contains a control, line-break or invisible character (use plain spaces)",
    "problem.DUPLICATE_CLAUSE": "an id repeats",
    "problem.DUPLICATE_KEY": "repeats a key",
    "problem.DUPLICATE_PROCESSOR": "lists a processor twice",
    "problem.EMPTY": "must not be empty or blank",
    "problem.EMPTY_RANGE": "must not be after max_value",
    "problem.ENDS_BEFORE_ENTRY_INTO_FORCE": "the protocol cannot end before it enters into force (A11-1)",
    "problem.ENDS_BEFORE_START": "a processor cannot stop before it starts",
    "problem.END_INSTANT_NOT_ON_END_DAY": "the instant of the end falls on ends_on (Europe/Brussels)",
    "problem.EVIDENCE_MISSING": "not every evidence item has a document yet",
    "problem.FIELD_MAP_CONFLICT": "two keys of the record give the same field",
    "problem.FIXED_FIELD": "a supplement cannot change the notice's identity, awareness or phase",
    "problem.FORBIDDEN_IDENTIFIER": "holds a national register, BIS, IBAN or KBO number, which article 3 forbids",
    "problem.INCONSISTENT": "allowed must be true exactly without reasons",
    "problem.INSTANT_NOT_ON_GIVEN_DAY": "the instant the notice was given falls on given_on (Europe/Brussels)",
    "problem.INSTANT_ONLY_FOR_BREACH": "only a termination for breach takes effect at the instant it is given",
    "problem.INVALID_BOX": "is not a box number",
    "problem.INVALID_CASE_ID": "must be an opaque id (A-Z, 0-9, . _ : -)",
    "problem.INVALID_COUNTRY": "is not a country code (ISO 3166-1 alpha-2, upper case)",
    "problem.INVALID_DATETIME": "must be an ISO 8601 date and time",
    "problem.INVALID_EMAIL": "is not a valid e-mail address",
    "problem.INVALID_HOUSE_NUMBER": "is not a house number",
    "problem.INVALID_KBO": "is not a KBO enterprise number (ten digits, mod-97 check)",
    "problem.INVALID_LIMIT": "must be a positive integer",
    "problem.INVALID_MUNICIPALITY": "must be a municipality: letters of any script, spaces, hyphens and apostrophes, no digits",
    "problem.INVALID_NAME": "must be a name: letters of any script, spaces, hyphens and apostrophes, no digits",
    "problem.INVALID_PHONE": "is not a valid telephone number",
    "problem.INVALID_POSTCODE": "is not a valid postcode",
    "problem.INVALID_REASON": "must be an opaque code (A-Z, 0-9, . _ : -)",
    "problem.ISSUED_BEFORE_AWARE": "a notice cannot be issued before the reporting party became aware",
    "problem.ITEMS_INCOMPLETE": "holds each of security_policy, security_plan, dpo, register_entry once",
    "problem.JSON_INVALID": "is not JSON",
    "problem.MEASURE_MISSING": "a correction or deletion is itself a measure",
    "problem.MISMATCH": "the two entries differ",
    "problem.MISSING_END_DATE": "an end reason needs its end date",
    "problem.MISSING_END_REASON": "an end date needs its reason",
    "problem.MISSING_VALUE": "the message needs this value",
    "problem.NAIVE_DATETIME": "must be timezone-aware (a naive datetime has no place in time)",
    "problem.NOTIFIED_ANYWAY": "a decision not to notify the authority cannot stand beside its notification",
    "problem.NOTIFIED_BEFORE_AWARE": "a notification cannot precede awareness of the breach",
    "problem.NOTIFIED_BEFORE_FOUND": "a problem cannot be notified before it was found",
    "problem.NOTIFIED_BEFORE_WITHDRAWN": "a withdrawal cannot be notified before it happened",
    "problem.NOT_AN_ED25519_KEY": "must be an Ed25519 key of the kind asked for",
    "problem.NOT_A_BREACH_TERMINATION": "only a termination for breach names what was breached",
    "problem.NOT_A_LIMIT": "must be a positive integer",
    "problem.NOT_A_STRING": "must be a string",
    "problem.NOT_ENCODABLE": "holds a lone surrogate character",
    "problem.NOT_LISTED": "is not in the overview",
    "problem.NOT_PICKLED": "a PackageKey holds a password and is never pickled",
    "problem.NOT_SET": "names an environment variable that is not set",
    "problem.NO_KEY": "only encrypted data have a key that can be compromised",
    "problem.NO_LOSS": "a breach loses confidentiality, integrity or availability (GDPR art. 4(12))",
    "problem.NO_RULES": "an empty rule table",
    "problem.OCCURRED_AFTER_AWARE": "a breach cannot occur after the reporting party became aware of it",
    "problem.ONLY_SENDER_ENDS_FOR_BREACH": "A8-1 lets only Opgroeien (the sender) end the protocol for a breach",
    "problem.OUT_OF_RANGE": "lies outside the range of the calendar computed with",
    "problem.PASSWORD_ONE_CHARACTER_CLASS": "must mix character classes (lower case, upper case, digits, others)",
    "problem.PASSWORD_REPETITIVE": "must hold at least 6 different characters",
    "problem.PASSWORD_TOO_SHORT": "is shorter than the shortest length allowed",
    "problem.SUPPLEMENT_BEFORE_NOTICE": "a supplement cannot be issued before the phase it supplements",
    "problem.TOO_LONG": "is too long",
    "problem.UNKNOWN_CLAUSE": "is not an id of the clause register",
    "problem.UNKNOWN_FIELD": "names a field that does not exist",
    "problem.UNKNOWN_ITEM": "is not an evidence item",
    "problem.UNKNOWN_LANGUAGE": "must be 'nl' or 'en'",
    "problem.UNKNOWN_MESSAGE": "is not in the catalogue",
    "problem.UNKNOWN_REASON_CODE": "has no texts in the catalogue",
    "problem.UNKNOWN_STYLE": "must be 'phone', 'digits' or 'mixed'",
    "problem.USE_A_STEP": "start a case with RetentionCase.received(at) or RetentionCase.replay(steps)",
    "problem.USE_DERIVE": "build a key with PackageKey.derive(password)",
    "problem.WITHDRAWAL_BEFORE_CONSENT": "a consent cannot be withdrawn before it was given",
    "problem.WITHDRAWN_BEFORE_TRANSFER": "a consent withdrawn at or before the transfer made the transfer unlawful (CONSENT_WITHDRAWN); this notice is for a withdrawal after it",
    "problem.WRONG_TYPE": "is not of the type expected",
    # pydantic's own error types that input reaches through the models (upper case)
    "problem.MISSING": "is required",
    "problem.EXTRA_FORBIDDEN": "is not a field of this model",
    "problem.STRING_TYPE": "must be a string",
    "problem.STRING_TOO_SHORT": "is too short",
    "problem.STRING_TOO_LONG": "is longer than allowed",
    "problem.STRING_PATTERN_MISMATCH": "does not have the required form",
    "problem.STRING_UNICODE": "must be valid Unicode text",
    "problem.INT_TYPE": "must be an integer",
    "problem.INT_PARSING": "must be an integer",
    "problem.INT_PARSING_SIZE": "is too large a number",
    "problem.INT_FROM_FLOAT": "must be a whole number, without a fraction",
    "problem.FLOAT_TYPE": "must be a number",
    "problem.FLOAT_PARSING": "must be a number",
    "problem.FINITE_NUMBER": "must be a finite number",
    "problem.GREATER_THAN": "is too small",
    "problem.GREATER_THAN_EQUAL": "is below the minimum allowed",
    "problem.LESS_THAN": "is too large",
    "problem.LESS_THAN_EQUAL": "is above the maximum allowed",
    "problem.BOOL_TYPE": "must be true or false",
    "problem.BOOL_PARSING": "must be true or false",
    "problem.DATE_TYPE": "must be a date (YYYY-MM-DD)",
    "problem.DATE_PARSING": "must be a date (YYYY-MM-DD)",
    "problem.DATE_FROM_DATETIME_PARSING": "must be a date (YYYY-MM-DD)",
    "problem.DATE_FROM_DATETIME_INEXACT": "must be a date, without a time of day",
    "problem.DATETIME_TYPE": "must be a date and time (ISO 8601)",
    "problem.DATETIME_PARSING": "must be a date and time (ISO 8601)",
    "problem.DATETIME_FROM_DATE_PARSING": "must be a date and time (ISO 8601)",
    "problem.DATETIME_OBJECT_INVALID": "must be a date and time (ISO 8601)",
    "problem.TIMEZONE_AWARE": "must carry a time zone or an offset from UTC",
    "problem.LITERAL_ERROR": "is not one of the values allowed",
    "problem.ENUM": "is not one of the values allowed",
    "problem.DICT_TYPE": "must be an object (keys and values)",
    "problem.MODEL_TYPE": "must be an object with the model's fields",
    "problem.MODEL_ATTRIBUTES_TYPE": "must be an object with the model's fields",
    "problem.LIST_TYPE": "must be a list",
    "problem.TUPLE_TYPE": "must be a list",
    "problem.SET_TYPE": "must be a list without repeats",
    "problem.FROZEN_SET_TYPE": "must be a list without repeats",
    "problem.TOO_SHORT": "has too few items",
    "problem.VALUE_ERROR": "is not a valid value",
    # A refused package or e-mail, an impossible lifecycle step: error.<code> (errors.py)
    "error.PACKAGE_REFUSED": "the package is not accepted",
    "error.CORRUPT_PACKAGE": "the package is not a readable 7z archive: truncated or damaged",
    "error.UNSUPPORTED_CODER": "the archive asks for a compression method that is refused",
    "error.NOT_ENCRYPTED": "the archive's content is not AES-256 encrypted",
    "error.HEADERS_NOT_ENCRYPTED": "the archive's file names and sizes are not encrypted",
    "error.WRONG_PASSWORD": "the password does not open the package",
    "error.UNEXPECTED_CONTENT": "the package holds something other than the expected referral",
    "error.PACKAGE_TOO_LARGE": "the package or its content is larger than allowed",
    "error.SIGNATURE_INVALID": "the package's signature is missing or does not match",
    "error.MAIL_REFUSED": "the e-mail does not carry exactly one 7z archive",
    "error.NO_ATTACHMENT": "the e-mail has no attachment",
    "error.SEVERAL_ATTACHMENTS": "the e-mail has more than one attachment",
    "error.NOT_AN_ARCHIVE": "the attachment is not a 7z archive",
    "error.TOO_LARGE": "the e-mail or its attachment is larger than allowed",
    "error.MALFORMED_MAIL": "the e-mail or its attachment's encoding cannot be read",
    "error.IMPOSSIBLE_STEP": "this step is not possible in this state of the case",
    "error.STEP_BEFORE_PREVIOUS": "the step is dated before the step before it",
    "error.UNKNOWN_STEP": "not a step of the retention lifecycle",
    "error.UNKNOWN_OUTCOME": "not a possible outcome of this step",
    "error.UNEXPECTED_OUTCOME": "only a contact or a review has an outcome",
    "error.REASON_REQUIRED": "a review that keeps the data must give a reason",
    "error.UNEXPECTED_REASON": "only a review has a reason",
    "error.NO_STEPS": "a case starts with the step 'received'",
    # --- the command line (cli/): every line a person reads, in --lang ---------------------
    "cli.decision.allowed": "ALLOWED: all {count} rules hold",
    "cli.decision.refused_one": "REFUSED: 1 reason",
    "cli.decision.refused_many": "REFUSED: {count} reasons",
    "cli.check.header": "referral {referral_id} under {protocol_id} at {at}",
    "cli.lint.finding": "[{severity}] {code} at {path}: {message}",
    "cli.lint.severity.error": "error",
    "cli.lint.severity.warning": "warning",
    "cli.lint.severity.info": "info",
    "cli.lint.none": "no findings",
    "cli.lint.unusable": "error: the rules cannot use this protocol (error findings: {count})",
    "cli.wrote": "wrote {path}",
    "cli.pack.wrote_message": "wrote {path} (to {to})",
    "cli.pack.refused": "refused: nothing was packed",
    "cli.pack.password": "send the password to the recipient by another channel, never by e-mail",
    "cli.password.generated": "password (send it by another channel, never by e-mail): {password}",
    "cli.open.referral": "referral    {referral_id}, sent {sent_at}",
    "cli.open.consent": "consent     {consent_id}, given {given_at}",
    "cli.open.sender": "sender      {team}",
    "cli.open.signed_by": "signed by   key {key}",
    "cli.open.client": "client      {first_name} {last_name}",
    "cli.open.address": "address     {street}, {postcode} {municipality}",
    "cli.open.phone": "phone       {phone}",
    "cli.open.email": "e-mail      {email}",
    "cli.retention.header": "retention at {at} ({protocol_id})",
    "cli.retention.line": "{label}: {state} -> {action}{detail} [{clause} {code}]",
    "cli.retention.keep_until": ", keep until {day}",
    "cli.retention.kept_until": ", kept until {day}",
    "cli.retention.review_on": ", review on {day}",
    "cli.retention.summary": "due now: {due} of {total}; scheduled: {scheduled}; errors: {errors}",
    "cli.retention.not_decided": "  {label}: {state} -> not decided [{code}]",
    "cli.retention.due": "due",
    "cli.breach.header": "breach notice {notice_id}, phase {phase}",
    "cli.breach.severity": "severity (ENISA): {level}; {message}",
    "cli.breach.deadline": "{authority} deadline: {deadline}",
    "cli.breach.authority": "authority: {code}: {message}",
    "cli.breach.other_party": "notify the other party's DPO: {required}",
    "cli.breach.required": "required (A9-1)",
    "cli.breach.not_required": "not required",
    "cli.register.header": "register of processing activities (GDPR art. 30(1)), {clause}",
    "cli.register.activity": "activity",
    "cli.register.controller": "controller",
    "cli.register.controller_value": "{name} ({kbo}), DPO {email}",
    "cli.register.source": "source",
    "cli.register.purposes": "purposes",
    "cli.register.data": "data",
    "cli.register.fideslang": "fideslang",
    "cli.register.recipients": "recipients",
    "cli.register.transfers": "transfers",
    "cli.register.no_transfers": "none to third countries",
    "cli.register.erasure": "erasure",
    "cli.register.measures": "measures",
    "cli.error": "error: {message}",
    "cli.error.invalid_one": "error: 1 problem in {what}:",
    "cli.error.invalid_many": "error: {count} problems in {what}:",
    "cli.error.in.arguments": "arguments",
    "cli.error.in.record": "record",
    "cli.error.in.retention_cases": "retention cases",
    "cli.problem": "{path}: {code}: {text}",
    "cli.error.package_problems": "error: package refused ({error}): verwijzing.json does not fit the schema ({count}):",
    "cli.error.package": "error: package refused ({error}): {message}",
    "cli.error.lifecycle": "error: impossible step ({code}): {message}",
    "cli.error.lifecycle.step": "impossible step '{step}' in state '{state}' ({code}): {message}",
    "cli.error.encoding": "error: the output cannot be written in this terminal's encoding",
    "cli.error.out_of_range": "error: unusable input: a date or number is out of the range computed with",
    "cli.error.interrupted": "interrupted",
    "cli.unusable.read": "cannot read {argument}: {reason}",
    "cli.unusable.too_large": "cannot read {argument}: larger than {size}",
    "cli.unusable.write": "cannot write to {argument}: {reason}",
    "cli.unusable.not_utf8": "cannot read {argument}: not UTF-8 text",
    "cli.unusable.first_line_empty": "cannot read {argument}: its first line is empty",
    "cli.unusable.not_pem": "cannot read {argument}: not an unencrypted PEM key",
    "cli.unusable.no_password": "no password: no terminal to ask on; use --password-file, --password-env or {variable}",
    "cli.password.prompt": "package password: ",
    "cli.password.again": "again: ",
    # --- protocol-share demo (cli/_demo.py): the walkthrough, step by step -----------------
    "cli.demo.title": "protocol-share {version}: demo on {protocol_id}",
    "cli.demo.sender": "sender:    {name} ({kbo}), {team}",
    "cli.demo.recipient": "recipient: {name} ({kbo}) at {mailbox}",
    "cli.demo.postcodes": "postcodes: {postcodes}; in force from {in_force_from}",
    "cli.demo.lint": "1. lint_protocol: the signed text's flaws, handled openly",
    "cli.demo.minimise": "2. minimise: a host record, cut down to what article 3 allows",
    "cli.demo.kept_items": "kept items:           {items}",
    "cli.demo.phone": "phone kept as E.164:  {phone}",
    "cli.demo.dropped": "dropped:              {paths}",
    "cli.demo.refused_record": "3. a national number as a name and a short phone number: every problem, no value",
    "cli.demo.package": "4. pack and open_package: the encrypted package of article 6, in memory",
    "cli.demo.pack_refused": "pack refused: {codes}",
    "cli.demo.password": "password (for another channel): {password}",
    "cli.demo.archive": "archive: {filename}, {size} bytes, AES-256",
    "cli.demo.mail": 'e-mail to {to}, subject "{subject}"',
    "cli.demo.opened": "opened: referral {referral_id}; the same client: {same}",
    "cli.demo.same.yes": "yes",
    "cli.demo.same.no": "no",
    "cli.demo.wrong_password.refused": "with a wrong password: refused ({error})",
    "cli.demo.wrong_password.opened": "with a wrong password: opened (unexpected)",
    "cli.demo.decide": "5. check_referral: may it be sent? Every rule is evaluated; default deny",
    "cli.demo.case.allowed": "a referral that keeps every rule",
    "cli.demo.case.refused": "a referral whose consent is withdrawn, sent to another mailbox, not judged appropriate",
    "cli.demo.after_receipt": "after receipt:",
    "cli.demo.retention": "6. retention_decision on {day}: keep, delete or review (article 3)",
    "cli.demo.schedule": "schedule: {entries}",
    "cli.demo.breach": "7. a breach notice (article 9; GDPR art. 33 and 34)",
    "cli.demo.breach_mail": "e-mail from {sender} to {to}",
    "cli.demo.subject": "subject: {subject}",
    "cli.demo.register": "8. the register entry (article 6)",
    # --- the consent receipt (Kantara v1.1; C-6, C-7) ---------------------------------------
    "consent.receipt.method.verbal": "verbal, recorded by a member of the local team",
    "consent.receipt.method.written": "written, recorded by a member of the local team",
    "consent.receipt.method.electronic": "electronic, recorded by a member of the local team",
    "consent.receipt.contact": "data protection officer",
    "consent.receipt.service": "Referral to the OCMW for social assistance and services",
    "consent.receipt.category": "Sharing with a third party (the OCMW) for its core function",
    "consent.receipt.termination": (
        "Until the client withdraws consent; the OCMW keeps the data as article 3 of "
        "the protocol provides"
    ),
    # --- verwijzing.txt (A6-1, A6-2) -------------------------------------------------------
    "txt.title": "Referral to {recipient}",
    "txt.intro": 'Sent under the protocol "{title}".',
    "txt.reference": "Reference",
    "txt.created": "Created",
    "txt.sent": "Sent",
    "txt.consent": "Consent",
    "txt.consent_given": "{consent_id}, given on {date}",
    "txt.sender": "Sender",
    "txt.client": "Client",
    "txt.first_name": "First name",
    "txt.last_name": "Last name",
    "txt.address": "Address",
    "txt.street_box": "{street} {number} box {box}",
    "txt.phone": "Phone",
    "txt.email": "E-mail",
    "txt.not_given": "not given",
    "txt.care": (
        "The client consented to sharing these data. The protocol allows only the name and\n"
        "contact details (article 3). Keep them no longer than the protocol allows, and\n"
        "report wrong or incomplete data to the sender (article 7)."
    ),
    "txt.for_software": "{document} in this archive holds the same data, for software.",
    # --- e-mails: shared -------------------------------------------------------------------
    "mail.greeting": "Dear Sir or Madam,",
    "mail.regards": "Kind regards,",
    "mail.none": "none",
    "mail.and": "and",
    "mail.not_yet_known": "not yet known",
    "mail.notice": "Notice: {notice_id}",
    "mail.no_personal_data": (
        "This message holds no personal data of clients: only categories, counts and "
        "references of notices."
    ),
    # --- the package e-mail (A6-1, A6-3) ---------------------------------------------------
    "package_mail.subject": "Secure referral for {recipient}",
    "package_mail.greeting": "Dear colleague,",
    "package_mail.attached": (
        "Attached is a referral to {recipient}, sent on {moment} under the protocol "
        '"{title}" (article 6).'
    ),
    "package_mail.archive": (
        "The attachment {filename} is a 7-Zip archive encrypted with AES-256. The password "
        "follows by another channel (by phone or text message); it is never in an e-mail."
    ),
    "package_mail.open": (
        "Open the attachment with 7-Zip (https://www.7-zip.org) or with software that "
        "supports the protocol. The archive holds {text_name} (to read) and {document_name} "
        "(for software)."
    ),
    "package_mail.care": (
        "Keep the data no longer than the protocol allows (article 3) and do not forward this "
        "message. If you received it by mistake, delete it and tell the sender and the data "
        "protection officer ({dpo_email})."
    ),
    # --- article 3 data items --------------------------------------------------------------
    "data_item.name": "first name and name (art. 3, item 1)",
    "data_item.address": "address (art. 3, item 2)",
    "data_item.phone": "telephone number (art. 3, item 2)",
    "data_item.email": "e-mail address (art. 3, item 2)",
    # --- breach notices (A9-1 to A9-4; GDPR art. 33, 34) -----------------------------------
    "breach.cause.misdirected_email": "e-mail to a wrong recipient",
    "breach.cause.lost_or_stolen_device": "lost or stolen device",
    "breach.cause.unauthorised_access": "unauthorised access",
    "breach.cause.hacking": "hacking",
    "breach.cause.malware": "malware",
    "breach.cause.wrong_password_sharing": (
        "password sent by the same channel or to the wrong person"
    ),
    "breach.cause.human_error": "human error",
    "breach.cause.software_error": "software error",
    "breach.cause.other": "other cause",
    "breach.loss.known_recipients": (
        "loss of confidentiality: disclosed to a known number of recipients"
    ),
    "breach.loss.unknown_recipients": (
        "loss of confidentiality: disclosed to an unknown number of recipients"
    ),
    "breach.loss.recoverable": "loss of integrity: data altered, recoverable",
    "breach.loss.unrecoverable": "loss of integrity: data altered, not recoverable",
    "breach.loss.temporary": "loss of availability: temporary",
    "breach.loss.permanent": "loss of availability: permanent",
    "breach.consequence.disclosure_of_social_situation": (
        "disclosure of the family's social situation"
    ),
    "breach.consequence.stigmatisation": "stigmatisation",
    "breach.consequence.unwanted_contact": "unwanted contact",
    "breach.consequence.phishing": "phishing",
    "breach.consequence.identity_fraud": "identity fraud",
    "breach.consequence.loss_of_trust_in_assistance": "loss of trust in the assistance",
    "breach.consequence.delay_of_assistance": "delay of the assistance",
    "breach.consequence.loss_of_control_over_data": "loss of control over one's own data",
    "breach.measure.deletion_requested": "the recipient was asked to delete the data",
    "breach.measure.deletion_confirmed": "the recipient confirmed the deletion",
    "breach.measure.password_changed": "password changed",
    "breach.measure.access_revoked": "access revoked",
    "breach.measure.device_wiped": "device wiped remotely",
    "breach.measure.data_restored": "data restored",
    "breach.measure.mailbox_secured": "mailbox secured",
    "breach.measure.staff_instructed": "staff instructed",
    "breach.measure.procedure_adjusted": "procedure adjusted",
    "breach.measure.security_measures_reviewed": "security measures reviewed",
    "breach.measure.police_report_filed": "police report filed",
    "breach.measure.data_subjects_informed": "data subjects informed",
    "severity.level.low": "low",
    "severity.level.medium": "medium",
    "severity.level.high": "high",
    "severity.level.very_high": "very high",
    "severity.exempt": (
        "{formula}: {level}. The data subjects need not be told: the data were encrypted and "
        "the password was not compromised (GDPR art. 34(3)(a))."
    ),
    "severity.tell": "{formula}: {level}. Tell the data subjects (GDPR art. 34(1)).",
    "severity.no_high_risk": (
        "{formula}: {level}. No high risk: the data subjects need not be told (GDPR art. 34)."
    ),
    "authority.status.DUE": "Notify {name} by {deadline} (Brussels time).",
    "authority.status.OVERDUE_GIVE_REASONS": (
        "Overdue: notify {name} now and give the reasons for the delay (GDPR art. 33(1))."
    ),
    "authority.status.NOT_REQUIRED_DOCUMENT_DECISION": (
        "The assessment rates the breach unlikely to result in a risk: GDPR art. 33(1) asks"
        " for no notification to {name}; document the decision (art. 33(5))."
    ),
    "authority.status.NOT_NOTIFYING_DOCUMENTED": (
        "Not notified to {name}: the controller's decision not to notify is documented"
        " (GDPR art. 33(5))."
    ),
    "authority.status.NOTIFIED_IN_TIME": "{name} was notified in time.",
    "authority.status.LATE_WITH_REASONS": (
        "{name} was notified late; the reasons for the delay are recorded."
    ),
    "authority.status.LATE_GIVE_REASONS": (
        "{name} was notified late: record the reasons for the delay (GDPR art. 33(1))."
    ),
    # --- the breach e-mail -----------------------------------------------------------------
    "breach_mail.subject": "Data breach notice {notice_id} (phase {phase}) - protocol {protocol_id}",
    "breach_mail.greeting": "Dear data protection officer,",
    "breach_mail.intro": (
        '{reporter} notifies you of a breach of personal data shared under the protocol "{title}".'
    ),
    "breach_mail.why_both": (
        "The breach affects both parties; we therefore notify you through the data "
        "protection officers (article 9 of the protocol)."
    ),
    "breach_mail.why_own": (
        "By our first assessment the breach affects only our organisation; we inform you of "
        "our own accord (article 9 of the protocol)."
    ),
    "breach_mail.phase_first": (
        "This is the first notice; supplements follow as soon as more is known."
    ),
    "breach_mail.phase_next": (
        "This is phase {phase}: a supplement to our earlier notice (GDPR art. 33(4))."
    ),
    "breach_mail.notice": "Notice: {notice_id}, phase {phase}",
    "breach_mail.aware": "Established by {reporter} on: {moment}",
    "breach_mail.occurred": "Occurred on: {moment}",
    "breach_mail.cause": "Cause: {cause}",
    "breach_mail.cause_malicious": "Cause: {cause} (malicious)",
    "breach_mail.nature": "Nature of the breach:",
    "breach_mail.categories": "Categories of data concerned:",
    "breach_mail.approximate": "approximate",
    "breach_mail.exact": "exact",
    "breach_mail.data_subjects": "Number of data subjects ({precision}): {count}",
    "breach_mail.records": "Number of data records ({precision}): {count}",
    "breach_mail.consequences": "Likely consequences:",
    "breach_mail.measures_taken": "Measures taken:",
    "breach_mail.measures_proposed": "Measures proposed:",
    "breach_mail.severity": (
        "Severity by the ENISA method (2013): {level} "
        "(SE = DPC {dpc} x EI {ei:g} + CB {cb:g} = {score:g})."
    ),
    "breach_mail.authority": (
        "Notification to the supervisory authority ({authority}, {short_name}): by "
        "{deadline}; {state}"
    ),
    "breach_mail.authority_notified": "notified on {moment}.",
    "breach_mail.authority_advised": "advised.",
    "breach_mail.authority_decided_not": (
        "not notified: the controller's decision not to notify is documented (GDPR art. 33(5))."
    ),
    "breach_mail.authority_not_required": "not required by the assessment.",
    "breach_mail.tell": "Telling the data subjects: {advice}.",
    "breach_mail.tell_yes": "advised, because of a high risk (GDPR art. 34(1))",
    "breach_mail.tell_exempt": (
        "no: the data were encrypted and the password was not compromised (GDPR art. 34(3)(a))"
    ),
    "breach_mail.tell_no": "no: no high risk to the data subjects (GDPR art. 34)",
    "breach_mail.consult": (
        "We propose to consult together at once to limit and remedy the consequences "
        "(article 9 of the protocol)."
    ),
    "breach_mail.share": (
        "We share all information that helps to improve the security measures (article 9 of "
        "the protocol)."
    ),
    "breach_mail.contact": "Contact point: the data protection officer of {reporter}, {email}.",
    "breach_mail.addressee": "For: the data protection officer of {other}.",
    # --- data quality (A7-1, A7-2) ---------------------------------------------------------
    "quality.kind.erroneous": "erroneous",
    "quality.kind.inaccurate": "inaccurate",
    "quality.kind.incomplete": "incomplete",
    "quality.kind.missing": "missing",
    "quality.kind.outdated": "outdated",
    "quality.kind.excessive": "excessive",
    "quality.outcome.corrected": "the data were corrected",
    "quality.outcome.deleted": "the data were deleted",
    "quality.outcome.confirmed_correct": "the data proved correct",
    "quality.outcome.cannot_verify": "the data could not be verified",
    "quality.measure.corrected_at_source": "corrected at the source at Opgroeien",
    "quality.measure.corrected_package_sent": "corrected data sent in a new encrypted package",
    "quality.measure.deletion_requested": "asked to delete the data",
    "quality.measure.data_deleted_at_source": "deleted at the source at Opgroeien",
    "quality.measure.procedure_adjusted": "procedure adjusted",
    "quality.measure.staff_instructed": "staff instructed",
    "quality.measure.no_measure_needed": "no measure needed",
    "quality.found_by.recipient": "by our organisation itself",
    "quality.found_by.data_subject": "through the data subject (the client)",
    "quality_mail.subject": "Data quality notice {notice_id} - protocol {protocol_id}",
    "quality_mail.intro": (
        "{recipient} reports that a data item of a referral is {kind} (article 7 of the protocol)."
    ),
    "quality_mail.referral": "Referral: {referral_id}",
    "quality_mail.item": "Data item: {item}",
    "quality_mail.found": "Found {found_by} on: {moment}",
    "quality_mail.request": (
        "We ask you to look into this, to take measures within a reasonable time and to "
        "inform us. Send corrected data in a new encrypted package, not in a reply to this "
        "message."
    ),
    "quality_answer_mail.subject": (
        "Answer to data quality notice {notice_id} - protocol {protocol_id}"
    ),
    "quality_answer_mail.intro": (
        "{sender} has looked into your notice {notice_id} about referral {referral_id} "
        "(article 7 of the protocol)."
    ),
    "quality_answer_mail.outcome": "Outcome: {outcome}",
    "quality_answer_mail.measures": "Measures:",
    # --- termination (A8-1, A11-2, A11-3) --------------------------------------------------
    "termination.ground.breach": (
        "Opgroeien regie ends the protocol unilaterally, at once and without prior notice of "
        "default, because the data are processed in breach of {what} (article 8 of the "
        "protocol)."
    ),
    "termination.ground.notice": (
        "We terminate the protocol in writing with a notice period of {months} months "
        "(article 11 of the protocol)."
    ),
    "termination.ground.no_legal_basis": (
        "The protocol has ended by law because no legal basis for the transfer remains: "
        "{basis} (article 11 of the protocol)."
    ),
    "termination.breached.protocol": "the protocol",
    "termination.breached.gdpr": "the GDPR",
    "termination.breached.other_data_protection_law": "other data protection law",
    "termination_mail.subject": "Termination of protocol {protocol_id} ({clause})",
    "termination_mail.regarding": 'Re: the protocol "{title}".',
    "termination_mail.reference": "Reference: {notice_id}; given on {date}.",
    "termination_mail.ends": (
        "The protocol stays in force through {last} and is no longer in force from {date}."
        " From that day on, no data are transferred."
    ),
    "termination_mail.ends_at": (
        "The protocol is no longer in force from {moment}. From that moment on, no data are"
        " transferred."
    ),
    "termination_mail.retention": (
        "Data already received are kept or deleted under article 3 of the protocol; the end "
        "of the protocol neither shortens nor extends those terms."
    ),
    # --- withdrawal of consent after the transfer (C-7; GDPR art. 7(3), 17(1)(b)) -----------
    "withdrawal_mail.subject": (
        "Withdrawal of consent {notice_id} - referral {referral_id} - protocol {protocol_id}"
    ),
    "withdrawal_mail.intro": (
        "{sender} informs you that the client of referral {referral_id} withdrew, after the "
        "transfer, the consent to share the data (recital C and article 5 of the protocol; "
        "GDPR article 7(3))."
    ),
    "withdrawal_mail.referral": "Referral: {referral_id}",
    "withdrawal_mail.consent": "Consent: {consent_id}",
    "withdrawal_mail.sent": "Referral sent on: {moment}",
    "withdrawal_mail.withdrawn": "Consent withdrawn on: {moment}",
    "withdrawal_mail.delete": (
        "If no client file was opened for this client yet, delete the data of this referral: "
        "they have no ground other than the consent (GDPR article 17(1)(b))."
    ),
    "withdrawal_mail.keep": (
        "If a client file was opened, that file is the OCMW's own: it stays, kept under the "
        "OCMW's own legal basis (article 2 of the protocol) and the archiving guidelines for "
        "social files (article 3 of the protocol); the withdrawal does not reach it."
    ),
    "withdrawal_mail.before": (
        "Processing before the withdrawal remains lawful (GDPR article 7(3)); no data are "
        "transferred any more on the basis of this consent."
    ),
    # --- legislation and processors (A9-5, A9-6, A6-8, A6-9) -------------------------------
    "legislation.aspect.purpose": "purposes",
    "legislation.aspect.proportionality": "proportionality",
    "legislation.aspect.frequency": "frequency",
    "legislation.aspect.duration": "duration",
    "legislation.aspect.legal_basis": "legal basis",
    "legislation.aspect.data_items": "data items",
    "legislation.aspect.recipients": "recipients",
    "legislation.aspect.other": "other",
    "legislation_mail.subject": "Change in legislation {notice_id} - protocol {protocol_id}",
    "legislation_mail.intro": (
        "{recipient} reports a change in legislation that affects the protocol (article 9 of "
        "the protocol)."
    ),
    "legislation_mail.act": "Legislation: {legislation}",
    "legislation_mail.in_force": "In force from: {date}",
    "legislation_mail.affects": "Affects: {aspects}",
    "legislation_mail.proposal": (
        "We propose to examine together whether the protocol must be amended."
    ),
    "processor.change.added": "new processor",
    "processor.change.removed": "processor stops",
    "processor.change.changed": "change",
    "processor.finding.NO_ART28_AGREEMENT": ("works on the data without a GDPR art. 28 agreement"),
    "processor.finding.AGREEMENT_AFTER_START": (
        "started before its GDPR art. 28 agreement was concluded"
    ),
    "processor.finding.NO_TRANSFER_MECHANISM": (
        "works outside the EEA without a transfer mechanism: an adequacy decision,"
        " standard contractual clauses or binding corporate rules (GDPR chapter V)"
    ),
    "processor_mail.subject": "Change in processors {notice_id} - protocol {protocol_id}",
    "processor_mail.intro": (
        "{recipient} reports a change in its processors (article 9 of the protocol) and "
        "updates its overview of processors (article 6)."
    ),
    "processor_mail.change": "Change: {change}",
    "processor_mail.processor": "Processor: {name}",
    "processor_mail.processor_kbo": "Processor: {name} (KBO {kbo})",
    "processor_mail.service": "Service: {service}",
    "processor_mail.country": "Country: {country}",
    "processor_mail.agreement": "Processing agreement (GDPR art. 28): {agreement}",
    "processor_mail.no_agreement": "not yet concluded",
    "processor_mail.since": "Period: from {since}",
    "processor_mail.period": "Period: from {since} to {until}",
    # --- evidence (A6-4 to A6-7) -----------------------------------------------------------
    "evidence.item.security_policy": "information security policy",
    "evidence.item.security_plan": "information security plan",
    "evidence.item.dpo": "appointment of the data protection officer",
    "evidence.item.register_entry": "entry in the register of processing activities",
    "evidence_mail.subject": "Evidence under article 6 - protocol {protocol_id}",
    "evidence_mail.intro": (
        "At your request, {recipient} sends you the evidence article 6 of the protocol asks for."
    ),
    "evidence_mail.item": "{what} [{clause}]: {document}",
    "evidence_mail.item_dated": "{what} [{clause}]: {document} ({date})",
    "evidence_mail.not_available": "not yet available",
    "evidence_mail.dpo": "Data protection officer: {email}",
    # --- retention (A3-4 to A3-6) ----------------------------------------------------------
    "retention.decision.KEEP_UNTIL_CONTACT": (
        "Keep: contact has not yet taken place, so it is not yet clear whether the client "
        "wants help (A3-4); the case comes up for review on review_on."
    ),
    "retention.decision.REVIEW_NO_CONTACT": (
        "Review: no contact with the client is recorded within the host's term. Nothing may "
        "be deleted before contact (A3-4): attempt contact, or keep with a reason until the "
        "next review (the library's reading; the protocol is silent)."
    ),
    "retention.decision.KEEP_FILE_TO_OPEN": (
        "Keep: the client wants further help, so a client file is to be opened (A3-5); the "
        "case comes up for review on review_on."
    ),
    "retention.decision.REVIEW_FILE_NOT_OPENED": (
        "Review: the client wanted help but no client file was opened within the host's "
        "term; open it, keep with a reason until the next review, or delete (the library's "
        "reading; the protocol is silent)."
    ),
    "retention.decision.KEEP_FILE_OPEN": (
        "Keep: the client file is open (A3-6); it comes up for review on review_on."
    ),
    "retention.decision.REVIEW_FILE_OPEN": (
        "Review: is the client file still active? Keep it with a reason until the next "
        "review, or close it so that its retention term runs (A3-6; the review term is the "
        "library's reading)."
    ),
    "retention.decision.KEEP_FILE_AFTER_WITHDRAWAL": (
        "Keep: the client withdrew the consent to the referral, but the client file is the "
        "OCMW's own, kept under its own legal basis (A2-4) and archiving term (A3-6); the "
        "withdrawal does not reach it (the library's reading; the protocol is silent)."
    ),
    "retention.decision.DELETE_DECLINED": (
        "Delete: the client declined further help. A3-4 only sets a minimum (keep until "
        "contact); that no ground to keep the data remains is the library's reading of "
        "storage limitation (GDPR art. 5(1)(e)), not a term of the protocol."
    ),
    "retention.decision.DELETE_AFTER_REVIEW": (
        "Delete: a review decided that no ground to keep the data remains (storage "
        "limitation, GDPR art. 5(1)(e); the library's reading, the protocol is silent)."
    ),
    "retention.decision.DELETE_CONSENT_WITHDRAWN": (
        "Delete: the client withdrew the consent before a client file was opened; the "
        "referral has no other ground (C-7; GDPR art. 7(3) and 17(1)(b); the library's "
        "reading, the protocol is silent)."
    ),
    "retention.decision.KEEP_AFTER_CLOSING": (
        "Keep: the client file was closed less than the retention term ago; keep until keep_until."
    ),
    "retention.decision.DELETE_RETENTION_ENDED": (
        "Delete: the retention term after the client file was closed has ended."
    ),
    "retention.decision.KEEP_UNREACHABLE": (
        "Keep: the client could not be reached yet; the case comes up for review on review_on "
        "(the protocol is silent; the host sets the review period)."
    ),
    "retention.decision.REVIEW_UNREACHABLE": (
        "Review: the client could not be reached within the host's review period; decide "
        "whether to try again or to delete."
    ),
    "retention.case_error.AT_BEFORE_LAST_STEP": (
        "Not scheduled: the case's latest step lies after the moment asked for; run the job "
        "at a later moment or correct the step's time."
    ),
    "retention.case_error.WRONG_TYPE": (
        "Not scheduled: this item is not a retention case (see cases_from_json)."
    ),
    "retention.case_error.OUT_OF_RANGE": (
        "Not scheduled: the case's due day lies past the end of the calendar; check its dates."
    ),
    # --- the register entry (A6-6; GDPR art. 30) -------------------------------------------
    "register.name": "Referrals received from {source} (protocol {protocol_id})",
    "register.data_subjects": (
        "clients: members of socially vulnerable families the local team refers"
    ),
    "register.erasure.until_contact": (
        "keep until contact took place and it is clear whether the client wants help (A3-4); "
        "reviewed {days} days after the latest step while no contact is recorded (the "
        "library's reading; the protocol is silent)"
    ),
    "register.erasure.declined": (
        "delete once the client declines further help: the library's reading of storage "
        "limitation (GDPR art. 5(1)(e)), not a term of the protocol (A3-4 sets only a minimum)"
    ),
    "register.erasure.client_file": "in a client file: {years} years after the file is closed",
    "register.erasure.unreachable": (
        "unreachable client: review {days} days after the last attempt (the protocol is "
        "silent; the host's period)"
    ),
    "register.erasure.file_to_open": (
        "client who wants help, no client file yet: reviewed {days} days after the latest "
        "step (the library's reading; the protocol is silent)"
    ),
    "register.erasure.open_file": (
        "open client file: reviewed every {days} days whether it is still active (the "
        "library's reading; the protocol is silent)"
    ),
    "register.erasure.consent_withdrawn": (
        "consent withdrawn before a client file was opened: delete (GDPR art. 7(3), "
        "17(1)(b)); a client file stays under the OCMW's own legal basis (A2-4, A3-6); the "
        "library's reading, the protocol is silent"
    ),
    "register.retention_period": (
        "until contact and a clear answer, each waiting case reviewed within a set term; "
        "deleted when declined (the library's reading of GDPR art. 5(1)(e), not a term of "
        "the protocol); {years} years after a client file is closed"
    ),
    "register.storage_location": "in Belgium; no transfer to a third country",
    "register.storage_location.transfers": (
        "in Belgium; transfers to a third country through processors: {transfers}"
    ),
    "register.processor_agreement": "GDPR art. 28 agreement of {date}",
    "register.no_processor_agreement": "no GDPR art. 28 agreement recorded",
    "register.measure.encryption_in_transfer": (
        "the data travel encrypted: AES-256 via 7-Zip, the password by another channel"
    ),
    "register.measure.single_mailbox": (
        "a single, fixed destination mailbox of the social service"
    ),
    "register.measure.professional_secrecy": (
        "sender and recipient are bound by professional secrecy"
    ),
    "register.measure.data_minimisation": (
        "name and contact details only; no special-category or criminal data, no national "
        "register number"
    ),
    "register.measure.security_policy": "an information security policy with a security plan",
    "register.measure.security_plan": "security plan",
    "register.measure.processor_agreements": (
        "only processors with sufficient guarantees, each under a GDPR art. 28 agreement, "
        "listed in an up-to-date overview"
    ),
    "register.measure.breach_procedure": (
        "a data breach procedure through the data protection officers"
    ),
    "lint.DPO_ADVICE_MISSING": "the protocol records no DPO advice for this party (E-1)",
    "lint.DPO_ADVICE_AFTER_ENTRY_INTO_FORCE": "the DPO advised on the draft after the protocol entered into force (E-1)",
    "lint.DPO_OUTSIDE_PARTY_DOMAIN": "the DPO address is not in one of the party's e-mail domains (A9-4)",
    "lint.MAILBOX_OUTSIDE_RECIPIENT_DOMAIN": "the mailbox is not in one of the recipient's e-mail domains (A6-1, A6-3)",
    "lint.BRUSSELS_RECIPIENT_NOT_CAW": "in Brussels the recipient of such referrals is CAW Brussel, not an OCMW (C-4)",
    "lint.CAW_OUTSIDE_BRUSSELS": "a CAW recipient is foreseen for Brussels only (C-4)",
    "lint.POSTCODE_OUTSIDE_FLANDERS": "postcode {postcode} is neither in Flanders (1500-3999, 8000-9999) nor in Brussels: Flemish local social policy does not apply there (C-4, A2-4)",
    "lint.SIGNED_AFTER_ENTRY_INTO_FORCE": "this signature is dated after entry into force: transfers between entry into force and the signature happen before the protocol is signed (A11-1)",
    "lint.TEAM_CHOSEN_BETWEEN_TITLE_AND_RECITAL": "the title and recital C name a different local team; this protocol takes the team in `team` (by default recital C's) as the sender team, a choice, not a rule of the text: set `team` to the team in `team_in_title` to choose the other (C-1)",
    "lint.ENDS_ON_ENTRY_INTO_FORCE": "the protocol ends on the day it enters into force: it never applies (A11-1)",
    "lint.SEED_CORRECTED": "the signed text is corrected here: {reason}",
    "lint.REFERENCE_WITHOUT_TARGET": 'the signed text refers with "{quote}" to nothing: no article or annex follows to read ({clause})',
    "lint.REFERENCE_WRONG_DIRECTION": 'the reference "{quote}" points the wrong way: that article stands on the other side in the text ({clause})',
    "lint.REFERENCE_TO_MISSING_ANNEX": 'the reference "{quote}" points to an annex the signed text does not contain ({clause})',
    "lint.REFERENCE_TO_MISSING_ARTICLE": 'the reference "{quote}" points to an article the signed text does not contain ({clause})',
    "lint.REFERENCE_TO_MISSING_POINT": 'the reference "{quote}" points to a point that article does not have ({clause})',
    "lint.SIGNED_TEXT_TOO_LONG": "the signed text has more than {limit} characters and was not read (D-1)",
    "lint.UNREADABLE": "the protocol is not a JSON object",
}
"""English templates by key; ``{name}`` placeholders are filled by :func:`~protocol_share._text.message`."""
