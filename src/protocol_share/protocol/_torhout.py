"""TORHOUT: the signed protocol between Opgroeien regie and OCMW Torhout, as data.

Every fact comes from the signed text (quoted clause by clause in the clause register,
``docs/clauses.md``). Its flaws are not copied silently; each is recorded in
``TORHOUT.corrections``:

- A9-4 prints Opgroeien regie's DPO address as ``dpo@opgroeien;be`` (a semicolon for a
  dot), which no mail system accepts. ``TORHOUT.sender.dpo_email`` is ``dpo@opgroeien.be``.
- The title names the local team "Westkust en Polder", recital C "lokaal team Kind en
  Gezin Torhout". The text does not say which prevails, so this is a choice the host can override:
  ``team`` (the sender team the rules check) is recital C's by default; ``team_in_title``
  keeps the title's wording; ``lint_protocol`` reports the choice.
- Art. 4 cites "artikel 2, 2°", art. 8 "artikel 5, 2°", art. 6 "artikel 2" for the data:
  none exists as cited; the data items and purposes here follow articles 2 and 3.
- The signatures for OCMW Torhout are dated 5/06/2024, after entry into force on
  18.04.2024: kept as signed; ``lint_protocol`` reports them.
- Opgroeien's DPO advised on 29/04/2024, after entry into force on 18.04.2024: kept as
  signed; ``lint_protocol`` reports it.
- Four cross-references point to nothing (``TORHOUT.text_flaws``, as
  ``lint_signed_text`` finds them in the signed text): recital C's "(zie lager)" (C-6: nothing
  below says how the client is informed), "(zie bijlage)" (the cooperation agreement of
  18.04.2024 is not annexed), art. 4's "artikel 2, 2°" and art. 8's "artikel 5, 2°" (neither
  article has numbered points). ``lint_protocol`` reports each.
- Recital C says "woonplaats" (domicile), art. 6 "verblijfplaats" (residence): the rules
  ask both to lie in the municipality (postcode and municipality name together); a
  referral names the domicile or the residence where it is not the contact address.

    >>> TORHOUT.mailbox
    'sociaal.huis@torhout.be'
    >>> TORHOUT.recipient.kbo, sorted(TORHOUT.postcodes)
    ('0212.175.523', ['8820'])
"""

from __future__ import annotations

from datetime import date

from protocol_share.clientdata._fields import DataItem
from protocol_share.protocol._parts import (
    Correction,
    DataItemSpec,
    LegalBasis,
    OnwardRecipient,
    Party,
    Purpose,
    Representative,
    RetentionTerms,
    Signature,
    TextFlaw,
)
from protocol_share.protocol._protocol import Protocol

__all__ = ["TORHOUT"]

_OPGROEIEN = Party(
    name="Opgroeien regie",
    kbo="0886.886.638",
    seat="Hallepoortlaan 27, 1060 Brussel",
    representatives=(
        Representative(
            name="Bruno Vanobbergen",
            title="leidend ambtenaar, waarnemend administrateur-generaal",
        ),
    ),
    dpo_email="dpo@opgroeien.be",
    dpo_advice_on=date(2024, 4, 29),
    email_domains=("opgroeien.be", "kindengezin.be"),
)

_OCMW_TORHOUT = Party(
    name="OCMW Torhout",
    kbo="0212 175 523",
    seat="Aartrijkestraat 11/B, 8820 Torhout",
    representatives=(
        Representative(name="Kristof Audenaert", title="voorzitter Vast Bureau"),
        Representative(name="Tom Vandenberghe", title="algemeen directeur"),
    ),
    dpo_email="kurt.persyn@torhout.be",
    dpo_advice_on=date(2024, 4, 18),
    email_domains=("torhout.be",),
)

TORHOUT = Protocol(
    protocol_id="opgroeien-regie-ocmw-torhout-2024",
    title=(
        "Protocol voor de elektronische mededeling van persoonsgegevens vanuit Opgroeien "
        "regie lokaal team Kind en Gezin Westkust en Polder naar OCMW Torhout"
    ),
    decree_basis="artikel 8, §1, decreet van 18 juli 2008 (elektronisch bestuurlijk gegevensverkeer)",
    sender=_OPGROEIEN,
    recipient=_OCMW_TORHOUT,
    recipient_kind="OCMW",
    team="lokaal team Kind en Gezin Torhout",
    team_in_title="lokaal team Kind en Gezin Westkust en Polder",
    municipality="Torhout",
    localities=frozenset({"Wijnendale"}),
    postcodes=frozenset({"8820"}),
    mailbox="sociaal.huis@torhout.be",
    data_items=(
        DataItemSpec(
            item=DataItem.NAME,
            clause="A3-1",
            justification_nl="Noodzakelijk om de cliënt te kunnen identificeren",
            justification_en="Needed to identify the client",
        ),
        # A3-2 gives the three contact details one justification.
        *(
            DataItemSpec(
                item=item,
                clause="A3-2",
                justification_nl="Noodzakelijk om de cliënt te kunnen contacteren",
                justification_en="Needed to contact the client",
            )
            for item in (DataItem.ADDRESS, DataItem.PHONE, DataItem.EMAIL)
        ),
    ),
    legal_bases=(
        LegalBasis(
            role="sharing",
            title_nl="decreet van 30 april 2004 (Opgroeien regie), ingevoegd door het decreet van 4 februari 2022",
            articles=("10/1",),
            clause="C-1",
        ),
        LegalBasis(
            role="original_collection",
            title_nl="decreet van 30 april 2004 (Opgroeien regie)",
            articles=("7",),
            clause="A2-1",
        ),
        LegalBasis(
            role="recipient_processing",
            title_nl="decreet van 9 februari 2018 betreffende het lokaal sociaal beleid",
            articles=("3", "4", "6", "9", "20"),
            clause="A2-4",
        ),
        LegalBasis(
            role="recipient_processing",
            title_nl="besluit van de Vlaamse Regering van 30 november 2018 betreffende het lokaal sociaal beleid",
            articles=("3", "4"),
            clause="A2-4",
        ),
        LegalBasis(
            role="recipient_processing",
            title_nl="organieke wet van 8 juli 1976 betreffende de OCMW's",
            clause="A2-4",
        ),
        LegalBasis(
            role="protocol",
            title_nl="decreet van 18 juli 2008 betreffende het elektronische bestuurlijke gegevensverkeer",
            articles=("8, §1",),
            clause="D-1",
        ),
    ),
    purposes=(
        Purpose(
            clause="C-2",
            text_nl=(
                "Het verhogen van de toegang tot de sociale hulp- en dienstverlening en het "
                "tegengaan van onderbescherming"
            ),
            text_en="Raising access to social assistance and services; countering under-protection",
        ),
        Purpose(
            clause="A2-1",
            text_nl="Preventieve gezinsondersteuning aan gezinnen en toekomstige ouders (oorspronkelijke inzameling)",
            text_en="Preventive family support for families and future parents (original collection)",
        ),
        Purpose(
            clause="A2-2",
            text_nl="Vraagverheldering en het zoeken naar de meest passende hulpverlening",
            text_en="Clarifying the request for help and finding the most fitting assistance",
        ),
    ),
    onward_recipients=(
        OnwardRecipient(
            kind="social_worker",
            clause="A4-1",
            requires_professional_secrecy=True,
            description_nl=(
                "de maatschappelijk werker van het OCMW die door het beroepsgeheim gebonden is "
                "en die concrete dienstverlening aan de cliënt zal aanbieden"
            ),
        ),
        OnwardRecipient(
            kind="breed_onthaal_actor",
            clause="A4-2",
            requires_professional_secrecy=False,
            description_nl=(
                "de actoren van het samenwerkingsverband geïntegreerd breed onthaal, met "
                "toepassing van de regels van het decreet van 9 februari 2018"
            ),
        ),
    ),
    retention=RetentionTerms(client_file_years=10, unreachable_review_days=90),
    collaboration_agreement_on=date(2024, 4, 18),
    in_force_from=date(2024, 4, 18),
    notice_months=6,
    governing_law="Belgisch recht",
    court="de bevoegde rechtbank in Brussel",
    signatures=(
        Signature(party="sender", signatory="Bruno Vanobbergen", role="administrateur-generaal"),
        Signature(
            party="recipient",
            signatory="Kristof Audenaert",
            role="voorzitter Vast Bureau",
            signed_on=date(2024, 6, 5),
        ),
        Signature(
            party="recipient",
            signatory="Tom Vandenberghe",
            role="algemeen directeur",
            signed_on=date(2024, 6, 5),
        ),
    ),
    corrections=(
        Correction(
            path="sender.dpo_email",
            signed_text="dpo@opgroeien;be",
            used="dpo@opgroeien.be",
            reason_nl="A9-4 heeft een puntkomma waar een punt hoort; het gedrukte adres kan geen mail ontvangen",
            reason_en="A9-4 has a semicolon for a dot; the printed address cannot receive mail",
        ),
        Correction(
            path="team",
            signed_text="lokaal team Kind en Gezin Westkust en Polder (title)",
            used="lokaal team Kind en Gezin Torhout",
            reason_nl="de titel en overweging C noemen verschillende teams; als keuze geldt dat van overweging C",
            reason_en="the title and recital C name different teams; recital C's is taken, a choice",
        ),
        Correction(
            path="data_items",
            signed_text="art. 4 'artikel 2, 2°', art. 6 'artikel 2', art. 8 'artikel 5, 2°'",
            used="the data items of article 3 and the purposes of article 2",
            reason_nl="de verwijzingen wijzen naar bepalingen die niet in de tekst staan",
            reason_en="the cross-references point at provisions that do not exist in the text",
        ),
        Correction(
            path="postcodes",
            signed_text="recital C 'woonplaats', art. 6 'verblijfplaats'",
            used="both the client's domicile and residence lie in the municipality (postcode and name)",
            reason_nl="de twee bepalingen noemen woonplaats en verblijfplaats; beide worden nagegaan",
            reason_en="the two clauses name domicile and residence; both are checked",
        ),
    ),
    text_flaws=(
        TextFlaw(code="REFERENCE_WITHOUT_TARGET", clause="C-6", quote="zie lager"),
        TextFlaw(code="REFERENCE_TO_MISSING_ANNEX", clause="D-1", quote="zie bijlage"),
        TextFlaw(code="REFERENCE_TO_MISSING_POINT", clause="A4-1", quote="artikel 2, 2°"),
        TextFlaw(code="REFERENCE_TO_MISSING_POINT", clause="A8-1", quote="artikel 5, 2°"),
    ),
)
