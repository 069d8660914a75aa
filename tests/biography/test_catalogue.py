"""The questionnaire catalogue: its shape, its packages, its labels and its own check."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from functools import cache

import pytest
from babel.messages.pofile import read_po

from mobio.biography.catalogue import BY_CODE, QUESTIONS, check_catalogue, questions_for
from mobio.biography.catalogue.common import BOOLEAN_CODES
from mobio.biography.catalogue.labels import (
    option_label,
    option_message_id,
    question_label,
    question_message_id,
    section_label,
    section_message_id,
)
from mobio.biography.catalogue.model import (
    Condition,
    Kind,
    OptionList,
    Question,
    Section,
    Subject,
    Visibility,
)
from mobio.biography.catalogue.options import (
    COUNTRIES,
    LANGUAGES,
    OPTION_LISTS,
    babel_lacks,
    language_message_id,
)
from mobio.i18n import INTERFACE_LANGUAGES, LOCALES_DIR
from mobio.packages import Package

PERSONAL_PAGE = ("family_name", "given_name", "sex", "date_of_birth", "nationality")
ARABIC_SCRIPT = re.compile(r"[\u0600-\u06ff]")
ARABIC_ONLY_LETTERS = re.compile(r"[\u064a\u0643]")  # ي ك: Persian writes ی ک
PERSIAN_ONLY_LETTERS = re.compile(r"[\u06cc\u06a9\u06af\u067e\u0686\u0698]")  # ی ک گ پ چ ژ
SNAKE_CASE = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*")


@cache
def catalogue_texts(language: str) -> dict[str, str]:
    """One language's own catalogue, without the German fallback of ``translate``."""
    with (LOCALES_DIR / language / "LC_MESSAGES" / "mobio.po").open("rb") as po_file:
        return {str(m.id): str(m.string) for m in read_po(po_file) if m.id}


def entry_fields() -> Iterator[tuple[Question, Question]]:
    """Every (entry question, field) pair of the catalogue."""
    for question in QUESTIONS:
        for entry_field in question.fields:
            yield question, entry_field


def all_labels(language: str) -> Iterator[tuple[str, str]]:
    """(what, label) for every question, entry field, option and section in ``language``."""
    for section in Section:
        yield section_message_id(section), section_label(section, language)
    for question in QUESTIONS:
        yield question.message_id, question_label(question, language)
    for parent, entry_field in entry_fields():
        yield (
            question_message_id(entry_field, parent),
            question_label(entry_field, language, parent),
        )
    for options in OPTION_LISTS:
        for code in options.codes:
            yield f"{options.name}.{code}", option_label(options, code, language)


def catalogue_message_ids() -> Iterator[str]:
    """Every message id the questionnaire takes from the catalogues."""
    yield from (section_message_id(section) for section in Section)
    yield from (question.message_id for question in QUESTIONS)
    yield from (question_message_id(f, parent) for parent, f in entry_fields())
    for options in OPTION_LISTS:
        if options.label is None:
            yield from (option_message_id(options, code) for code in options.codes)
    yield from (language_message_id(code) for code in LANGUAGES.codes if babel_lacks(code))


def package_questions(package: Package) -> dict[str, Question]:
    return {q.code: q for q in QUESTIONS if package in q.packages}


# --- the catalogue as defined ---------------------------------------------------------------


def test_the_catalogue_passes_its_check() -> None:
    # given the catalogue as defined (checked once already at import)
    # when it is checked again explicitly
    check_catalogue()
    check_catalogue(QUESTIONS)
    # then nothing is raised, and the index has every top-level question
    assert list(BY_CODE) == [q.code for q in QUESTIONS]


def test_the_catalogue_has_a_realistic_number_of_questions() -> None:
    # given the top-level questions
    count = len(QUESTIONS)
    # then there are between 60 and 100 of them
    assert 60 <= count <= 100


@pytest.mark.parametrize("section", list(Section))
def test_every_section_asks_the_newcomer(section: Section) -> None:
    # when asking for the newcomer's questions of one section
    questions = questions_for(section, Subject.NEWCOMER)
    # then there are some, all of that section and on the newcomer's page
    assert questions
    assert all(q.section is section and Subject.NEWCOMER in q.subjects for q in questions)


def test_questions_come_in_section_order() -> None:
    # given the position of each question's section
    order = [list(Section).index(q.section) for q in QUESTIONS]
    # then the catalogue runs through the sections in order
    assert order == sorted(order)


def test_the_personal_page_is_the_same_five_write_once_questions_for_everyone() -> None:
    # given the personal-page questions
    page = [BY_CODE[code] for code in PERSONAL_PAGE]
    # then each is write-once, basic, on every page and in every package
    for question in page:
        assert question.write_once, question.code
        assert question.section is Section.PERSONAL
        assert question.subjects == frozenset(Subject)
        assert question.visibility is Visibility.BASIC
        assert question.packages == frozenset(Package)
    assert BY_CODE["family_name"].max_length == BY_CODE["given_name"].max_length == 120
    # and a partner's or child's personal page is exactly these five
    for subject in (Subject.PARTNER, Subject.CHILD):
        assert [q.code for q in questions_for(Section.PERSONAL, subject)] == list(PERSONAL_PAGE)
    # and nothing else is write-once
    assert {q.code for q in QUESTIONS if q.write_once} == set(PERSONAL_PAGE)


def test_partner_and_child_questions_live_in_their_sections() -> None:
    # given the questions on partners' and children's pages beyond the personal page
    for subject in (Subject.PARTNER, Subject.CHILD):
        sections = {
            q.section for q in QUESTIONS if subject in q.subjects and q.code not in PERSONAL_PAGE
        }
        # then they are spread over the sections they belong to, not all in family
        assert Section.FAMILY in sections
        assert Section.EDUCATION in sections
    assert BY_CODE["child_attends_school"].section is Section.EDUCATION
    assert BY_CODE["partner_german_level"].section is Section.LANGUAGE


def test_conditions_name_an_earlier_choice_or_boolean_of_the_same_page() -> None:
    # given every conditional question
    seen: dict[str, Question] = {}
    for question in QUESTIONS:
        condition = question.shown_if
        if condition is not None:
            # then its condition names an earlier question it can follow
            target = seen[condition.question]
            assert target.section is question.section
            assert question.subjects <= target.subjects
            assert target.kind in (Kind.CHOICE, Kind.BOOLEAN)
            allowed = (
                BOOLEAN_CODES
                if target.kind is Kind.BOOLEAN
                else frozenset(target.options.codes if target.options else ())
            )
            assert condition.codes <= allowed, question.code
        seen[question.code] = question


def test_entry_fields_are_flat_and_inherit_access() -> None:
    # given every field of every entry question
    for parent, entry_field in entry_fields():
        # then it is a plain answer in its entry's section, with no access of its own
        assert entry_field.kind is not Kind.ENTRIES
        assert entry_field.section is parent.section
        assert not entry_field.packages
        assert entry_field.visibility is Visibility.CASEWORK
        assert not entry_field.write_once
    # and the entry questions the caseworkers expect are there
    assert {p.code for p in QUESTIONS if p.kind is Kind.ENTRIES} >= {
        "other_languages",
        "language_courses",
        "vocational_trainings",
        "university_studies",
        "work_experience",
    }


# --- packages -------------------------------------------------------------------------------


def test_no_health_question_is_in_any_package() -> None:
    # given the health questions
    health = [q for q in QUESTIONS if q.visibility is Visibility.PRIVATE_HEALTH]
    # then there are some, in the living environment, and none is in a package
    assert health
    assert all(q.section is Section.LIVING for q in health)
    assert all(not q.packages for q in health)


@pytest.mark.parametrize("package", list(Package))
def test_each_package_has_the_personal_page_and_no_health_data(package: Package) -> None:
    # given the questions a package carries
    carried = package_questions(package)
    # then they include the personal page and no health question
    assert set(PERSONAL_PAGE) <= set(carried)
    assert not [q for q in carried.values() if q.visibility is Visibility.PRIVATE_HEALTH]


@pytest.mark.parametrize("package", list(Package))
def test_a_package_carries_what_its_conditional_questions_depend_on(package: Package) -> None:
    # given the conditional questions of a package
    carried = package_questions(package)
    for question in carried.values():
        # then the question each depends on is in the package too, so the answer reads right
        if question.shown_if is not None:
            assert question.shown_if.question in carried, (package, question.code)


def test_packages_follow_the_design_table() -> None:
    # given what each package carries, by section
    def sections(package: Package) -> set[Section]:
        on_child_pages = {q.section for q in QUESTIONS if package in q.child_packages}
        return {q.section for q in package_questions(package).values()} | on_child_pages

    # then no package reaches a section the design does not give it
    assert sections(Package.EMPLOYMENT) == set(Section)
    assert sections(Package.EMPLOYER) == set(Section) - {Section.FAMILY}
    assert sections(Package.LANGUAGE_SCHOOL) == {
        Section.PERSONAL,
        Section.LANGUAGE,
        Section.EDUCATION,
    }
    assert sections(Package.CHAMBERS) == {
        Section.PERSONAL,
        Section.LANGUAGE,
        Section.EDUCATION,
        Section.OCCUPATION,
    }
    assert sections(Package.LANGUAGE_COURSE_COORDINATION) == {
        Section.PERSONAL,
        Section.FAMILY,
        Section.LANGUAGE,
    }
    # and the family data in packages is the overview the table names
    assert {q.code for q in QUESTIONS if q.section is Section.FAMILY and q.packages} == {
        "marital_status",
        "number_of_children",
    }
    # and of the children's pages only their ages (job centre, course coordination) and
    # childcare (course coordination); no partner's page is in any package
    assert {q.code: q.child_packages for q in QUESTIONS if q.child_packages} == {
        "date_of_birth": {Package.EMPLOYMENT, Package.LANGUAGE_COURSE_COORDINATION},
        "childcare_status": {Package.LANGUAGE_COURSE_COORDINATION},
    }
    # and the driving licence goes to the job centre and employers only
    assert BY_CODE["has_driving_licence"].packages == {Package.EMPLOYMENT, Package.EMPLOYER}
    # and every language level is in every package
    assert BY_CODE["german_level"].packages == frozenset(Package)
    assert BY_CODE["other_languages"].packages == frozenset(Package)


# --- labels ---------------------------------------------------------------------------------


@pytest.mark.parametrize("language", INTERFACE_LANGUAGES)
def test_every_message_id_is_in_each_catalogue(language: str) -> None:
    # given one language's own catalogue (no German fallback)
    texts = catalogue_texts(language)
    # then every id the questionnaire uses has a real text there
    missing = sorted(i for i in set(catalogue_message_ids()) if not texts.get(i, "").strip())
    assert missing == []


@pytest.mark.parametrize("language", INTERFACE_LANGUAGES)
def test_everything_has_a_label_in_each_language(language: str) -> None:
    # when labelling every question, entry field, option and section
    labels = list(all_labels(language))
    # then each label is real text, not an id or a bare code
    for what, label in labels:
        assert label.strip(), what
        assert label != what and not label.startswith(("question.", "option.", "section.")), what
        assert label != what.rsplit(".", 1)[-1] or label.isupper(), what


@pytest.mark.parametrize("language", ["ar", "fa"])
def test_arabic_and_farsi_labels_are_in_their_scripts(language: str) -> None:
    # given every label in Arabic or Farsi
    for what, label in all_labels(language):
        # then it is written in Arabic script
        assert ARABIC_SCRIPT.search(label), (what, label)
        # and with the letters of that language
        wrong = ARABIC_ONLY_LETTERS if language == "fa" else PERSIAN_ONLY_LETTERS
        assert not wrong.search(label), (what, label)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_texts_are_translated_not_copied_from_german(language: str) -> None:
    # given the questionnaire's German texts and those of another Latin-script language
    ids = set(catalogue_message_ids())
    german, other = catalogue_texts("de"), catalogue_texts(language)
    # then most differ (a few, like "Minijob" or "Smartphone", are the same word)
    same = sorted(i for i in ids if german[i] == other[i])
    assert len(same) < len(ids) // 20, same


def test_countries_are_iso_codes_named_by_babel() -> None:
    # given the country list
    codes = set(COUNTRIES.codes)
    # then it has two-letter ISO codes of real countries, Kosovo included
    assert {"DE", "SY", "AF", "IQ", "ER", "UA", "TR", "XK"} <= codes
    assert not codes & {"ZZ", "EU", "EZ", "UN", "QO", "XA", "XB"}
    # ... plus ICAO's codes for stateless (XXA) and not established (XXX)
    assert {"XXA", "XXX"} <= codes
    assert all(len(code) == 2 and code.isupper() for code in codes - {"XXA", "XXX"})
    assert 240 <= len(codes) <= 260
    assert option_label(COUNTRIES, "XXA", "de") == "Staatenlos"
    # and is named in the reader's language
    assert option_label(COUNTRIES, "DE", "de") == "Deutschland"
    assert option_label(COUNTRIES, "DE", "fr") == "Allemagne"
    assert option_label(COUNTRIES, "SY", "en") == "Syria"


def test_languages_are_named_by_babel_or_the_catalogues() -> None:
    # given languages Babel knows and languages it does not
    # then both have names, from Babel first
    assert option_label(LANGUAGES, "ar", "de") == "Arabisch"
    assert option_label(LANGUAGES, "ti", "en") == "Tigrinya"
    assert option_label(LANGUAGES, "ckb", "fr") == "Sorani"
    assert option_label(LANGUAGES, "prs", "de") == "Dari"
    assert option_label(LANGUAGES, "kmr", "en").startswith("Kurmanji")
    assert option_label(LANGUAGES, "mnk", "fa") == "ماندینکا"
    # and the list covers the languages newcomers bring
    assert {"ar", "fa", "prs", "ps", "kmr", "ckb", "ti", "so", "ur", "uk", "ru", "tr"} <= set(
        LANGUAGES.codes
    )
    assert 40 <= len(LANGUAGES.codes) <= 55


def test_option_codes_are_language_neutral() -> None:
    # given the lists labelled by the catalogues
    for options in OPTION_LISTS:
        if options.label is None:
            # then their names and codes are snake_case and unique
            assert SNAKE_CASE.fullmatch(options.name)
            assert all(SNAKE_CASE.fullmatch(code) for code in options.codes), options.name
            assert len(set(options.codes)) == len(options.codes)
    # and list names are unique, so message ids cannot clash
    names = [options.name for options in OPTION_LISTS]
    assert len(names) == len(set(names))


def test_an_unknown_option_has_no_label() -> None:
    # when asking for the label of a code a list does not have
    # then it is refused
    with pytest.raises(ValueError, match="not an option"):
        option_label(COUNTRIES, "XX", "de")


# --- the check rejects each kind of mistake -------------------------------------------------

YES_NO = OptionList("yes_no_test", ("yes", "no"))


def question(code: str, section: Section = Section.FAMILY, kind: Kind = Kind.BOOLEAN) -> Question:
    return Question(code, section, kind)


def choice(code: str, section: Section = Section.FAMILY) -> Question:
    return Question(code, section, Kind.CHOICE, options=YES_NO)


def entries(code: str, *fields: Question, section: Section = Section.FAMILY) -> Question:
    return Question(code, section, Kind.ENTRIES, fields=fields)


SOUND = (
    Question("name", Section.PERSONAL, Kind.TEXT, write_once=True),
    choice("has_partner"),
    question("partner_here"),
    replace(question("sees_partner"), shown_if=Condition("partner_here", frozenset({"true"}))),
    replace(choice("likes"), shown_if=Condition("has_partner", frozenset({"yes"}))),
    entries("jobs", question("paid"), Question("title", Section.FAMILY, Kind.TEXT)),
)

MISTAKES: dict[str, tuple[tuple[Question, ...], str]] = {
    "duplicate top-level code": ((question("a"), question("a")), "duplicate code"),
    "same code in two sections": (
        (question("a", Section.FAMILY), question("a", Section.LIVING)),
        "duplicate code",
    ),
    "duplicate field code": (
        (entries("jobs", question("paid"), question("paid")),),
        "duplicate field code",
    ),
    "code not snake_case": ((question("HasPartner"),), "snake_case"),
    "code with a trailing underscore": ((question("has_partner_"),), "snake_case"),
    "code too long": ((question("a" * 41),), "snake_case of at most 40"),
    "field code not snake_case": ((entries("jobs", question("Paid")),), "snake_case"),
    "condition on an unknown question": (
        (replace(question("a"), shown_if=Condition("nowhere", frozenset({"true"}))),),
        "unknown question",
    ),
    "condition on a later question": (
        (
            replace(question("a"), shown_if=Condition("b", frozenset({"true"}))),
            question("b"),
        ),
        "later question",
    ),
    "condition on itself": (
        (replace(question("a"), shown_if=Condition("a", frozenset({"true"}))),),
        "later question",
    ),
    "condition on another section": (
        (
            question("b", Section.PERSONAL),
            replace(question("a"), shown_if=Condition("b", frozenset({"true"}))),
        ),
        "another section",
    ),
    "condition on an unknown code": (
        (choice("b"), replace(question("a"), shown_if=Condition("b", frozenset({"maybe"})))),
        "unknown code(s) maybe",
    ),
    "condition on a boolean with a choice code": (
        (question("b"), replace(question("a"), shown_if=Condition("b", frozenset({"yes"})))),
        "unknown code(s) yes",
    ),
    "condition without codes": (
        (question("b"), replace(question("a"), shown_if=Condition("b", frozenset()))),
        "unknown code(s)",
    ),
    "condition on a text question": (
        (
            Question("b", Section.FAMILY, Kind.TEXT),
            replace(question("a"), shown_if=Condition("b", frozenset({"x"}))),
        ),
        "a text question",
    ),
    "condition on another page": (
        (
            Question("b", Section.FAMILY, Kind.BOOLEAN, subjects=frozenset({Subject.CHILD})),
            replace(question("a"), shown_if=Condition("b", frozenset({"true"}))),
        ),
        "not asked on the same pages",
    ),
    "condition on a later field": (
        (
            entries(
                "jobs",
                replace(question("paid"), shown_if=Condition("full", frozenset({"true"}))),
                question("full"),
            ),
        ),
        "later question",
    ),
    "choice without options": ((question("a", kind=Kind.CHOICE),), "choice without options"),
    "multi-choice without options": (
        (question("a", kind=Kind.MULTI_CHOICE),),
        "multi_choice without options",
    ),
    "choice with an empty list": (
        (Question("a", Section.FAMILY, Kind.CHOICE, options=OptionList("empty", ())),),
        "choice without options",
    ),
    "options on a text question": (
        (Question("a", Section.FAMILY, Kind.TEXT, options=YES_NO),),
        "options on a text question",
    ),
    "options on a boolean field": (
        (entries("jobs", Question("paid", Section.FAMILY, Kind.BOOLEAN, options=YES_NO)),),
        "options on a boolean question",
    ),
    "two lists with one name": (
        (
            choice("a"),
            Question("b", Section.FAMILY, Kind.CHOICE, options=OptionList("yes_no_test", ("yes",))),
        ),
        "two different option lists",
    ),
    "health data in a package": (
        (
            Question(
                "a",
                Section.LIVING,
                Kind.BOOLEAN,
                visibility=Visibility.PRIVATE_HEALTH,
                packages=frozenset({Package.EMPLOYER}),
            ),
        ),
        "health data in a package",
    ),
    "write_once outside the personal section": (
        (replace(question("a"), write_once=True),),
        "write_once outside the personal section",
    ),
    "entries without fields": ((entries("jobs"),), "entries without fields"),
    "nested entries": ((entries("jobs", entries("tasks", question("done"))),), "nested"),
    "fields on a non-entries question": (
        (replace(question("a"), fields=(question("b"),)),),
        "fields on a boolean question",
    ),
    "field with its own packages": (
        (entries("jobs", replace(question("paid"), packages=frozenset({Package.EMPLOYER}))),),
        "inherits",
    ),
    "field with its own visibility": (
        (entries("jobs", replace(question("paid"), visibility=Visibility.BASIC)),),
        "inherits",
    ),
    "field in another section": (
        (entries("jobs", question("paid", Section.LIVING)),),
        "another section than its entry",
    ),
    "number bounds the wrong way round": (
        (Question("a", Section.FAMILY, Kind.NUMBER, minimum=5, maximum=1),),
        "minimum above maximum",
    ),
    "no subjects": (
        (Question("a", Section.FAMILY, Kind.BOOLEAN, subjects=frozenset()),),
        "no subjects",
    ),
    "sections out of order": (
        (question("a", Section.LIVING), question("b", Section.PERSONAL)),
        "out of section order",
    ),
}


def test_a_sound_small_catalogue_passes() -> None:
    # given a small catalogue that makes none of the mistakes below
    # when it is checked, then nothing is raised
    check_catalogue(SOUND)


@pytest.mark.parametrize("mistake", list(MISTAKES))
def test_the_check_rejects_each_kind_of_mistake(mistake: str) -> None:
    # given a small catalogue with one mistake
    questions, message = MISTAKES[mistake]
    # when it is checked, then the check says what is wrong
    with pytest.raises(ValueError, match=re.escape(message)):
        check_catalogue(questions)


def test_the_check_reports_every_mistake_at_once() -> None:
    # given a catalogue with two unrelated mistakes
    questions = (question("a"), question("a"), entries("jobs"))
    # when it is checked, then both are reported together
    with pytest.raises(ValueError, match=r"duplicate code.*entries without fields"):
        check_catalogue(questions)
