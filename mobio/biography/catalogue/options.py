"""The option lists of the questionnaire: language-neutral codes, labelled per language.

Labels of a list come from the catalogues as ``option.<list name>.<code>``, except where the
list has its own ``label`` function: countries (Babel's territory names) and languages
(Babel's language names, else ``language.<code>`` from the catalogues).
"""

from __future__ import annotations

from functools import cache

from babel import Locale

from mobio.biography.catalogue.model import OptionList
from mobio.i18n import INTERFACE_LANGUAGES, normalise_language, translate

SEX = OptionList("sex", ("female", "male", "diverse"))

MARITAL_STATUS = OptionList(
    "marital_status", ("single", "married", "partnership", "separated", "divorced", "widowed")
)

YES_NO_UNKNOWN = OptionList("yes_no_unknown", ("yes", "no", "unknown"))

CEFR_LEVELS = OptionList("cefr_level", ("none", "a1", "a2", "b1", "b2", "c1", "c2"))
"""Common European Framework of Reference levels; ``none`` for no knowledge yet."""

LITERACY = OptionList(
    "literacy", ("literate_latin", "literate_other_script", "partly", "not_literate")
)

SCHOOL_TYPES = OptionList(
    "school_type",
    (
        "primary",
        "secondary",
        "gymnasium",
        "vocational_school",
        "vocational_preparation",  # e.g. VABO/VAB, classes preparing for work or training
        "preparatory_class",  # Vorbereitungsklasse for pupils new to German
        "special_needs_school",
        "adult_education",  # second-chance schooling, evening school
        "other",
    ),
)
"""Kinds of school in Germany and abroad."""

SCHOOL_CERTIFICATES = OptionList(
    "school_certificate",
    (
        "none",
        "primary",
        "lower_secondary",  # Hauptschulabschluss level
        "intermediate",  # mittlerer Schulabschluss level
        "entrance_applied_sciences",  # Fachhochschulreife level
        "university_entrance",  # Abitur level
        "other",
    ),
)
"""School leaving certificates, by the level they correspond to."""

TRAINING_STATUS = OptionList(
    "training_status", ("none", "in_progress", "discontinued", "completed")
)
"""Whether someone has been in vocational training or at university, and how far."""

UNIVERSITY_DEGREES = OptionList(
    "university_degree",
    ("bachelor", "master", "diploma", "state_examination", "doctorate", "other"),
)

RECOGNITION_STATUS = OptionList(
    "recognition_status", ("not_started", "applied", "partial", "full", "refused", "not_needed")
)

OCCUPATION_FIELDS = OptionList(
    "occupation_field",
    (
        "agriculture",
        "construction",
        "craft_trades",
        "manufacturing",
        "metal_electrical",
        "automotive",
        "food_production",
        "hospitality",
        "retail",
        "logistics",
        "transport",
        "cleaning",
        "healthcare_care",
        "education",
        "administration",
        "it",
        "engineering_science",
        "personal_services",
        "arts_media",
        "security",
        "other",
    ),
)
"""Broad occupational fields, close to the groups the employment agency uses."""

EMPLOYMENT_KINDS = OptionList(
    "employment_kind",
    (
        "employed",
        "self_employed",
        "family_business",
        "internship",
        "apprenticeship",
        "mini_job",
        "voluntary",
    ),
)

COURSE_KINDS = OptionList(
    "course_kind",
    (
        "integration_course",
        "literacy_course",
        "youth_course",
        "job_related_course",  # Berufssprachkurs
        "initial_orientation_course",
        "state_funded_course",
        "volunteer_course",
        "other",
    ),
)

INTEGRATION_COURSE_ACCESS = OptionList(
    "integration_course_access", ("entitled", "obliged", "applied", "not_entitled", "unknown")
)
"""Whether someone may or must attend an integration course (BAMF admission)."""

TIMES_OF_DAY = OptionList("time_of_day", ("morning", "afternoon", "evening", "weekend"))

DRIVING_LICENCE_CLASSES = OptionList(
    "driving_licence_class",
    ("am", "a1", "a2", "a", "b", "be", "c1", "c", "ce", "d", "t", "l", "foreign_licence"),
)
"""German (EU) driving licence classes, and a licence issued abroad."""

LICENCE_CONVERSION = OptionList(
    "licence_conversion", ("no_foreign_licence", "converted", "applied", "not_converted")
)

HOUSING_SITUATIONS = OptionList(
    "housing_situation",
    (
        "reception_centre",
        "temporary_accommodation",
        "follow_up_accommodation",
        "own_flat",
        "shared_flat",
        "with_relatives",
        "other",
    ),
)

CHILDCARE_STATUS = OptionList(
    "childcare_status", ("daycare", "childminder", "school", "none_needed", "needed_not_found")
)

RESIDENCE_STATUS = OptionList(
    "residence_status",
    (
        "asylum_pending",
        "recognised_refugee",
        "subsidiary_protection",
        "national_ban_on_deportation",
        "temporary_protection",
        "tolerated",
        "residence_permit_other",
        "eu_citizen",
        "other",
    ),
)

WORK_PERMIT = OptionList(
    "work_permit", ("allowed", "allowed_with_permission", "not_allowed", "unknown")
)

EMPLOYMENT_REGISTRATION = OptionList(
    "employment_registration", ("job_centre", "employment_agency", "none", "unknown")
)

RELATIVES = OptionList("relative", ("partner", "children", "parents", "siblings", "other"))

FAMILY_REUNIFICATION = OptionList(
    "family_reunification", ("not_planned", "planned", "applied", "granted", "refused")
)

QUALIFICATION_LEVELS = OptionList(
    "qualification_level",
    ("none", "school_certificate", "vocational_training", "university_degree"),
)
"""The highest qualification, in one step (for the partner's page)."""

EDUCATION_GOALS = OptionList(
    "education_goal",
    ("school_certificate", "vocational_training", "university", "further_training"),
)

WORKING_TIME = OptionList("working_time", ("full_time", "part_time", "either"))

TRANSPORT_MEANS = OptionList(
    "transport_means", ("public_transport", "bicycle", "car", "motorbike", "on_foot")
)

DISABILITY_CARD = OptionList("disability_card", ("none", "applied", "granted"))

DIGITAL_ACCESS = OptionList(
    "digital_access", ("smartphone", "computer", "internet_at_home", "email_address")
)


# Countries: ISO 3166-1 alpha-2, named by Babel (CLDR) in the reader's language.

_NOT_COUNTRIES = frozenset(
    {
        "ZZ",  # unknown region
        "EU",  # European Union
        "EZ",  # euro area
        "UN",  # United Nations
        "QO",  # outlying Oceania
        "XA",  # pseudo-locales
        "XB",
        # exceptionally reserved codes, parts of other countries: Ascension, Clipperton,
        # Sark, Diego Garcia, Ceuta and Melilla, Canary Islands, Tristan da Cunha
        "AC",
        "CP",
        "CQ",
        "DG",
        "EA",
        "IC",
        "TA",
    }
)
"""Babel's two-letter territories that are not countries. Kosovo (XK) stays: it is not in
ISO 3166-1 but used by the EU and German authorities, and newcomers come from there."""


@cache
def _locale(language: str) -> Locale:
    return Locale.parse(normalise_language(language))


STATELESS = "XXA"  # ICAO's code for stateless persons; common among refugees
UNCLEAR_NATIONALITY = "XXX"  # ICAO's "unspecified": nationality not (yet) established
_NO_COUNTRY = (STATELESS, UNCLEAR_NATIONALITY)


def _country_label(language: str, code: str) -> str:
    if code in _NO_COUNTRY:
        return translate(language, f"option.country.{code}")
    return str(_locale(language).territories[code])


def _country_codes() -> tuple[str, ...]:
    territories = (code for code in Locale.parse("en").territories if isinstance(code, str))
    return (
        tuple(
            sorted(
                code
                for code in territories
                if len(code) == 2 and code.isalpha() and code not in _NOT_COUNTRIES
            )
        )
        + _NO_COUNTRY
    )


COUNTRIES = OptionList("country", _country_codes(), label=_country_label)


# Languages: ISO 639 codes (639-1 where it has one, else 639-3) used by newcomers.

LANGUAGE_CODES: tuple[str, ...] = (
    "ar",
    "fa",
    "prs",  # Dari
    "ps",
    "ku",
    "kmr",  # Kurmanji
    "ckb",  # Sorani
    "tr",
    "az",
    "hy",
    "ka",
    "ti",
    "am",
    "so",
    "om",
    "ur",
    "pa",
    "hi",
    "bn",
    "ta",
    "ru",
    "uk",
    "ro",
    "bg",
    "pl",
    "sq",
    "sr",
    "hr",
    "bs",
    "mk",
    "el",
    "rom",  # Romani
    "es",
    "fr",
    "en",
    "de",
    "it",
    "pt",
    "zh",
    "vi",
    "th",
    "sw",
    "ha",
    "yo",
    "ig",
    "wo",
    "ff",
    "mnk",  # Mandinka
    "ln",
    "mis",  # ISO 639-2 "uncoded languages": a language not in this list
)


def language_message_id(code: str) -> str:
    """The catalogue id of a language Babel cannot name."""
    return f"language.{code}"


def _language_label(language: str, code: str) -> str:
    name = _locale(language).languages.get(code)
    if not name:
        return translate(language, language_message_id(code))
    # CLDR's context for lists and menus: first letter upper case ("kurde" -> "Kurde").
    return str(name[:1].upper() + name[1:])


LANGUAGES = OptionList("language", LANGUAGE_CODES, label=_language_label)


def babel_lacks(code: str) -> bool:
    """Whether Babel cannot name the language ``code`` in some interface language."""
    return any(not _locale(lang).languages.get(code) for lang in INTERFACE_LANGUAGES)


OPTION_LISTS: tuple[OptionList, ...] = (
    SEX,
    MARITAL_STATUS,
    YES_NO_UNKNOWN,
    CEFR_LEVELS,
    LITERACY,
    SCHOOL_TYPES,
    SCHOOL_CERTIFICATES,
    TRAINING_STATUS,
    UNIVERSITY_DEGREES,
    RECOGNITION_STATUS,
    OCCUPATION_FIELDS,
    EMPLOYMENT_KINDS,
    COURSE_KINDS,
    INTEGRATION_COURSE_ACCESS,
    TIMES_OF_DAY,
    DRIVING_LICENCE_CLASSES,
    LICENCE_CONVERSION,
    HOUSING_SITUATIONS,
    CHILDCARE_STATUS,
    RESIDENCE_STATUS,
    WORK_PERMIT,
    EMPLOYMENT_REGISTRATION,
    RELATIVES,
    FAMILY_REUNIFICATION,
    QUALIFICATION_LEVELS,
    EDUCATION_GOALS,
    WORKING_TIME,
    TRANSPORT_MEANS,
    DISABILITY_CARD,
    DIGITAL_ACCESS,
    COUNTRIES,
    LANGUAGES,
)
"""Every option list, for labels and tests."""
