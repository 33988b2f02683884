"""Dutch: every text a person reads, by key (the protocol's own language; the default).

One flat mapping, :data:`MESSAGES`: dotted key -> :meth:`str.format` template. The English
catalogue (:mod:`protocol_share._text.en`) has the same keys and placeholders.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

__all__ = ["MESSAGES"]

MESSAGES: Final[Mapping[str, str]] = {
    # --- the rules, by reason code: the reason a failed rule gives, and what it enforces -------
    # (C-1 to C-7, A3-3, A4, A5-1, A6-3, A11-1; the tables are decision/_rules.py, _onward.py)
    "rule.PROTOCOL_NOT_IN_FORCE.reason": "Het protocol is op dat ogenblik niet van kracht (nog niet begonnen of beëindigd).",
    "rule.PROTOCOL_NOT_IN_FORCE.requirement": "Het protocol is van kracht op het ogenblik dat de gegevens worden doorgegeven of verder gedeeld: vanaf de eerste dag, vóór het einde (Brusselse kalenderdagen).",
    "rule.SENDER_NOT_AUTHORISED.reason": "De afzender is geen lid van het lokale team dat het protocol noemt.",
    "rule.SENDER_NOT_AUTHORISED.requirement": "De afzender is een lid (rol local_team_member) van het lokale team dat het protocol noemt.",
    "rule.SENDER_NO_SECRECY.reason": "De afzender is niet gebonden door het beroepsgeheim.",
    "rule.SENDER_NO_SECRECY.requirement": "De afzender is gebonden door het beroepsgeheim.",
    "rule.NOT_ASSESSED.reason": "Het teamlid heeft de doorverwijzing niet samen met de cliënt aangewezen geacht.",
    "rule.NOT_ASSESSED.requirement": "Het teamlid heeft, in overleg met de cliënt, de doorverwijzing aangewezen geacht.",
    "rule.REFERRAL_AFTER_DECISION.reason": "De doorverwijzing is gedateerd na het ogenblik van de doorgifte.",
    "rule.REFERRAL_AFTER_DECISION.requirement": "De doorverwijzing werd gemaakt uiterlijk op het ogenblik van de doorgifte.",
    "rule.RECIPIENT_NOT_AUTHORISED.reason": "De ontvanger is geen maatschappelijk werker van de organisatie die het protocol noemt.",
    "rule.RECIPIENT_NOT_AUTHORISED.requirement": "De ontvanger is een maatschappelijk werker (rol social_worker) van de ontvangende organisatie van het protocol (zelfde KBO-nummer).",
    "rule.RECIPIENT_NO_SECRECY.reason": "De ontvanger is niet gebonden door hetzelfde beroepsgeheim.",
    "rule.RECIPIENT_NO_SECRECY.requirement": "De ontvanger is gebonden door hetzelfde beroepsgeheim.",
    "rule.WRONG_MAILBOX.reason": "De ontvanger wordt niet bereikt via de mailbox die het protocol noemt.",
    "rule.WRONG_MAILBOX.requirement": "De gegevens gaan naar de mailbox die het protocol noemt (hoofdletters tellen niet).",
    "rule.NOT_RESIDENT.reason": "De woonplaats of verblijfplaats van de cliënt ligt niet in de gemeente van de ontvanger (postcode en gemeente).",
    "rule.NOT_RESIDENT.requirement": "De woonplaats (overweging C) en de verblijfplaats (art. 6) van de cliënt liggen in België in de gemeente van de ontvanger: een van haar postcodes samen met haar naam of die van een deelgemeente; elk is het contactadres tenzij de verwijzing ze noemt.",
    "rule.CONSENT_NOT_INFORMED.reason": "De cliënt werd niet over alle onderwerpen geïnformeerd: welke gegevens, aan wie, waarom, wat er daarna gebeurt en dat de toestemming kan worden ingetrokken.",
    "rule.CONSENT_NOT_INFORMED.requirement": "De cliënt werd uitgelegd welke gegevens, aan wie, waarom, wat er daarna gebeurt en dat de toestemming kan worden ingetrokken.",
    "rule.CONSENT_WITHDRAWN.reason": "De cliënt heeft de toestemming ingetrokken.",
    "rule.CONSENT_WITHDRAWN.requirement": "De toestemming is op het ogenblik van de doorgifte niet ingetrokken.",
    "rule.CONSENT_AFTER_TRANSFER.reason": "De toestemming werd pas na het ogenblik van de doorgifte gegeven.",
    "rule.CONSENT_AFTER_TRANSFER.requirement": "De toestemming werd gegeven uiterlijk op het ogenblik van de doorgifte.",
    "rule.CONSENT_BEFORE_PROTOCOL.reason": "De toestemming werd gegeven voordat het protocol (of de rechtsgrond voor de mededeling die het noemt) van kracht werd; ze kan de cliënt dus niet over deze mededeling hebben geïnformeerd.",
    "rule.CONSENT_BEFORE_PROTOCOL.requirement": "De toestemming werd gegeven op of na de dag waarop het protocol in werking trad (en de rechtsgrond voor de mededeling die het noemt van kracht werd).",
    "rule.CONSENT_TOO_OLD.reason": "De toestemming is ouder dan de maximale ouderdom van een toestemming voor een nieuwe doorverwijzing die het protocol bepaalt.",
    "rule.CONSENT_TOO_OLD.requirement": "De toestemming werd ten hoogste de maximale ouderdom van een toestemming (consent.max_age_days, kalenderdagen in Brussel) vóór de doorgifte gegeven.",
    "rule.CONSENT_SCOPE_RECIPIENT.reason": "De toestemming geldt niet voor de ontvangende organisatie van het protocol.",
    "rule.CONSENT_SCOPE_RECIPIENT.requirement": "De toestemming geldt voor de ontvangende organisatie van het protocol.",
    "rule.CONSENT_SCOPE_DATA.reason": "De toestemming dekt niet elk gegeven dat zou worden doorgegeven.",
    "rule.CONSENT_SCOPE_DATA.requirement": "De toestemming dekt elk gegeven dat wordt doorgegeven (naam, adres, telefoon, e-mail).",
    "rule.DATA_ITEM_NOT_IN_PROTOCOL.reason": "Een gegeven dat zou worden doorgegeven staat niet in artikel 3 van het protocol.",
    "rule.DATA_ITEM_NOT_IN_PROTOCOL.requirement": "Elk gegeven dat wordt doorgegeven staat in artikel 3 van het protocol.",
    "rule.FORBIDDEN_IDENTIFIER.reason": "De gegevens bevatten een rijksregister-, BIS-, IBAN- of KBO-nummer, wat artikel 3 verbiedt.",
    "rule.FORBIDDEN_IDENTIFIER.requirement": "Geen enkele tekst bevat een rijksregister-, BIS-, IBAN- of KBO-nummer.",
    "rule.ONWARD_RECIPIENT_NOT_ALLOWED.reason": "Het OCMW mag de gegevens alleen doorgeven aan zijn maatschappelijk werker of aan een actor van het geïntegreerd breed onthaal.",
    "rule.ONWARD_RECIPIENT_NOT_ALLOWED.requirement": "Het OCMW geeft de gegevens alleen door aan een soort ontvanger die het protocol in artikel 4 noemt: zijn maatschappelijk werker, of een actor van het geïntegreerd breed onthaal.",
    "rule.ONWARD_NOT_OWN_SOCIAL_WORKER.reason": "De maatschappelijk werker hoort niet bij het OCMW dat de gegevens ontving.",
    "rule.ONWARD_NOT_OWN_SOCIAL_WORKER.requirement": "Een maatschappelijk werker die de gegevens krijgt, werkt voor het OCMW dat ze ontving.",
    "rule.ONWARD_NO_SECRECY.reason": "De maatschappelijk werker is niet gebonden door het beroepsgeheim.",
    "rule.ONWARD_NO_SECRECY.requirement": "Wie de gegevens krijgt, is door het beroepsgeheim gebonden waar het protocol dat eist.",
    "rule.ONWARD_NOT_RECEIVED_UNDER_PROTOCOL.reason": "De gegevens kwamen niet binnen met een doorgifte onder het protocol (het was toen niet van kracht), of nog niet.",
    "rule.ONWARD_NOT_RECEIVED_UNDER_PROTOCOL.requirement": "De doorgegeven gegevens kwamen binnen met een doorgifte terwijl het protocol van kracht was, vóór ze worden doorgegeven; het latere einde van het protocol houdt het gebruik van het eigen dossier door het OCMW niet tegen.",
    "rule.ONWARD_DECREE_NOT_CHECKED.reason": "Bij de uitwisseling met de actor van het samenwerkingsverband ontbreekt een toets die het decreet lokaal sociaal beleid vraagt (doel, noodzaak, vertrouwelijkheid).",
    "rule.ONWARD_DECREE_NOT_CHECKED.requirement": "Vóór een uitwisseling met een actor van het geïntegreerd breed onthaal ging de host na, en legde vast, dat ze de doeleinden van artikel 2 dient, alleen de nodige gegevens bevat en vertrouwelijk blijft.",
    "rule.ONWARD_NOT_PARTNER.reason": "De actor maakt geen deel uit van het samenwerkingsverband geïntegreerd breed onthaal.",
    "rule.ONWARD_NOT_PARTNER.requirement": "Een actor die de gegevens krijgt, maakt deel uit van het samenwerkingsverband geïntegreerd breed onthaal (decreet van 9 februari 2018).",
    # --- dates -----------------------------------------------------------------------------
    "date.long": "{day} {month} {year}",
    "date.short": "{day:02d}-{month:02d}-{year}",
    "date.at": "{date} om {time}",
    "date.month.1": "januari",
    "date.month.2": "februari",
    "date.month.3": "maart",
    "date.month.4": "april",
    "date.month.5": "mei",
    "date.month.6": "juni",
    "date.month.7": "juli",
    "date.month.8": "augustus",
    "date.month.9": "september",
    "date.month.10": "oktober",
    "date.month.11": "november",
    "date.month.12": "december",
    # --- problems with an input, by code (errors.Problem: message_nl, message_en) ----------
    # No value and no limit in any of them (docs/design.md: errors name fields, not values).
    "problem.ALREADY_LISTED": "staat al in het overzicht",
    "problem.ANSWER_BEFORE_NOTICE": "een antwoord kan niet voorafgaan aan de melding die het beantwoordt",
    "problem.AT_BEFORE_AWARE": "de controle gebeurt op of na het ogenblik van kennisname",
    "problem.AT_BEFORE_LAST_STEP": "een beslissing kan niet gevraagd worden voor een ogenblik vóór de laatste stap van het dossier",
    "problem.AT_BEFORE_NOTICE": "een melding kan niet toegepast worden vóór ze gegeven werd",
    "problem.BASIS_NOT_NAMED": "noem de rechtsgrond die niet meer bestaat",
    "problem.BEFORE_REQUEST": "kan niet overhandigd worden vóór het gevraagd werd",
    "problem.BOX_CONFLICT": "verschilt van het busnummer dat in het huisnummer staat",
    "problem.BREACH_NOT_NAMED": "noem wat geschonden werd: het protocol, de AVG of andere wetgeving over gegevensbescherming",
    "problem.CONSENT_NOT_WITHDRAWN": "registreer eerst de intrekking (Consent.withdraw)",
    "problem.CONTRADICTORY_MEASURES": "'no_measure_needed' staat alleen",
    "problem.CONTROL_CHARACTER": "bevat een stuurteken, een regeleinde of een onzichtbaar teken (gebruik gewone spaties)",
    "problem.DUPLICATE_CLAUSE": "een id komt meer dan eens voor",
    "problem.DUPLICATE_KEY": "herhaalt een sleutel",
    "problem.DUPLICATE_PROCESSOR": "vermeldt een verwerker twee keer",
    "problem.EMPTY": "mag niet leeg of blanco zijn",
    "problem.EMPTY_RANGE": "mag niet na max_value liggen",
    "problem.ENDS_BEFORE_ENTRY_INTO_FORCE": "het protocol kan niet eindigen vóór het in werking treedt (A11-1)",
    "problem.ENDS_BEFORE_START": "een verwerker kan niet stoppen vóór hij begint",
    "problem.END_INSTANT_NOT_ON_END_DAY": "het ogenblik van het einde valt op ends_on (Europe/Brussels)",
    "problem.EVIDENCE_MISSING": "nog niet elk bewijsstuk heeft een document",
    "problem.FIELD_MAP_CONFLICT": "twee sleutels van het record geven hetzelfde veld",
    "problem.FIXED_FIELD": "een aanvulling kan de identiteit, de kennisname of de fase van de melding niet wijzigen",
    "problem.FORBIDDEN_IDENTIFIER": "bevat een rijksregister-, BIS-, IBAN- of KBO-nummer, wat artikel 3 verbiedt",
    "problem.INCONSISTENT": "allowed is waar precies wanneer er geen redenen zijn",
    "problem.INSTANT_NOT_ON_GIVEN_DAY": "het ogenblik waarop de melding gegeven werd valt op given_on (Europe/Brussels)",
    "problem.INSTANT_ONLY_FOR_BREACH": "enkel een beëindiging wegens een schending gaat in op het ogenblik dat ze gegeven wordt",
    "problem.INVALID_BOX": "is geen busnummer",
    "problem.INVALID_CASE_ID": "moet een id zonder betekenis zijn (A-Z, 0-9, . _ : -)",
    "problem.INVALID_COUNTRY": "is geen landcode (ISO 3166-1 alpha-2, hoofdletters)",
    "problem.INVALID_DATETIME": "moet een datum en tijd in ISO 8601 zijn",
    "problem.INVALID_EMAIL": "is geen geldig e-mailadres",
    "problem.INVALID_HOUSE_NUMBER": "is geen huisnummer",
    "problem.INVALID_KBO": "is geen KBO-ondernemingsnummer (tien cijfers, mod-97-controle)",
    "problem.INVALID_LIMIT": "moet een positief geheel getal zijn",
    "problem.INVALID_MUNICIPALITY": "moet een gemeente zijn: letters van eender welk schrift, spaties, koppeltekens en apostrofs, geen cijfers",
    "problem.INVALID_NAME": "moet een naam zijn: letters van eender welk schrift, spaties, koppeltekens en apostrofs, geen cijfers",
    "problem.INVALID_PHONE": "is geen geldig telefoonnummer",
    "problem.INVALID_POSTCODE": "is geen geldige postcode",
    "problem.INVALID_REASON": "moet een code zonder betekenis zijn (A-Z, 0-9, . _ : -)",
    "problem.ISSUED_BEFORE_AWARE": "een melding kan niet uitgaan vóór de meldende partij kennis kreeg van het lek",
    "problem.ITEMS_INCOMPLETE": "bevat elk van security_policy, security_plan, dpo en register_entry precies één keer",
    "problem.JSON_INVALID": "is geen JSON",
    "problem.MEASURE_MISSING": "een verbetering of wissing is zelf een maatregel",
    "problem.MISMATCH": "de twee ingaven verschillen",
    "problem.MISSING_END_DATE": "een reden van beëindiging vraagt een einddatum",
    "problem.MISSING_END_REASON": "een einddatum vraagt een reden van beëindiging",
    "problem.MISSING_VALUE": "de tekst heeft deze waarde nodig",
    "problem.NAIVE_DATETIME": "moet een tijdzone hebben (een datum en tijd zonder tijdzone is geen ogenblik)",
    "problem.NOTIFIED_ANYWAY": "een beslissing om de toezichthouder niet te verwittigen kan niet naast een melding aan hem staan",
    "problem.NOTIFIED_BEFORE_AWARE": "een melding kan niet voorafgaan aan de kennisname van het lek",
    "problem.NOTIFIED_BEFORE_FOUND": "een probleem kan niet gemeld worden vóór het gevonden werd",
    "problem.NOTIFIED_BEFORE_WITHDRAWN": "een intrekking kan niet gemeld worden vóór ze gebeurde",
    "problem.NOT_AN_ED25519_KEY": "moet een Ed25519-sleutel van de gevraagde soort zijn",
    "problem.NOT_A_BREACH_TERMINATION": "enkel een beëindiging wegens een schending noemt wat geschonden werd",
    "problem.NOT_A_LIMIT": "moet een positief geheel getal zijn",
    "problem.NOT_A_STRING": "moet tekst zijn",
    "problem.NOT_ENCODABLE": "bevat een los surrogaatteken",
    "problem.NOT_LISTED": "staat niet in het overzicht",
    "problem.NOT_PICKLED": "een PackageKey bevat een wachtwoord en wordt nooit gepickled",
    "problem.NOT_SET": "noemt een omgevingsvariabele die niet ingesteld is",
    "problem.NO_KEY": "enkel versleutelde gegevens hebben een sleutel die gecompromitteerd kan zijn",
    "problem.NO_LOSS": "een gegevenslek doet vertrouwelijkheid, integriteit of beschikbaarheid verloren gaan (AVG art. 4(12))",
    "problem.NO_RULES": "een lege regeltabel",
    "problem.OCCURRED_AFTER_AWARE": "een lek kan niet gebeuren nadat de meldende partij er kennis van kreeg",
    "problem.ONLY_SENDER_ENDS_FOR_BREACH": "A8-1 laat enkel Opgroeien (de afzender) het protocol beëindigen wegens een schending",
    "problem.OUT_OF_RANGE": "valt buiten het bereik van de kalender waarmee gerekend wordt",
    "problem.PASSWORD_ONE_CHARACTER_CLASS": "moet soorten tekens mengen (kleine letters, hoofdletters, cijfers, andere)",
    "problem.PASSWORD_REPETITIVE": "moet minstens 6 verschillende tekens bevatten",
    "problem.PASSWORD_TOO_SHORT": "is korter dan de kortste toegelaten lengte",
    "problem.SUPPLEMENT_BEFORE_NOTICE": "een aanvulling kan niet uitgaan vóór de fase die ze aanvult",
    "problem.TOO_LONG": "is te lang",
    "problem.UNKNOWN_CLAUSE": "is geen id van het register van bepalingen",
    "problem.UNKNOWN_FIELD": "noemt een veld dat niet bestaat",
    "problem.UNKNOWN_ITEM": "is geen bewijsstuk",
    "problem.UNKNOWN_LANGUAGE": "moet 'nl' of 'en' zijn",
    "problem.UNKNOWN_MESSAGE": "staat niet in de catalogus",
    "problem.UNKNOWN_REASON_CODE": "heeft geen teksten in de catalogus",
    "problem.UNKNOWN_STYLE": "moet 'phone', 'digits' of 'mixed' zijn",
    "problem.USE_A_STEP": "begin een dossier met RetentionCase.received(at) of RetentionCase.replay(steps)",
    "problem.USE_DERIVE": "maak een sleutel met PackageKey.derive(password)",
    "problem.WITHDRAWAL_BEFORE_CONSENT": "een toestemming kan niet ingetrokken worden vóór ze gegeven werd",
    "problem.WITHDRAWN_BEFORE_TRANSFER": "een toestemming die op of vóór de doorgifte werd ingetrokken, maakte de doorgifte onrechtmatig (CONSENT_WITHDRAWN); deze melding is voor een intrekking erna",
    "problem.WRONG_TYPE": "heeft niet het verwachte type",
    # pydantic's own error types that input reaches through the models (upper case)
    "problem.MISSING": "is verplicht",
    "problem.EXTRA_FORBIDDEN": "is geen veld van dit model",
    "problem.STRING_TYPE": "moet tekst zijn",
    "problem.STRING_TOO_SHORT": "is te kort",
    "problem.STRING_TOO_LONG": "is langer dan toegelaten",
    "problem.STRING_PATTERN_MISMATCH": "heeft niet de vereiste vorm",
    "problem.STRING_UNICODE": "moet geldige Unicode-tekst zijn",
    "problem.INT_TYPE": "moet een geheel getal zijn",
    "problem.INT_PARSING": "moet een geheel getal zijn",
    "problem.INT_PARSING_SIZE": "is een te groot getal",
    "problem.INT_FROM_FLOAT": "moet een geheel getal zijn, zonder decimalen",
    "problem.FLOAT_TYPE": "moet een getal zijn",
    "problem.FLOAT_PARSING": "moet een getal zijn",
    "problem.FINITE_NUMBER": "moet een eindig getal zijn",
    "problem.GREATER_THAN": "is te klein",
    "problem.GREATER_THAN_EQUAL": "is kleiner dan het toegelaten minimum",
    "problem.LESS_THAN": "is te groot",
    "problem.LESS_THAN_EQUAL": "is groter dan het toegelaten maximum",
    "problem.BOOL_TYPE": "moet true of false zijn",
    "problem.BOOL_PARSING": "moet true of false zijn",
    "problem.DATE_TYPE": "moet een datum zijn (JJJJ-MM-DD)",
    "problem.DATE_PARSING": "moet een datum zijn (JJJJ-MM-DD)",
    "problem.DATE_FROM_DATETIME_PARSING": "moet een datum zijn (JJJJ-MM-DD)",
    "problem.DATE_FROM_DATETIME_INEXACT": "moet een datum zijn, zonder tijdstip",
    "problem.DATETIME_TYPE": "moet een datum en tijd zijn (ISO 8601)",
    "problem.DATETIME_PARSING": "moet een datum en tijd zijn (ISO 8601)",
    "problem.DATETIME_FROM_DATE_PARSING": "moet een datum en tijd zijn (ISO 8601)",
    "problem.DATETIME_OBJECT_INVALID": "moet een datum en tijd zijn (ISO 8601)",
    "problem.TIMEZONE_AWARE": "moet een tijdzone of een verschil met UTC hebben",
    "problem.LITERAL_ERROR": "is geen van de toegelaten waarden",
    "problem.ENUM": "is geen van de toegelaten waarden",
    "problem.DICT_TYPE": "moet een object zijn (sleutels en waarden)",
    "problem.MODEL_TYPE": "moet een object met de velden van het model zijn",
    "problem.MODEL_ATTRIBUTES_TYPE": "moet een object met de velden van het model zijn",
    "problem.LIST_TYPE": "moet een lijst zijn",
    "problem.TUPLE_TYPE": "moet een lijst zijn",
    "problem.SET_TYPE": "moet een lijst zonder herhalingen zijn",
    "problem.FROZEN_SET_TYPE": "moet een lijst zonder herhalingen zijn",
    "problem.TOO_SHORT": "heeft te weinig elementen",
    "problem.VALUE_ERROR": "is geen geldige waarde",
    # A refused package or e-mail, an impossible lifecycle step: error.<code> (errors.py)
    "error.PACKAGE_REFUSED": "het pakket wordt niet aanvaard",
    "error.CORRUPT_PACKAGE": "het pakket is geen leesbaar 7z-archief: afgekapt of beschadigd",
    "error.UNSUPPORTED_CODER": "het archief vraagt een compressiemethode die niet aanvaard wordt",
    "error.NOT_ENCRYPTED": "de inhoud van het archief is niet met AES-256 versleuteld",
    "error.HEADERS_NOT_ENCRYPTED": "de bestandsnamen en -groottes in het archief zijn niet versleuteld",
    "error.WRONG_PASSWORD": "het wachtwoord opent het pakket niet",
    "error.UNEXPECTED_CONTENT": "het pakket bevat iets anders dan de verwachte verwijzing",
    "error.PACKAGE_TOO_LARGE": "het pakket of zijn inhoud is groter dan toegelaten",
    "error.SIGNATURE_INVALID": "de handtekening van het pakket ontbreekt of klopt niet",
    "error.MAIL_REFUSED": "de e-mail draagt niet precies één 7z-archief",
    "error.NO_ATTACHMENT": "de e-mail heeft geen bijlage",
    "error.SEVERAL_ATTACHMENTS": "de e-mail heeft meer dan één bijlage",
    "error.NOT_AN_ARCHIVE": "de bijlage is geen 7z-archief",
    "error.TOO_LARGE": "de e-mail of zijn bijlage is groter dan toegelaten",
    "error.MALFORMED_MAIL": "de e-mail of de codering van zijn bijlage is onleesbaar",
    "error.IMPOSSIBLE_STEP": "deze stap is in deze toestand van het dossier niet mogelijk",
    "error.STEP_BEFORE_PREVIOUS": "de stap is gedateerd vóór de stap ervoor",
    "error.UNKNOWN_STEP": "geen stap van de bewaarlevenscyclus",
    "error.UNKNOWN_OUTCOME": "geen mogelijke uitkomst van deze stap",
    "error.UNEXPECTED_OUTCOME": "alleen een contact of een herziening heeft een uitkomst",
    "error.REASON_REQUIRED": "een herziening die de gegevens bewaart, moet een reden geven",
    "error.UNEXPECTED_REASON": "alleen een herziening heeft een reden",
    "error.NO_STEPS": "een dossier begint met de stap 'received'",
    # --- the command line (cli/): every line a person reads, in --lang ---------------------
    "cli.decision.allowed": "TOEGESTAAN: alle {count} regels zijn voldaan",
    "cli.decision.refused_one": "GEWEIGERD: 1 reden",
    "cli.decision.refused_many": "GEWEIGERD: {count} redenen",
    "cli.check.header": "verwijzing {referral_id} onder {protocol_id} op {at}",
    "cli.lint.finding": "[{severity}] {code} bij {path}: {message}",
    "cli.lint.severity.error": "fout",
    "cli.lint.severity.warning": "waarschuwing",
    "cli.lint.severity.info": "info",
    "cli.lint.none": "geen bevindingen",
    "cli.lint.unusable": "fout: de regels kunnen dit protocol niet gebruiken (bevindingen van het type fout: {count})",
    "cli.wrote": "geschreven: {path}",
    "cli.pack.wrote_message": "geschreven: {path} (aan {to})",
    "cli.pack.refused": "geweigerd: er werd niets verpakt",
    "cli.pack.password": "bezorg het wachtwoord aan de ontvanger langs een ander kanaal, nooit per e-mail",
    "cli.password.generated": "wachtwoord (bezorg het langs een ander kanaal, nooit per e-mail): {password}",
    "cli.open.referral": "verwijzing  {referral_id}, verstuurd {sent_at}",
    "cli.open.consent": "toestemming {consent_id}, gegeven {given_at}",
    "cli.open.sender": "afzender    {team}",
    "cli.open.signed_by": "ondertekend met sleutel {key}",
    "cli.open.client": "cliënt      {first_name} {last_name}",
    "cli.open.address": "adres       {street}, {postcode} {municipality}",
    "cli.open.phone": "telefoon    {phone}",
    "cli.open.email": "e-mail      {email}",
    "cli.retention.header": "bewaring op {at} ({protocol_id})",
    "cli.retention.line": "{label}: {state} -> {action}{detail} [{clause} {code}]",
    "cli.retention.keep_until": ", bewaren tot {day}",
    "cli.retention.kept_until": ", bewaard tot {day}",
    "cli.retention.review_on": ", herbekijken op {day}",
    "cli.retention.summary": "nu te doen: {due} van {total}; gepland: {scheduled}; fouten: {errors}",
    "cli.retention.not_decided": "  {label}: {state} -> niet beslist [{code}]",
    "cli.retention.due": "te doen",
    "cli.breach.header": "melding gegevenslek {notice_id}, fase {phase}",
    "cli.breach.severity": "ernst (ENISA): {level}; {message}",
    "cli.breach.deadline": "termijn {authority}: {deadline}",
    "cli.breach.authority": "toezichthouder: {code}: {message}",
    "cli.breach.other_party": "de DPO van de andere partij verwittigen: {required}",
    "cli.breach.required": "verplicht (A9-1)",
    "cli.breach.not_required": "niet verplicht",
    "cli.register.header": "register van verwerkingsactiviteiten (AVG art. 30, lid 1), {clause}",
    "cli.register.activity": "activiteit",
    "cli.register.controller": "verantwoordelijke",
    "cli.register.controller_value": "{name} ({kbo}), DPO {email}",
    "cli.register.source": "bron",
    "cli.register.purposes": "doeleinden",
    "cli.register.data": "gegevens",
    "cli.register.fideslang": "fideslang",
    "cli.register.recipients": "ontvangers",
    "cli.register.transfers": "doorgiften",
    "cli.register.no_transfers": "geen naar derde landen",
    "cli.register.erasure": "wissing",
    "cli.register.measures": "maatregelen",
    "cli.error": "fout: {message}",
    "cli.error.invalid_one": "fout: 1 probleem in {what}:",
    "cli.error.invalid_many": "fout: {count} problemen in {what}:",
    "cli.error.in.arguments": "de argumenten",
    "cli.error.in.record": "het record",
    "cli.error.in.retention_cases": "de bewaardossiers",
    "cli.problem": "{path}: {code}: {text}",
    "cli.error.package_problems": "fout: pakket geweigerd ({error}): verwijzing.json past niet in het schema ({count}):",
    "cli.error.package": "fout: pakket geweigerd ({error}): {message}",
    "cli.error.lifecycle": "fout: onmogelijke stap ({code}): {message}",
    "cli.error.lifecycle.step": "onmogelijke stap '{step}' in toestand '{state}' ({code}): {message}",
    "cli.error.encoding": "fout: de uitvoer kan niet geschreven worden in de tekencodering van deze terminal",
    "cli.error.out_of_range": "fout: onbruikbare invoer: een datum of getal valt buiten het bereik waarmee gerekend wordt",
    "cli.error.interrupted": "onderbroken",
    "cli.unusable.read": "kan {argument} niet lezen: {reason}",
    "cli.unusable.too_large": "kan {argument} niet lezen: groter dan {size}",
    "cli.unusable.write": "kan niet schrijven naar {argument}: {reason}",
    "cli.unusable.not_utf8": "kan {argument} niet lezen: geen UTF-8-tekst",
    "cli.unusable.first_line_empty": "kan {argument} niet lezen: de eerste regel is leeg",
    "cli.unusable.not_pem": "kan {argument} niet lezen: geen onversleutelde PEM-sleutel",
    "cli.unusable.no_password": "geen wachtwoord: er is geen terminal om het te vragen; gebruik --password-file, --password-env of {variable}",
    "cli.password.prompt": "wachtwoord van het pakket: ",
    "cli.password.again": "nog eens: ",
    # --- protocol-share demo (cli/_demo.py): the walkthrough, step by step -----------------
    "cli.demo.title": "protocol-share {version}: demonstratie op {protocol_id}",
    "cli.demo.sender": "afzender:   {name} ({kbo}), {team}",
    "cli.demo.recipient": "ontvanger:  {name} ({kbo}), via {mailbox}",
    "cli.demo.postcodes": "postcodes:  {postcodes}; van kracht vanaf {in_force_from}",
    "cli.demo.lint": "1. lint_protocol: de gebreken van de ondertekende tekst, openlijk behandeld",
    "cli.demo.minimise": "2. minimise: een record uit het systeem van de afzender, beperkt tot wat artikel 3 toelaat",
    "cli.demo.kept_items": "behouden gegevens:       {items}",
    "cli.demo.phone": "telefoon, als E.164:     {phone}",
    "cli.demo.dropped": "weggelaten:              {paths}",
    "cli.demo.refused_record": "3. een rijksregisternummer als naam en een te kort telefoonnummer: elk probleem gemeld, geen enkele waarde getoond",
    "cli.demo.package": "4. pack en open_package: het versleutelde pakket van artikel 6, in het geheugen",
    "cli.demo.pack_refused": "pack weigert: {codes}",
    "cli.demo.password": "wachtwoord (langs een ander kanaal te bezorgen): {password}",
    "cli.demo.archive": "archief: {filename}, {size} bytes, AES-256",
    "cli.demo.mail": 'e-mail aan {to}, onderwerp "{subject}"',
    "cli.demo.opened": "geopend: verwijzing {referral_id}; dezelfde cliënt: {same}",
    "cli.demo.same.yes": "ja",
    "cli.demo.same.no": "nee",
    "cli.demo.wrong_password.refused": "met een verkeerd wachtwoord: geweigerd ({error})",
    "cli.demo.wrong_password.opened": "met een verkeerd wachtwoord: toch geopend (onverwacht)",
    "cli.demo.decide": "5. check_referral: mag de verwijzing verstuurd worden? Elke regel wordt getoetst; wat niet uitdrukkelijk mag, wordt geweigerd",
    "cli.demo.case.allowed": "een verwijzing die elke regel naleeft",
    "cli.demo.case.refused": "een verwijzing met ingetrokken toestemming, naar een andere mailbox, niet aangewezen geacht",
    "cli.demo.after_receipt": "na ontvangst:",
    "cli.demo.retention": "6. retention_decision op {day}: bewaren, wissen of herbekijken (artikel 3)",
    "cli.demo.schedule": "planning: {entries}",
    "cli.demo.breach": "7. een melding van een gegevenslek (artikel 9; AVG art. 33 en 34)",
    "cli.demo.breach_mail": "e-mail van {sender} aan {to}",
    "cli.demo.subject": "onderwerp: {subject}",
    "cli.demo.register": "8. de vermelding in het register van verwerkingsactiviteiten (artikel 6)",
    # --- the consent receipt (Kantara v1.1; C-6, C-7) ---------------------------------------
    "consent.receipt.method.verbal": "mondeling, opgetekend door een lid van het lokale team",
    "consent.receipt.method.written": "schriftelijk, opgetekend door een lid van het lokale team",
    "consent.receipt.method.electronic": "elektronisch, opgetekend door een lid van het lokale team",
    "consent.receipt.contact": "functionaris voor gegevensbescherming",
    "consent.receipt.service": "Doorverwijzing naar het OCMW voor sociale hulp- en dienstverlening",
    "consent.receipt.category": "Doorgifte aan een derde (het OCMW) voor diens kerntaak",
    "consent.receipt.termination": (
        "Tot de cliënt de toestemming intrekt; het OCMW bewaart de gegevens zoals "
        "artikel 3 van het protocol bepaalt"
    ),
    # --- verwijzing.txt (A6-1, A6-2) -------------------------------------------------------
    "txt.title": "Verwijzing naar {recipient}",
    "txt.intro": 'Verstuurd volgens het protocol "{title}".',
    "txt.reference": "Referentie",
    "txt.created": "Aangemaakt",
    "txt.sent": "Verstuurd",
    "txt.consent": "Toestemming",
    "txt.consent_given": "{consent_id}, gegeven op {date}",
    "txt.sender": "Afzender",
    "txt.client": "Cliënt",
    "txt.first_name": "Voornaam",
    "txt.last_name": "Achternaam",
    "txt.address": "Adres",
    "txt.street_box": "{street} {number} bus {box}",
    "txt.phone": "Telefoon",
    "txt.email": "E-mail",
    "txt.not_given": "niet opgegeven",
    "txt.care": (
        "De cliënt gaf toestemming om deze gegevens te delen. Het protocol laat enkel naam\n"
        "en contactgegevens toe (artikel 3). Bewaar ze niet langer dan het protocol toelaat\n"
        "en meld onjuiste of onvolledige gegevens aan de afzender (artikel 7)."
    ),
    "txt.for_software": "{document} in dit archief bevat dezelfde gegevens voor software.",
    # --- e-mails: shared -------------------------------------------------------------------
    "mail.greeting": "Geachte,",
    "mail.regards": "Met vriendelijke groeten,",
    "mail.none": "geen",
    "mail.and": "en",
    "mail.not_yet_known": "nog niet bekend",
    "mail.notice": "Melding: {notice_id}",
    "mail.no_personal_data": (
        "Dit bericht bevat geen persoonsgegevens van cliënten: enkel categorieën, aantallen en "
        "kenmerken van meldingen."
    ),
    # --- the package e-mail (A6-1, A6-3) ---------------------------------------------------
    "package_mail.subject": "Beveiligde verwijzing voor {recipient}",
    "package_mail.greeting": "Beste collega,",
    "package_mail.attached": (
        "In bijlage vindt u een verwijzing naar {recipient}, verstuurd op {moment} volgens "
        'het protocol "{title}" (artikel 6).'
    ),
    "package_mail.archive": (
        "De bijlage {filename} is een 7-Zip-archief, versleuteld met AES-256. Het wachtwoord "
        "volgt via een ander kanaal (telefonisch of per sms); het staat nooit in een e-mail."
    ),
    "package_mail.open": (
        "Open de bijlage met 7-Zip (https://www.7-zip.org) of met software die het protocol "
        "ondersteunt. Het archief bevat {text_name} (om te lezen) en {document_name} (voor "
        "software)."
    ),
    "package_mail.care": (
        "Bewaar de gegevens niet langer dan het protocol toelaat (artikel 3) en stuur dit "
        "bericht niet door. Kreeg u het per vergissing, verwijder het dan en verwittig de "
        "afzender en de functionaris voor gegevensbescherming ({dpo_email})."
    ),
    # --- article 3 data items --------------------------------------------------------------
    "data_item.name": "voornaam en naam (art. 3, gegeven 1)",
    "data_item.address": "adres (art. 3, gegeven 2)",
    "data_item.phone": "telefoonnummer (art. 3, gegeven 2)",
    "data_item.email": "e-mailadres (art. 3, gegeven 2)",
    # --- breach notices (A9-1 to A9-4; GDPR art. 33, 34) -----------------------------------
    "breach.cause.misdirected_email": "e-mail aan een verkeerde ontvanger",
    "breach.cause.lost_or_stolen_device": "verloren of gestolen toestel",
    "breach.cause.unauthorised_access": "onbevoegde toegang",
    "breach.cause.hacking": "hacking",
    "breach.cause.malware": "malware",
    "breach.cause.wrong_password_sharing": (
        "wachtwoord langs hetzelfde kanaal of aan de verkeerde persoon bezorgd"
    ),
    "breach.cause.human_error": "menselijke fout",
    "breach.cause.software_error": "softwarefout",
    "breach.cause.other": "andere oorzaak",
    "breach.loss.known_recipients": (
        "verlies van vertrouwelijkheid: bekend geraakt bij een gekend aantal ontvangers"
    ),
    "breach.loss.unknown_recipients": (
        "verlies van vertrouwelijkheid: bekend geraakt bij een onbekend aantal ontvangers"
    ),
    "breach.loss.recoverable": "verlies van integriteit: gegevens gewijzigd, herstelbaar",
    "breach.loss.unrecoverable": "verlies van integriteit: gegevens gewijzigd, niet herstelbaar",
    "breach.loss.temporary": "verlies van beschikbaarheid: tijdelijk",
    "breach.loss.permanent": "verlies van beschikbaarheid: blijvend",
    "breach.consequence.disclosure_of_social_situation": (
        "bekendmaking van de sociale situatie van het gezin"
    ),
    "breach.consequence.stigmatisation": "stigmatisering",
    "breach.consequence.unwanted_contact": "ongewenst contact",
    "breach.consequence.phishing": "phishing",
    "breach.consequence.identity_fraud": "identiteitsfraude",
    "breach.consequence.loss_of_trust_in_assistance": "verlies van vertrouwen in de hulpverlening",
    "breach.consequence.delay_of_assistance": "vertraging van de hulpverlening",
    "breach.consequence.loss_of_control_over_data": "verlies van controle over de eigen gegevens",
    "breach.measure.deletion_requested": "verzoek aan de ontvanger om de gegevens te verwijderen",
    "breach.measure.deletion_confirmed": "bevestiging van de verwijdering door de ontvanger",
    "breach.measure.password_changed": "wijziging van het wachtwoord",
    "breach.measure.access_revoked": "intrekking van toegang",
    "breach.measure.device_wiped": "wissen van het toestel op afstand",
    "breach.measure.data_restored": "herstel van de gegevens",
    "breach.measure.mailbox_secured": "beveiliging van de mailbox",
    "breach.measure.staff_instructed": "instructie van de medewerkers",
    "breach.measure.procedure_adjusted": "aanpassing van de procedure",
    "breach.measure.security_measures_reviewed": "herziening van de beveiligingsmaatregelen",
    "breach.measure.police_report_filed": "aangifte bij de politie",
    "breach.measure.data_subjects_informed": "inlichten van de betrokkenen",
    "severity.level.low": "laag",
    "severity.level.medium": "gemiddeld",
    "severity.level.high": "hoog",
    "severity.level.very_high": "zeer hoog",
    "severity.exempt": (
        "{formula}: {level}. De betrokkenen hoeven niet ingelicht te worden: de gegevens waren "
        "versleuteld en het wachtwoord is niet gecompromitteerd (AVG art. 34, lid 3, a))."
    ),
    "severity.tell": "{formula}: {level}. Licht de betrokkenen in (AVG art. 34, lid 1).",
    "severity.no_high_risk": (
        "{formula}: {level}. Geen hoog risico: de betrokkenen hoeven niet ingelicht te worden "
        "(AVG art. 34)."
    ),
    "authority.status.DUE": "Meld aan de {name} uiterlijk op {deadline}.",
    "authority.status.OVERDUE_GIVE_REASONS": (
        "Te laat: meld nu aan de {name} en vermeld de redenen van de vertraging "
        "(AVG art. 33, lid 1)."
    ),
    "authority.status.NOT_REQUIRED_DOCUMENT_DECISION": (
        "Volgens de beoordeling leidt het lek waarschijnlijk niet tot een risico: AVG art."
        " 33(1) vraagt geen melding aan de {name}; leg de beslissing vast (art. 33(5))."
    ),
    "authority.status.NOT_NOTIFYING_DOCUMENTED": (
        "Niet gemeld aan de {name}: de beslissing van de verwerkingsverantwoordelijke om"
        " niet te melden is vastgelegd (AVG art. 33(5))."
    ),
    "authority.status.NOTIFIED_IN_TIME": "De {name} werd tijdig op de hoogte gebracht.",
    "authority.status.LATE_WITH_REASONS": (
        "De {name} werd laattijdig op de hoogte gebracht; de redenen zijn vastgelegd."
    ),
    "authority.status.LATE_GIVE_REASONS": (
        "De {name} werd laattijdig op de hoogte gebracht: leg de redenen van de vertraging "
        "vast (AVG art. 33, lid 1)."
    ),
    # --- the breach e-mail -----------------------------------------------------------------
    "breach_mail.subject": (
        "Melding gegevenslek {notice_id} (fase {phase}) - protocol {protocol_id}"
    ),
    "breach_mail.greeting": "Geachte functionaris voor gegevensbescherming,",
    "breach_mail.intro": (
        "{reporter} meldt u een inbreuk in verband met persoonsgegevens die gedeeld worden "
        'onder het protocol "{title}".'
    ),
    "breach_mail.why_both": (
        "De inbreuk heeft gevolgen voor beide partijen; daarom melden wij ze u via de "
        "functionarissen voor gegevensbescherming (artikel 9 van het protocol)."
    ),
    "breach_mail.why_own": (
        "De inbreuk heeft volgens onze eerste beoordeling enkel gevolgen voor onze "
        "organisatie; wij informeren u vrijwillig (artikel 9 van het protocol)."
    ),
    "breach_mail.phase_first": (
        "Dit is de eerste melding; aanvullingen volgen zodra ze bekend zijn."
    ),
    "breach_mail.phase_next": (
        "Dit is fase {phase}: een aanvulling op onze eerdere melding (artikel 33, lid 4, AVG)."
    ),
    "breach_mail.notice": "Melding: {notice_id}, fase {phase}",
    "breach_mail.aware": "Vastgesteld door {reporter} op: {moment}",
    "breach_mail.occurred": "Ontstaan op: {moment}",
    "breach_mail.cause": "Oorzaak: {cause}",
    "breach_mail.cause_malicious": "Oorzaak: {cause} (met kwaad opzet)",
    "breach_mail.nature": "Aard van de inbreuk:",
    "breach_mail.categories": "Betrokken categorieën van gegevens:",
    "breach_mail.approximate": "bij benadering",
    "breach_mail.exact": "exact",
    "breach_mail.data_subjects": "Aantal betrokkenen ({precision}): {count}",
    "breach_mail.records": "Aantal gegevensrecords ({precision}): {count}",
    "breach_mail.consequences": "Waarschijnlijke gevolgen:",
    "breach_mail.measures_taken": "Genomen maatregelen:",
    "breach_mail.measures_proposed": "Voorgestelde maatregelen:",
    "breach_mail.severity": (
        "Ernst volgens de ENISA-methode (2013): {level} "
        "(SE = DPC {dpc} x EI {ei:g} + CB {cb:g} = {score:g})."
    ),
    "breach_mail.authority": (
        "Melding aan de toezichthouder ({authority}, {short_name}): uiterlijk {deadline}; {state}"
    ),
    "breach_mail.authority_notified": "gemeld op {moment}.",
    "breach_mail.authority_advised": "aangewezen.",
    "breach_mail.authority_decided_not": (
        "niet gemeld: de beslissing om niet te melden is vastgelegd (artikel 33, lid 5, AVG)."
    ),
    "breach_mail.authority_not_required": "volgens de beoordeling niet vereist.",
    "breach_mail.tell": "Betrokkenen inlichten: {advice}.",
    "breach_mail.tell_yes": "aangewezen, wegens een hoog risico (artikel 34, lid 1, AVG)",
    "breach_mail.tell_exempt": (
        "nee: de gegevens waren versleuteld en het wachtwoord is niet gecompromitteerd "
        "(artikel 34, lid 3, a), AVG)"
    ),
    "breach_mail.tell_no": "nee: geen hoog risico voor de betrokkenen (artikel 34 AVG)",
    "breach_mail.consult": (
        "Wij stellen voor onmiddellijk samen te overleggen om de gevolgen te beperken en te "
        "herstellen (artikel 9 van het protocol)."
    ),
    "breach_mail.share": (
        "Wij delen alle informatie die nuttig is om de beveiligingsmaatregelen te verbeteren "
        "(artikel 9 van het protocol)."
    ),
    "breach_mail.contact": (
        "Contactpunt: de functionaris voor gegevensbescherming van {reporter}, {email}."
    ),
    "breach_mail.addressee": "Bestemd voor: de functionaris voor gegevensbescherming van {other}.",
    # --- data quality (A7-1, A7-2) ---------------------------------------------------------
    "quality.kind.erroneous": "foutief",
    "quality.kind.inaccurate": "onnauwkeurig",
    "quality.kind.incomplete": "onvolledig",
    "quality.kind.missing": "ontbrekend",
    "quality.kind.outdated": "niet meer actueel",
    "quality.kind.excessive": "overtollig",
    "quality.outcome.corrected": "de gegevens werden verbeterd",
    "quality.outcome.deleted": "de gegevens werden verwijderd",
    "quality.outcome.confirmed_correct": "de gegevens bleken correct",
    "quality.outcome.cannot_verify": "de gegevens konden niet worden nagegaan",
    "quality.measure.corrected_at_source": "verbeterd in de bron bij Opgroeien",
    "quality.measure.corrected_package_sent": (
        "verbeterde gegevens bezorgd in een nieuw versleuteld pakket"
    ),
    "quality.measure.deletion_requested": "gevraagd de gegevens te verwijderen",
    "quality.measure.data_deleted_at_source": "verwijderd in de bron bij Opgroeien",
    "quality.measure.procedure_adjusted": "procedure aangepast",
    "quality.measure.staff_instructed": "medewerkers geïnstrueerd",
    "quality.measure.no_measure_needed": "geen maatregel nodig",
    "quality.found_by.recipient": "door onze organisatie zelf",
    "quality.found_by.data_subject": "via de betrokkene (de cliënt)",
    "quality_mail.subject": "Melding gegevenskwaliteit {notice_id} - protocol {protocol_id}",
    "quality_mail.intro": (
        "{recipient} meldt dat een gegeven van een verwijzing {kind} is (artikel 7 van het "
        "protocol)."
    ),
    "quality_mail.referral": "Verwijzing: {referral_id}",
    "quality_mail.item": "Gegeven: {item}",
    "quality_mail.found": "Vastgesteld {found_by} op: {moment}",
    "quality_mail.request": (
        "Wij vragen u dit te onderzoeken, binnen een redelijke termijn maatregelen te nemen en "
        "ons te informeren. Verbeterde gegevens bezorgt u in een nieuw versleuteld pakket, "
        "niet in een antwoord op dit bericht."
    ),
    "quality_answer_mail.subject": (
        "Antwoord op melding gegevenskwaliteit {notice_id} - protocol {protocol_id}"
    ),
    "quality_answer_mail.intro": (
        "{sender} heeft uw melding {notice_id} over verwijzing {referral_id} onderzocht "
        "(artikel 7 van het protocol)."
    ),
    "quality_answer_mail.outcome": "Resultaat: {outcome}",
    "quality_answer_mail.measures": "Maatregelen:",
    # --- termination (A8-1, A11-2, A11-3) --------------------------------------------------
    "termination.ground.breach": (
        "Opgroeien regie beëindigt het protocol eenzijdig, onmiddellijk en zonder "
        "voorafgaande ingebrekestelling, omdat de gegevens verwerkt worden in strijd met "
        "{what} (artikel 8 van het protocol)."
    ),
    "termination.ground.notice": (
        "Wij zeggen het protocol schriftelijk op met een opzeggingstermijn van {months} "
        "maanden (artikel 11 van het protocol)."
    ),
    "termination.ground.no_legal_basis": (
        "Het protocol is van rechtswege beëindigd omdat er geen rechtsgrond voor de "
        "doorgifte meer bestaat: {basis} (artikel 11 van het protocol)."
    ),
    "termination.breached.protocol": "het protocol",
    "termination.breached.gdpr": "de AVG",
    "termination.breached.other_data_protection_law": (
        "andere regelgeving inzake gegevensbescherming"
    ),
    "termination_mail.subject": "Beëindiging protocol {protocol_id} ({clause})",
    "termination_mail.regarding": 'Betreft: het protocol "{title}".',
    "termination_mail.reference": "Kenmerk: {notice_id}; gegeven op {date}.",
    "termination_mail.ends": (
        "Het protocol blijft van kracht tot en met {last} en is niet meer van kracht vanaf"
        " {date}. Vanaf die dag worden geen gegevens meer doorgegeven."
    ),
    "termination_mail.ends_at": (
        "Het protocol is niet meer van kracht vanaf {moment}. Vanaf dat ogenblik worden geen"
        " gegevens meer doorgegeven."
    ),
    "termination_mail.retention": (
        "Gegevens die al ontvangen werden, blijven bewaard of worden verwijderd volgens "
        "artikel 3 van het protocol; het einde van het protocol verkort noch verlengt die "
        "termijnen."
    ),
    # --- withdrawal of consent after the transfer (C-7; GDPR art. 7(3), 17(1)(b)) -----------
    "withdrawal_mail.subject": (
        "Intrekking toestemming {notice_id} - verwijzing {referral_id} - protocol {protocol_id}"
    ),
    "withdrawal_mail.intro": (
        "{sender} meldt dat de cliënt van verwijzing {referral_id} na de doorgifte de "
        "toestemming heeft ingetrokken om de gegevens te delen (overweging C en artikel 5 van "
        "het protocol; artikel 7, lid 3, AVG)."
    ),
    "withdrawal_mail.referral": "Verwijzing: {referral_id}",
    "withdrawal_mail.consent": "Toestemming: {consent_id}",
    "withdrawal_mail.sent": "Verwijzing verzonden op: {moment}",
    "withdrawal_mail.withdrawn": "Toestemming ingetrokken op: {moment}",
    "withdrawal_mail.delete": (
        "Werd er voor deze cliënt nog geen cliëntdossier geopend, verwijder dan de gegevens "
        "van deze verwijzing: ze hebben geen andere grond dan de toestemming (artikel 17, "
        "lid 1, b), AVG)."
    ),
    "withdrawal_mail.keep": (
        "Werd er al een cliëntdossier geopend, dan is dat dossier van het OCMW zelf: het "
        "blijft bewaard op de eigen rechtsgrond van het OCMW (artikel 2 van het protocol) en "
        "volgens de archiveringsrichtlijnen voor sociale dossiers (artikel 3 van het "
        "protocol); de intrekking raakt het niet."
    ),
    "withdrawal_mail.before": (
        "De verwerking vóór de intrekking blijft rechtmatig (artikel 7, lid 3, AVG); op grond "
        "van deze toestemming worden geen gegevens meer doorgegeven."
    ),
    # --- legislation and processors (A9-5, A9-6, A6-8, A6-9) -------------------------------
    "legislation.aspect.purpose": "doeleinden",
    "legislation.aspect.proportionality": "proportionaliteit",
    "legislation.aspect.frequency": "frequentie",
    "legislation.aspect.duration": "duur",
    "legislation.aspect.legal_basis": "rechtsgrond",
    "legislation.aspect.data_items": "gegevens",
    "legislation.aspect.recipients": "ontvangers",
    "legislation.aspect.other": "andere",
    "legislation_mail.subject": "Wijziging regelgeving {notice_id} - protocol {protocol_id}",
    "legislation_mail.intro": (
        "{recipient} meldt een wijziging in de regelgeving die gevolgen heeft voor het "
        "protocol (artikel 9 van het protocol)."
    ),
    "legislation_mail.act": "Regelgeving: {legislation}",
    "legislation_mail.in_force": "Van kracht vanaf: {date}",
    "legislation_mail.affects": "Raakt aan: {aspects}",
    "legislation_mail.proposal": (
        "Wij stellen voor samen na te gaan of het protocol moet worden aangepast."
    ),
    "processor.change.added": "nieuwe verwerker",
    "processor.change.removed": "verwerker stopt",
    "processor.change.changed": "wijziging",
    "processor.finding.NO_ART28_AGREEMENT": (
        "werkt met de gegevens zonder verwerkersovereenkomst (AVG art. 28)"
    ),
    "processor.finding.AGREEMENT_AFTER_START": (
        "begon vóór de verwerkersovereenkomst (AVG art. 28) gesloten was"
    ),
    "processor.finding.NO_TRANSFER_MECHANISM": (
        "werkt buiten de EER zonder doorgiftemechanisme: een adequaatheidsbesluit,"
        " modelcontractbepalingen of bindende bedrijfsvoorschriften (AVG hoofdstuk V)"
    ),
    "processor_mail.subject": "Wijziging verwerkers {notice_id} - protocol {protocol_id}",
    "processor_mail.intro": (
        "{recipient} meldt een wijziging bij zijn verwerkers (artikel 9 van het protocol) en "
        "werkt het overzicht van verwerkers bij (artikel 6)."
    ),
    "processor_mail.change": "Wijziging: {change}",
    "processor_mail.processor": "Verwerker: {name}",
    "processor_mail.processor_kbo": "Verwerker: {name} (KBO {kbo})",
    "processor_mail.service": "Dienst: {service}",
    "processor_mail.country": "Land: {country}",
    "processor_mail.agreement": "Verwerkersovereenkomst (artikel 28 AVG): {agreement}",
    "processor_mail.no_agreement": "nog niet gesloten",
    "processor_mail.since": "Periode: vanaf {since}",
    "processor_mail.period": "Periode: vanaf {since} tot {until}",
    # --- evidence (A6-4 to A6-7) -----------------------------------------------------------
    "evidence.item.security_policy": "informatieveiligheidsbeleid",
    "evidence.item.security_plan": "informatieveiligheidsplan",
    "evidence.item.dpo": "aanstelling van de functionaris voor gegevensbescherming",
    "evidence.item.register_entry": "opname in het register van verwerkingsactiviteiten",
    "evidence_mail.subject": "Bewijsstukken artikel 6 - protocol {protocol_id}",
    "evidence_mail.intro": (
        "Op uw vraag bezorgt {recipient} u de bewijsstukken die artikel 6 van het protocol vraagt."
    ),
    "evidence_mail.item": "{what} [{clause}]: {document}",
    "evidence_mail.item_dated": "{what} [{clause}]: {document} ({date})",
    "evidence_mail.not_available": "nog niet beschikbaar",
    "evidence_mail.dpo": "Functionaris voor gegevensbescherming: {email}",
    # --- retention (A3-4 to A3-6) ----------------------------------------------------------
    "retention.decision.KEEP_UNTIL_CONTACT": (
        "Bewaren: er was nog geen contact, dus het is nog niet duidelijk of de cliënt hulp wil "
        "(A3-4); het dossier wordt herbekeken op review_on."
    ),
    "retention.decision.REVIEW_NO_CONTACT": (
        "Herbekijken: binnen de termijn van de organisatie is geen contact met de cliënt "
        "vastgelegd. Vóór het contact mag niets worden verwijderd (A3-4): neem contact op, "
        "of bewaar met een reden tot het volgende herbekijken (lezing van de bibliotheek; "
        "het protocol zwijgt)."
    ),
    "retention.decision.KEEP_FILE_TO_OPEN": (
        "Bewaren: de cliënt wil verdere hulp, er wordt een cliëntdossier geopend (A3-5); het "
        "dossier wordt herbekeken op review_on."
    ),
    "retention.decision.REVIEW_FILE_NOT_OPENED": (
        "Herbekijken: de cliënt wilde hulp, maar binnen de termijn van de organisatie werd "
        "geen cliëntdossier geopend; open het, bewaar met een reden tot het volgende "
        "herbekijken, of verwijder (lezing van de bibliotheek; het protocol zwijgt)."
    ),
    "retention.decision.KEEP_FILE_OPEN": (
        "Bewaren: het cliëntdossier is open (A3-6); het wordt herbekeken op review_on."
    ),
    "retention.decision.REVIEW_FILE_OPEN": (
        "Herbekijken: is het cliëntdossier nog actief? Bewaar het met een reden tot het "
        "volgende herbekijken, of sluit het af zodat de bewaartermijn loopt (A3-6; de "
        "termijn voor herbekijken is een lezing van de bibliotheek)."
    ),
    "retention.decision.KEEP_FILE_AFTER_WITHDRAWAL": (
        "Bewaren: de cliënt trok de toestemming voor de doorverwijzing in, maar het "
        "cliëntdossier is van het OCMW zelf, bewaard op zijn eigen rechtsgrond (A2-4) en "
        "volgens de archiefrichtlijnen (A3-6); de intrekking raakt het niet (lezing van de "
        "bibliotheek; het protocol zwijgt)."
    ),
    "retention.decision.DELETE_DECLINED": (
        "Verwijderen: de cliënt wil geen verdere hulp. A3-4 legt enkel een minimum vast "
        "(bewaren tot er contact was); dat er daarna geen grond meer is om de gegevens te "
        "bewaren, is de lezing van de bibliotheek van de opslagbeperking (AVG art. 5, lid 1, "
        "e)), geen bepaling van het protocol."
    ),
    "retention.decision.DELETE_AFTER_REVIEW": (
        "Verwijderen: bij het herbekijken werd beslist dat er geen grond meer is om de "
        "gegevens te bewaren (opslagbeperking, AVG art. 5, lid 1, e); lezing van de "
        "bibliotheek, het protocol zwijgt)."
    ),
    "retention.decision.DELETE_CONSENT_WITHDRAWN": (
        "Verwijderen: de cliënt trok de toestemming in voordat een cliëntdossier werd "
        "geopend; de doorverwijzing heeft geen andere grond (C-7; AVG art. 7, lid 3, en "
        "art. 17, lid 1, b); lezing van de bibliotheek, het protocol zwijgt)."
    ),
    "retention.decision.KEEP_AFTER_CLOSING": (
        "Bewaren: het cliëntdossier werd minder dan de bewaartermijn geleden afgesloten; "
        "bewaren tot en met keep_until."
    ),
    "retention.decision.DELETE_RETENTION_ENDED": (
        "Verwijderen: de bewaartermijn na het afsluiten van het cliëntdossier is verstreken."
    ),
    "retention.decision.KEEP_UNREACHABLE": (
        "Bewaren: de cliënt was nog niet bereikbaar; het dossier wordt herbekeken op review_on "
        "(het protocol zwijgt hierover; de organisatie bepaalt de termijn)."
    ),
    "retention.decision.REVIEW_UNREACHABLE": (
        "Herbekijken: de cliënt was niet bereikbaar binnen de termijn van de organisatie; "
        "beslis of er een nieuwe poging komt of dat de gegevens worden verwijderd."
    ),
    "retention.case_error.AT_BEFORE_LAST_STEP": (
        "Niet ingepland: de laatste stap van het dossier ligt na het gevraagde moment; laat de "
        "taak later lopen of verbeter het tijdstip van die stap."
    ),
    "retention.case_error.WRONG_TYPE": (
        "Niet ingepland: dit element is geen bewaardossier (zie cases_from_json)."
    ),
    "retention.case_error.OUT_OF_RANGE": (
        "Niet ingepland: de vervaldag van het dossier ligt voorbij het einde van de kalender; "
        "controleer de datums."
    ),
    # --- the register entry (A6-6; GDPR art. 30) -------------------------------------------
    "register.name": "Ontvangen verwijzingen van {source} (protocol {protocol_id})",
    "register.data_subjects": (
        "cliënten: leden van sociaal kwetsbare gezinnen die het lokale team doorverwijst"
    ),
    "register.erasure.until_contact": (
        "bewaren tot er contact was en duidelijk is of de cliënt verdere hulp wil (A3-4); "
        "herbekijken {days} dagen na de laatste stap zolang geen contact is vastgelegd "
        "(lezing van de bibliotheek; het protocol zwijgt)"
    ),
    "register.erasure.declined": (
        "verwijderen zodra de cliënt verdere hulp weigert: de lezing van de bibliotheek van de "
        "opslagbeperking (AVG art. 5, lid 1, e)), geen bepaling van het protocol (A3-4 legt "
        "enkel een minimum vast)"
    ),
    "register.erasure.client_file": (
        "in het cliëntdossier: {years} jaar na het afsluiten van het dossier"
    ),
    "register.erasure.unreachable": (
        "onbereikbare cliënt: herbekijken {days} dagen na de laatste poging (het protocol "
        "zwijgt; termijn van de organisatie)"
    ),
    "register.erasure.file_to_open": (
        "cliënt die hulp wil, nog geen cliëntdossier: herbekijken {days} dagen na de laatste "
        "stap (lezing van de bibliotheek; het protocol zwijgt)"
    ),
    "register.erasure.open_file": (
        "open cliëntdossier: elke {days} dagen nagaan of het nog actief is (lezing van de "
        "bibliotheek; het protocol zwijgt)"
    ),
    "register.erasure.consent_withdrawn": (
        "toestemming ingetrokken voordat een cliëntdossier werd geopend: verwijderen (AVG "
        "art. 7, lid 3, en art. 17, lid 1, b)); een cliëntdossier blijft op de eigen "
        "rechtsgrond van het OCMW (A2-4, A3-6); lezing van de bibliotheek, het protocol zwijgt"
    ),
    "register.retention_period": (
        "tot er contact was en een duidelijk antwoord, elk wachtend dossier herbekeken binnen "
        "een vaste termijn; verwijderd bij weigering (lezing van de bibliotheek van AVG art. "
        "5, lid 1, e), geen bepaling van het protocol); {years} jaar na het afsluiten van een "
        "cliëntdossier"
    ),
    "register.storage_location": "in België; geen doorgifte naar een derde land",
    "register.storage_location.transfers": (
        "in België; doorgifte naar een derde land via verwerkers: {transfers}"
    ),
    "register.processor_agreement": "verwerkersovereenkomst (AVG art. 28) van {date}",
    "register.no_processor_agreement": "geen verwerkersovereenkomst (AVG art. 28) vastgelegd",
    "register.measure.encryption_in_transfer": (
        "de gegevens reizen versleuteld: AES-256 via 7-Zip, wachtwoord langs een ander kanaal"
    ),
    "register.measure.single_mailbox": "één vaste bestemmingsmailbox van de sociale dienst",
    "register.measure.professional_secrecy": (
        "afzender en ontvanger zijn gebonden door het beroepsgeheim"
    ),
    "register.measure.data_minimisation": (
        "enkel naam en contactgegevens; geen bijzondere of gerechtelijke gegevens, geen "
        "rijksregisternummer"
    ),
    "register.measure.security_policy": "informatieveiligheidsbeleid met een veiligheidsplan",
    "register.measure.security_plan": "veiligheidsplan",
    "register.measure.processor_agreements": (
        "enkel verwerkers met voldoende garanties, elk met een verwerkersovereenkomst "
        "(artikel 28 AVG), en een bijgehouden overzicht"
    ),
    "register.measure.breach_procedure": (
        "meldingsprocedure voor gegevenslekken via de functionarissen voor gegevensbescherming"
    ),
    "lint.DPO_ADVICE_MISSING": "het protocol vermeldt geen advies van de DPO van deze partij (E-1)",
    "lint.DPO_ADVICE_AFTER_ENTRY_INTO_FORCE": "de DPO gaf advies over het ontwerp nadat het protocol in werking trad (E-1)",
    "lint.DPO_OUTSIDE_PARTY_DOMAIN": "het adres van de DPO ligt niet in een e-maildomein van de partij (A9-4)",
    "lint.MAILBOX_OUTSIDE_RECIPIENT_DOMAIN": "de mailbox ligt niet in een e-maildomein van de ontvanger (A6-1, A6-3)",
    "lint.BRUSSELS_RECIPIENT_NOT_CAW": "in Brussel is CAW Brussel de ontvanger van zulke doorverwijzingen, geen OCMW (C-4)",
    "lint.CAW_OUTSIDE_BRUSSELS": "een CAW als ontvanger is enkel voorzien voor Brussel (C-4)",
    "lint.POSTCODE_OUTSIDE_FLANDERS": "postcode {postcode} ligt niet in Vlaanderen (1500-3999, 8000-9999) en niet in Brussel: het Vlaamse lokaal sociaal beleid geldt er niet (C-4, A2-4)",
    "lint.SIGNED_AFTER_ENTRY_INTO_FORCE": "deze handtekening is gedateerd na de inwerkingtreding: doorgiften tussen de inwerkingtreding en de ondertekening gebeuren vóór het protocol ondertekend is (A11-1)",
    "lint.TEAM_CHOSEN_BETWEEN_TITLE_AND_RECITAL": "de titel en overweging C noemen een ander lokaal team; dit protocol neemt het team in `team` (standaard dat van overweging C) als team van de afzender, een keuze en geen regel van de tekst: zet `team` op het team in `team_in_title` om het andere te kiezen (C-1)",
    "lint.ENDS_ON_ENTRY_INTO_FORCE": "het protocol eindigt op de dag dat het in werking treedt: het is nooit van toepassing (A11-1)",
    "lint.SEED_CORRECTED": "de ondertekende tekst is hier verbeterd: {reason}",
    "lint.REFERENCE_WITHOUT_TARGET": 'de ondertekende tekst verwijst met "{quote}" naar niets: ze noemt geen artikel en geen bijlage om na te lezen ({clause})',
    "lint.REFERENCE_WRONG_DIRECTION": 'de verwijzing "{quote}" wijst de verkeerde kant op: dat artikel staat aan de andere kant in de tekst ({clause})',
    "lint.REFERENCE_TO_MISSING_ANNEX": 'de verwijzing "{quote}" wijst naar een bijlage die niet in de ondertekende tekst staat ({clause})',
    "lint.REFERENCE_TO_MISSING_ARTICLE": 'de verwijzing "{quote}" wijst naar een artikel dat niet in de ondertekende tekst staat ({clause})',
    "lint.REFERENCE_TO_MISSING_POINT": 'de verwijzing "{quote}" wijst naar een punt dat niet in dat artikel staat ({clause})',
    "lint.SIGNED_TEXT_TOO_LONG": "de ondertekende tekst telt meer dan {limit} tekens en werd niet gelezen (D-1)",
    "lint.UNREADABLE": "het protocol is geen JSON-object",
}
"""Dutch templates by key; ``{name}`` placeholders are filled by :func:`~protocol_share._text.message`."""
