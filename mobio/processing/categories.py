"""The categories of personal data and of data subjects the record names (Art. 30(1)(c))."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from mobio.processing.text import Text


class Subject(StrEnum):
    """Categories of data subjects."""

    NEWCOMER = "newcomer"
    FAMILY_MEMBER = "family_member"
    STAFF = "staff"
    STAKEHOLDER_RECIPIENT = "stakeholder_recipient"


SUBJECTS: dict[Subject, Text] = {
    Subject.NEWCOMER: Text(
        "Neuzugewanderte und Geflüchtete mit eigenem Konto oder einem von Fachkräften "
        "angelegten Profil",
        "Newcomers and refugees with an account of their own or a profile created by caseworkers",
    ),
    Subject.FAMILY_MEMBER: Text(
        "Partnerinnen, Partner und Kinder der Neuzugewanderten (ohne eigenes Konto)",
        "Partners and children of newcomers (without an account of their own)",
    ),
    Subject.STAFF: Text(
        "Fachkräfte der Teams (Sozialberatung, Integrationsmanagement, "
        "Integrationsbeauftragte) und Administration",
        "Staff of the teams (social counselling, integration management, integration "
        "offices) and administrators",
    ),
    Subject.STAKEHOLDER_RECIPIENT: Text(
        "Empfangende eines Freigabe-Links (nur die E-Mail-Adresse)",
        "Recipients of a release link (their e-mail address only)",
    ),
}


class DataCategory(StrEnum):
    """Every category a protected field of the schema can belong to."""

    IDENTITY = "identity"
    FAMILY = "family"
    LANGUAGE = "language"
    EDUCATION = "education"
    OCCUPATION = "occupation"
    LIVING = "living"
    HEALTH = "health"
    DOCUMENTS = "documents"
    PRIVATE_NOTES = "private_notes"
    ANSWER_LOG = "answer_log"
    ACCESS_LOG = "access_log"
    RELEASES = "releases"
    GOALS = "goals"
    CASE_NOTES = "case_notes"
    HAND_OVER = "hand_over"
    CORRECTIONS = "corrections"
    CASELOAD = "caseload"
    EVALUATION = "evaluation"
    RESEARCH = "research"
    ACCOUNT = "account"
    STAFF = "staff"
    ORGANISATION = "organisation"


@dataclass(frozen=True, slots=True)
class CategoryDeclaration:
    """What a category holds and whose data it is."""

    name: Text
    description: Text
    subjects: tuple[Subject, ...]
    special: bool = False
    """A special category of personal data (Art. 9 GDPR)."""


_N, _F, _S = Subject.NEWCOMER, Subject.FAMILY_MEMBER, Subject.STAFF

CATEGORIES: dict[DataCategory, CategoryDeclaration] = {
    DataCategory.IDENTITY: CategoryDeclaration(
        Text("Personalien", "Identity"),
        Text(
            "Name, Vorname, Geschlecht, Geburtsdatum, Staatsangehörigkeit und die übrigen "
            "Fragen der Rubrik „Persönliche Daten“; dazu die Kennung des Profils.",
            "Family name, given name, sex, date of birth, nationality and the other "
            "questions of the section “personal data”; the profile's identifier.",
        ),
        (_N, _F),
    ),
    DataCategory.FAMILY: CategoryDeclaration(
        Text("Familie", "Family"),
        Text(
            "Familienstand, Partnerin oder Partner, Kinder und deren eigene Seiten.",
            "Marital status, partner, children and their own pages.",
        ),
        (_N, _F),
    ),
    DataCategory.LANGUAGE: CategoryDeclaration(
        Text("Sprache", "Language"),
        Text(
            "Alphabetisierung, Muttersprachen, Sprachniveaus, besuchte und gewünschte Kurse.",
            "Literacy, mother tongues, language levels, courses attended and wished for.",
        ),
        (_N, _F),
    ),
    DataCategory.EDUCATION: CategoryDeclaration(
        Text("Bildung", "Education"),
        Text(
            "Schule, Berufsausbildung, Studium, Anerkennung ausländischer Abschlüsse.",
            "School, vocational training, university, recognition of foreign degrees.",
        ),
        (_N, _F),
    ),
    DataCategory.OCCUPATION: CategoryDeclaration(
        Text("Beruf", "Occupation"),
        Text(
            "Berufserfahrung, Praktika, berufliche Wünsche.",
            "Work experience, internships, occupational wishes.",
        ),
        (_N, _F),
    ),
    DataCategory.LIVING: CategoryDeclaration(
        Text("Lebensumfeld", "Living situation"),
        Text(
            "Führerschein und Mobilität, Wohnsituation, digitaler Zugang, Freizeit und "
            "Teilhabe (ohne Gesundheit).",
            "Driving licence and mobility, housing, digital access, leisure and taking "
            "part (without health).",
        ),
        (_N,),
    ),
    DataCategory.HEALTH: CategoryDeclaration(
        Text("Gesundheit", "Health"),
        Text(
            "Gesundheitliche Einschränkungen, Unterstützungsbedarf bei Behinderung, "
            "Schwerbehindertenausweis, Beratungswunsch. Nie in einem Datenpaket.",
            "Health restrictions, support needed for a disability, disability card, wish "
            "for counselling. Never in any data package.",
        ),
        (_N,),
        special=True,
    ),
    DataCategory.DOCUMENTS: CategoryDeclaration(
        Text("Dokumente", "Documents"),
        Text(
            "Hochgeladene Zeugnisse, Lebenslauf, Referenzen, amtliche Dokumente und die "
            "private Ablage „Sonstiges“; Dateiname, Art, Größe und Zeitpunkt.",
            "Uploaded certificates, CV, references, official documents and the private "
            "folder “miscellaneous”; file name, type, size and time.",
        ),
        (_N,),
    ),
    DataCategory.PRIVATE_NOTES: CategoryDeclaration(
        Text("Private Notizen", "Private notes"),
        Text(
            "Notizen je Rubrik, die nur die Person selbst lesen kann.",
            "Notes per section that only the person themself can read.",
        ),
        (_N,),
    ),
    DataCategory.ANSWER_LOG: CategoryDeclaration(
        Text("Protokoll der Antworten", "Answer log"),
        Text(
            "Wer (Person, Rolle, Team) welche Antwort wann gesetzt, korrigiert oder "
            "gelöscht hat; Bearbeitungsstände der Rubriken.",
            "Who (person, role, team) set, corrected or deleted which answer when; the "
            "versions of the sections.",
        ),
        (_N, _F, _S),
    ),
    DataCategory.ACCESS_LOG: CategoryDeclaration(
        Text("Zugriffsprotokoll", "Access log"),
        Text(
            "Jeder Lesezugriff anderer auf die Daten einer Person: wann, wer, welches Team "
            "oder welches Datenpaket.",
            "Every read of a person's data by someone else: when, who, which team or which "
            "data package.",
        ),
        (_N, _S),
    ),
    DataCategory.RELEASES: CategoryDeclaration(
        Text("Freigaben und Einwilligungen", "Releases and consent records"),
        Text(
            "Freigaben an Teams und Links an Akteure (Paket, Empfangsadresse, Laufzeit, "
            "Widerruf) und die Einwilligungsnachweise (Dokument, Version, Sprache, Zeit).",
            "Releases to teams and links to stakeholders (package, recipient address, "
            "lifetime, revocation) and the consent records (document, version, language, "
            "time).",
        ),
        (_N, Subject.STAKEHOLDER_RECIPIENT),
    ),
    DataCategory.GOALS: CategoryDeclaration(
        Text("Zielvereinbarungen", "Goal agreements"),
        Text(
            "Bereich, Ziel, Schritte, Zuständige, Fristen, Status und Bestätigung.",
            "Area, goal, steps, responsible persons, due dates, status and confirmation.",
        ),
        (_N, _S),
    ),
    DataCategory.CASE_NOTES: CategoryDeclaration(
        Text("Fallnotizen", "Case notes"),
        Text(
            "Notizen der Fachkräfte zum Fall, mit Verfasserin oder Verfasser und Team.",
            "Caseworkers' notes on the case, with author and team.",
        ),
        (_N, _S),
    ),
    DataCategory.HAND_OVER: CategoryDeclaration(
        Text("Übergabe", "Hand-over"),
        Text(
            "Übergang von der vorläufigen Unterbringung in die Anschlussunterbringung: "
            "abgebendes und aufnehmendes Team, Daten, Zustimmung oder Widerspruch.",
            "Hand-over from temporary accommodation to follow-up housing: handing and "
            "receiving team, dates, acceptance or objection.",
        ),
        (_N, _S),
    ),
    DataCategory.CORRECTIONS: CategoryDeclaration(
        Text("Korrekturanträge", "Correction requests"),
        Text(
            "Anträge auf Berichtigung fester Angaben: bisheriger und gewünschter Wert, "
            "Begründung, Nachweis, Entscheidung.",
            "Requests to correct write-once answers: current and proposed value, reason, "
            "evidence, decision.",
        ),
        (_N, _S),
    ),
    DataCategory.CASELOAD: CategoryDeclaration(
        Text("Fallübersicht", "Caseload overview"),
        Text(
            "Aus den übrigen Kategorien abgeleitete Angaben für die Fallübersicht der Teams: "
            "Vollständigkeit, fällige Ziele, Ende der Freigabe, Übergabestand.",
            "Facts derived from the other categories for the teams' caseload: completeness, "
            "goals due, end of the release, state of the hand-over.",
        ),
        (_N,),
    ),
    DataCategory.EVALUATION: CategoryDeclaration(
        Text("Anonymisierte Auswertung", "Anonymised evaluation"),
        Text(
            "Aus den Kategorien Personalien, Sprache, Bildung, Beruf, Ziele, Freigaben und "
            "Übergaben gebildete Fallzahlen je abgeschlossenem Quartal oder Jahr; nur grobe "
            "Klassen (Altersgruppe, Staatsangehörigkeitsgruppe), Zellen unter k geschwärzt.",
            "Counts per closed quarter or year built from identity, language, education, "
            "occupation, goals, releases and hand-overs; coarse classes only (age band, "
            "nationality group), cells below k suppressed.",
        ),
        (_N,),
    ),
    DataCategory.RESEARCH: CategoryDeclaration(
        Text("Forschung", "Research"),
        Text(
            "Einwilligung in die Forschung (Dokument, Version, Sprache, Zeitpunkt, Widerruf), "
            "Anträge auf pseudonymisierte Auszüge, ihre Freigabe und wer darin enthalten war.",
            "Consent to research (document, version, language, time, withdrawal), requests "
            "for pseudonymised extracts, their approval and who was included.",
        ),
        (_N, _S),
    ),
    DataCategory.ACCOUNT: CategoryDeclaration(
        Text("Konto- und Anmeldedaten", "Account and login data"),
        Text(
            "E-Mail-Adresse, Sprache, Passwort (nur als Argon2id-Hash), Sitzungen, "
            "Anmeldeprotokoll, Export- und Löschaufträge, Codes zur Übernahme eines von "
            "Fachkräften angelegten Profils.",
            "E-mail address, language, password (only as an Argon2id hash), sessions, login "
            "record, export and erasure requests, codes for claiming a profile created by "
            "caseworkers.",
        ),
        (_N, _S),
    ),
    DataCategory.STAFF: CategoryDeclaration(
        Text("Konten der Fachkräfte", "Staff accounts"),
        Text(
            "E-Mail-Adresse, Rolle, Sprache und Teamzugehörigkeit der Fachkräfte.",
            "E-mail address, role, language and team membership of staff.",
        ),
        (_S,),
    ),
    DataCategory.ORGANISATION: CategoryDeclaration(
        Text("Organisationsdaten", "Organisation data"),
        Text(
            "Teams, Gemeinden, Einwilligungstexte und Vordrucke. Keine personenbezogenen "
            "Daten von Neuzugewanderten; Fachkräfte erscheinen nur über ihre Konten.",
            "Teams, municipalities, consent documents and blank forms. No personal data of "
            "newcomers; staff appear only through their accounts.",
        ),
        (_S,),
    ),
}
