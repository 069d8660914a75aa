"""Telling the newcomer that a caseworker decided their correction request.

The mail names the answer and the outcome only: values and reasons are personal data and
stay in MoBio, where the newcomer reads them after logging in.
"""

from __future__ import annotations

from uuid import UUID

from mobio.biography.catalogue import BY_CODE
from mobio.biography.catalogue.labels import question_label
from mobio.corrections.tables import CorrectionState
from mobio.db.unit_of_work import after_commit
from mobio.i18n import FALLBACK_LANGUAGE, translate
from mobio.jobs.queue import enqueue
from mobio.persons.tables import Person
from mobio.settings import get_settings

TEMPLATES = {
    CorrectionState.APPROVED: ("mail.correction_approved.subject", "mail.correction_approved.body"),
    CorrectionState.REJECTED: ("mail.correction_rejected.subject", "mail.correction_rejected.body"),
}


async def decided(person_id: UUID, code: str, state: CorrectionState) -> None:
    """Mail the owner in their language once the decision has been committed."""
    row = await (
        Person.select(
            Person.language,
            Person.account.email,
            Person.account.language,
        )
        .where(Person.id == person_id)
        .first()
    )
    if row is None or not row["account.email"]:
        return  # a profile nobody has claimed yet: nobody to tell
    language = row["account.language"] or row["language"] or FALLBACK_LANGUAGE
    subject_id, body_id = TEMPLATES[state]
    subject = translate(language, subject_id)
    body = translate(
        language,
        body_id,
        question=question_label(BY_CODE[code], language),
        link=get_settings().base_url + "/",
    )
    recipient = row["account.email"]

    async def send() -> None:
        await enqueue("send_mail", to=recipient, subject=subject, body=body, language=language)

    await after_commit(send)
