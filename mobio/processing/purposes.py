"""Why each grant reads or writes personal data, and on which legal basis (Art. 30(1)(b)).

The legal bases are a proposal written by engineers, not legal advice; the record says so
and asks the data protection officer to review them.
"""

from __future__ import annotations

from dataclasses import dataclass

from mobio.auth.grants import Grant
from mobio.processing.text import Text


@dataclass(frozen=True, slots=True)
class Purpose:
    """Who acts under a grant, for what, and on which legal basis."""

    holder: Text
    purpose: Text
    legal_basis: Text


_RELEASE_CONSENT = Text(
    "Einwilligung der Person in die Freigabe (Art. 6 Abs. 1 lit. a DSGVO); widerruflich "
    "(Art. 7 Abs. 3 DSGVO).",
    "The person's consent to the release (Art. 6(1)(a) GDPR); revocable (Art. 7(3) GDPR).",
)
_TEAM_BASIS = Text(
    "Einwilligung der Person in die Freigabe an das Team (Art. 6 Abs. 1 lit. a DSGVO), für "
    "Gesundheitsangaben ausdrücklich (Art. 9 Abs. 2 lit. a DSGVO); die Beratung selbst ist "
    "Aufgabe im öffentlichen Interesse (Art. 6 Abs. 1 lit. e DSGVO) nach Landesrecht. Für "
    "Profile, die Fachkräfte vor der Übernahme durch die Person anlegen, ist die "
    "Rechtsgrundlage gesondert zu prüfen.",
    "The person's consent to the release to the team (Art. 6(1)(a) GDPR), explicit for "
    "health answers (Art. 9(2)(a) GDPR); the counselling itself is a task carried out in the "
    "public interest (Art. 6(1)(e) GDPR) under state law. For profiles that caseworkers "
    "create before the person claims them, the legal basis needs separate review.",
)
_PACKAGE_PURPOSE = Text(
    "Lesen des festgelegten Datenpakets über einen Link (14 Tage, widerruflich); die "
    "empfangende Stelle verarbeitet die Daten danach in eigener Verantwortung.",
    "Reading the fixed data package through a link (14 days, revocable); the receiving body "
    "then processes the data under its own responsibility.",
)

PURPOSES: dict[Grant, Purpose] = {
    Grant.OWNER: Purpose(
        Text("die Person selbst", "the person themself"),
        Text(
            "Die eigene Biografie führen, Freigaben erteilen und widerrufen, Zugriffe "
            "nachvollziehen, Betroffenenrechte ausüben (Auskunft, Berichtigung, Export, "
            "Löschung).",
            "Keeping one's own biography, giving and revoking releases, seeing who accessed "
            "the data, exercising data subject rights (access, rectification, export, "
            "erasure).",
        ),
        Text(
            "Einwilligung bei der Registrierung (Nutzungserklärung, Art. 6 Abs. 1 lit. a "
            "DSGVO), für Gesundheitsangaben ausdrücklich (Art. 9 Abs. 2 lit. a DSGVO); "
            "Betroffenenrechte nach Art. 15–20 DSGVO.",
            "Consent at registration (usage declaration, Art. 6(1)(a) GDPR), explicit for "
            "health answers (Art. 9(2)(a) GDPR); data subject rights under Art. 15–20 GDPR.",
        ),
    ),
    Grant.SOCIAL_COUNSELLING: Purpose(
        Text(
            "Sozialberatung in der vorläufigen Unterbringung (Landkreis)",
            "Social counselling in temporary accommodation (district)",
        ),
        Text(
            "Beratung und Integrationsplanung, Zielvereinbarungen, Fallnotizen, Übergabe in "
            "die Anschlussunterbringung, solange eine Freigabe besteht.",
            "Counselling and integration planning, goal agreements, case notes, hand-over to "
            "follow-up housing, while a release is in force.",
        ),
        _TEAM_BASIS,
    ),
    Grant.INTEGRATION_MANAGEMENT: Purpose(
        Text(
            "Integrationsmanagement in der Anschlussunterbringung (Gemeinde oder Träger)",
            "Integration management in follow-up housing (municipality or carrier)",
        ),
        Text(
            "Beratung und Integrationsplanung, Zielvereinbarungen, Fallnotizen, solange eine "
            "Freigabe besteht. Ob ein freier Träger als Verantwortlicher oder als "
            "Auftragsverarbeiter handelt, ist vertraglich festzulegen.",
            "Counselling and integration planning, goal agreements, case notes, while a "
            "release is in force. Whether a welfare carrier acts as controller or as "
            "processor must be settled by contract.",
        ),
        _TEAM_BASIS,
    ),
    Grant.INTEGRATION_OFFICE: Purpose(
        Text(
            "Integrationsbeauftragte der Gemeinde",
            "Municipal integration office",
        ),
        Text(
            "Grundinformationen über Neuzugewanderte der Gemeinde; Änderung nur der "
            "Personalien, solange eine Freigabe besteht.",
            "Basic information on newcomers in the municipality; changing the personal data "
            "only, while a release is in force.",
        ),
        Text(
            "Einwilligung der Person in die Freigabe an die Gemeinde (Art. 6 Abs. 1 lit. a "
            "DSGVO); die Integrationsarbeit der Gemeinde ist Aufgabe im öffentlichen Interesse "
            "(Art. 6 Abs. 1 lit. e DSGVO). Gesundheitsangaben liest dieses Team nie.",
            "The person's consent to the release to the municipality (Art. 6(1)(a) GDPR); the "
            "municipality's integration work is a task carried out in the public interest "
            "(Art. 6(1)(e) GDPR). This team never reads health answers.",
        ),
    ),
    Grant.ADMINISTRATOR: Purpose(
        Text("Administration des Landkreises", "District administrators"),
        Text(
            "Betrieb des Dienstes: Teams, Gemeinden, Konten der Fachkräfte, "
            "Einwilligungstexte, Vordrucke. Nie Inhalte einer Biografie.",
            "Running the service: teams, municipalities, staff accounts, consent documents, "
            "blank forms. Never the content of a biography.",
        ),
        Text(
            "Betrieb als Teil der öffentlichen Aufgabe (Art. 6 Abs. 1 lit. e DSGVO); für "
            "Daten der Fachkräfte das Beschäftigtendatenschutzrecht (Art. 88 DSGVO mit "
            "nationalem Recht).",
            "Operation as part of the public task (Art. 6(1)(e) GDPR); for staff data the "
            "law on employee data (Art. 88 GDPR with national law).",
        ),
    ),
    Grant.ANALYST: Purpose(
        Text("Auswertung (Evaluation)", "Evaluation"),
        Text(
            "Anonymisierte Auswertungen mit Unterdrückung kleiner Fallzahlen und "
            "pseudonymisierte Auszüge für Forschung; nie ein Name, nie eine einzelne Person.",
            "Anonymised aggregates with small-cell suppression and pseudonymised extracts "
            "for research; never a name, never a single person.",
        ),
        Text(
            "Statistische und wissenschaftliche Zwecke mit Garantien nach Art. 89 DSGVO; "
            "anonymisierte Ergebnisse sind keine personenbezogenen Daten.",
            "Statistical and research purposes with the safeguards of Art. 89 GDPR; "
            "anonymised results are not personal data.",
        ),
    ),
    Grant.EMPLOYMENT: Purpose(
        Text(
            "Jobcenter und Agentur für Arbeit (Paket „employment“)",
            "Job centre and employment agency (package “employment”)",
        ),
        _PACKAGE_PURPOSE,
        _RELEASE_CONSENT,
    ),
    Grant.EMPLOYER: Purpose(
        Text("Arbeitgeber (Paket „employer“)", "Employer (package “employer”)"),
        _PACKAGE_PURPOSE,
        _RELEASE_CONSENT,
    ),
    Grant.LANGUAGE_SCHOOL: Purpose(
        Text(
            "Sprachschulen (Paket „language_school“)",
            "Language schools (package “language_school”)",
        ),
        _PACKAGE_PURPOSE,
        _RELEASE_CONSENT,
    ),
    Grant.CHAMBERS: Purpose(
        Text(
            "Kammern HWK, IHK und ikubiz (Paket „chambers“)",
            "Chambers HWK, IHK and ikubiz (package “chambers”)",
        ),
        _PACKAGE_PURPOSE,
        _RELEASE_CONSENT,
    ),
    Grant.LANGUAGE_COURSE_COORDINATION: Purpose(
        Text(
            "Koordination der Sprachkurse (Paket „language_course_coordination“)",
            "Language-course coordination (package “language_course_coordination”)",
        ),
        _PACKAGE_PURPOSE,
        _RELEASE_CONSENT,
    ),
}
"""Every grant of the vocabulary; ``mapping.check`` reports one that is missing."""
