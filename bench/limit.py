"""The raw-SQL limit: a bare ASGI app answering the workloads' documents with asyncpg.

It reads the ``operationName`` of the posted GraphQL document and answers it with one or two
hand-written statements (plus the session or token check and, for reads by others, the access
log entry MoBio writes too), returning the same JSON as MoBio (labels included, questionnaire
texts precomputed). No GraphQL, no ORM, no CSRF check.
Serve with ``uvicorn bench.limit:create_app --factory`` and ``BENCH_DATABASE_URL``.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
from typing import Any

import asyncpg

from bench import DEFAULT_DATABASE_URL

Scope = dict[str, Any]
SESSION_SQL = (
    "SELECT s.account, a.kind, a.language, p.id AS person FROM login_session s "
    "JOIN account a ON a.id = s.account LEFT JOIN person p ON p.account = a.id "
    "WHERE s.token_hash = $1 AND s.expires_at > now()"
)
SCREEN_SQL = """
SELECT p.id, p.given_name,
  (SELECT coalesce(json_agg(json_build_array(a.subject, a.question, a.value)), '[]')
     FROM answer a WHERE a.person = p.id) AS answers,
  (SELECT coalesce(json_agg(json_build_array(v.subject, v.section, v.version)), '[]')
     FROM section_version v WHERE v.person = p.id) AS versions,
  (SELECT coalesce(json_agg(DISTINCT json_build_array(l.subject, l.question)::text), '[]')
     FROM answer_log l WHERE l.person = p.id AND l.value IS NOT NULL) AS logged,
  (SELECT count(*) FROM private_note n WHERE n.person = p.id AND n.section = 'language')
     AS notes,
  (SELECT coalesce(json_agg(json_build_array(m.id, m.kind, m.family_name, m.given_name, m.sex,
     m.date_of_birth) ORDER BY m.created_at), '[]') FROM family_member m WHERE m.person = p.id)
     AS members
FROM person p WHERE p.id = $1
"""
CASELOAD_SQL = """
SELECT DISTINCT ON (p.id) p.id, p.family_name, p.given_name, p.sex, p.date_of_birth,
  p.nationality, t.id AS team, t.kind
FROM person p JOIN team_release r ON r.person = p.id AND r.revoked_at IS NULL
JOIN team_membership m ON m.team = r.team AND m.account = $1 JOIN team t ON t.id = r.team
ORDER BY p.id LIMIT 51
"""
ACCESS_LOG_SQL = (
    'INSERT INTO access_log_entry (person, actor, stakeholder_release, "grant", team, '
    "accessed_at) SELECT unnest($1::uuid[]), $2, $3, unnest($4::text[]), unnest($5::uuid[]), "
    "now()"
)
SHARED_SQL = """
SELECT p.id, r.id AS release, r.package, p.family_name, p.given_name,
  (SELECT json_object_agg(a.question, a.value) FROM answer a WHERE a.person = p.id
     AND a.subject = 'self' AND a.question IN ('literacy', 'german_level')) AS answers
FROM stakeholder_release r JOIN person p ON p.id = r.person
WHERE r.token_hash = $1 AND r.revoked_at IS NULL AND r.expires_at > now()
"""
EVALUATION_SQL = """
SELECT s.k, c.categories, c.value FROM evaluation_set s
JOIN evaluation_cell c ON c.evaluation_set = s.id AND c.measure = $2 AND c.dimensions = $3
WHERE s.period = $1 AND s.state = 'ready'
  AND (NOT EXISTS (SELECT 1 FROM analyst_municipality WHERE account = $4)
    OR split_part(c.categories, '|', 1) IN (SELECT m.name FROM analyst_municipality a
      JOIN municipality m ON m.id = a.municipality WHERE a.account = $4))
ORDER BY c.id
"""
"""The stored cells of a table whose first dimension is the municipality, in the analyst's scope."""


class Labels:
    """Option and question labels and the questionnaire, computed once at start."""

    def __init__(self) -> None:
        from mobio.biography.catalogue import BY_CODE, questions_for
        from mobio.biography.catalogue.labels import option_label, question_label, section_label
        from mobio.biography.catalogue.model import Section, Subject

        self.by_code = BY_CODE
        self.option_label = option_label
        self.questionnaire: dict[str, list[dict[str, Any]]] = {}
        for language in ("de", "en", "ar", "fa", "fr"):
            self.questionnaire[language] = [
                {
                    "section": section.name,
                    "label": section_label(section, language),
                    "questions": [
                        {
                            "code": q.code,
                            "label": question_label(q, language),
                            "labelDe": question_label(q, "de"),
                            "options": _options(q, language),
                        }
                        for q in questions_for(section, Subject.NEWCOMER)
                    ],
                }
                for section in Section
            ]
        self.sections = {
            language: [{"section": s["section"], "label": s["label"]} for s in sections]
            for language, sections in self.questionnaire.items()
        }
        self.language_questionnaire = {
            language: [s for s in sections if s["section"] == Section.LANGUAGE.name]
            for language, sections in self.questionnaire.items()
        }
        self.language_codes = [q.code for q in questions_for(Section.LANGUAGE, Subject.NEWCOMER)]
        self.personal_codes = {q.code for q in BY_CODE.values() if q.section is Section.PERSONAL}

    def choice(self, code: str, value: str, language: str) -> dict[str, str]:
        options = self.by_code[code].options
        assert options is not None  # noqa: S101 - only choice questions come here
        return {
            "code": value,
            "label": self.option_label(options, value, language),
            "labelDe": self.option_label(options, value, "de"),
        }

    def shown(self, code: str, value: Any, language: str) -> Any:
        return self._shown(self.by_code[code], value, language)

    def _shown(self, question: Any, value: Any, language: str) -> Any:
        kind = question.kind.value
        if kind in ("choice", "multi_choice"):
            options = question.options
            codes = value if kind == "multi_choice" else [value]
            shown = [
                {
                    "code": c,
                    "label": self.option_label(options, c, language),
                    "labelDe": self.option_label(options, c, "de"),
                }
                for c in codes
            ]
            return shown if kind == "multi_choice" else shown[0]
        if kind == "text":
            return {"text": value, "untranslated": True}
        if kind == "entries":
            return [
                {
                    _camel(f.code): self._shown(f, entry[f.code], language)
                    if f.code in entry
                    else None
                    for f in question.fields
                }
                for entry in value
            ]
        return value  # booleans, numbers, dates


def _options(question: Any, language: str) -> list[dict[str, str]]:
    from mobio.biography.catalogue.labels import option_label

    if question.options is None:
        return []
    return [
        {"code": c, "label": option_label(question.options, c, language)}
        for c in question.options.codes
    ]


def _without_de(shown: dict[str, str]) -> dict[str, str]:
    return {"code": shown["code"], "label": shown["label"]}


def _camel(code: str) -> str:
    head, *rest = code.split("_")
    return head + "".join(part.capitalize() for part in rest)


class Limit:
    def __init__(self, url: str) -> None:
        self.url = url
        self.pool: asyncpg.Pool | None = None
        self.labels = Labels()

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] == "lifespan":
            await self._lifespan(receive, send)
            return
        if scope["path"] == "/healthz":
            await self._answer(send, 200, b"ok")
            return
        body = b""
        while True:
            message = await receive()
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        headers = {k.decode(): v.decode() for k, v in scope["headers"]}
        document = json.loads(body)
        assert self.pool is not None  # noqa: S101
        async with self.pool.acquire() as connection:
            data = await self._operation(connection, document, headers)
        status = 200 if data is not None else 403
        payload = {"data": data} if data is not None else {"errors": [{"message": "forbidden"}]}
        await self._answer(send, status, json.dumps(payload).encode())

    async def _lifespan(self, receive: Any, send: Any) -> None:
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                self.pool = await asyncpg.create_pool(self.url, min_size=2, max_size=10)
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                if self.pool is not None:
                    await self.pool.close()
                await send({"type": "lifespan.shutdown.complete"})
                return

    async def _answer(self, send: Any, status: int, body: bytes) -> None:
        await send(
            {
                "type": "http.response.start",
                "status": status,
                "headers": [(b"content-type", b"application/json")],
            }
        )
        await send({"type": "http.response.body", "body": body})

    async def _session(self, connection: Any, headers: dict[str, str]) -> Any:
        cookie = headers.get("cookie", "")
        token = next(
            (
                part.split("=", 1)[1]
                for part in cookie.split("; ")
                if part.startswith("mobio_session=")
            ),
            None,
        )
        if token is None:
            return None
        digest = hashlib.sha256(token.encode()).hexdigest()
        return await connection.fetchrow(SESSION_SQL, digest)

    async def _operation(
        self, connection: Any, document: dict[str, Any], headers: dict[str, str]
    ) -> Any:
        operation = document.get("operationName")
        variables = document.get("variables") or {}
        if operation == "Shared":
            digest = hashlib.sha256(headers.get("x-release-token", "").encode()).hexdigest()
            return await self._shared(connection, digest)
        session = await self._session(connection, headers)
        if session is None:
            return None
        if operation == "LanguageScreen":
            if str(session["person"]) != variables.get("p"):
                return None
            return await self._screen(connection, session)
        if operation == "Caseload":
            return await self._caseload(connection, session)
        if operation == "Save":
            return await self._save(connection, session, variables)
        if operation == "EvaluationTable" and session["kind"] == "analyst":
            return await self._evaluation(connection, session, variables)
        return None

    async def _screen(self, connection: Any, session: Any) -> dict[str, Any]:
        row = await connection.fetchrow(SCREEN_SQL, session["person"])
        language = session["language"]
        answers: dict[str, dict[str, Any]] = {}
        for subject, question, value in json.loads(row["answers"]):
            answers.setdefault(subject, {})[question] = json.loads(value)
        versions = {(s, section): v for s, section, v in json.loads(row["versions"])}
        logged: dict[str, list[str]] = {}
        for pair in json.loads(row["logged"]):
            subject, question = json.loads(pair)
            logged.setdefault(subject, []).append(question)
        own = answers.get("self", {})
        section: dict[str, Any] = {
            _camel(code): self.labels.shown(code, own[code], language) if code in own else None
            for code in self.labels.language_codes
        }
        section["version"] = versions.get(("self", "language"), 0)
        section["loggedQuestions"] = [
            q for q in logged.get("self", []) if q in self.labels.language_codes
        ]
        section["notesCount"] = row["notes"]
        partners, children = [], []
        for member_id, kind, family_name, given_name, sex, birth in json.loads(row["members"]):
            overview = {
                "memberId": member_id,
                "personal": {
                    "familyName": {"text": family_name},
                    "givenName": {"text": given_name},
                    "sex": _without_de(self.labels.choice("sex", sex, language)) if sex else None,
                    "dateOfBirth": birth,
                    "version": versions.get((member_id, "personal"), 0),
                    "loggedQuestions": [
                        q for q in logged.get(member_id, []) if q in self.labels.personal_codes
                    ],
                },
            }
            if kind == "partner":
                partners.append(overview)
            else:
                status = answers.get(member_id, {}).get("childcare_status")
                shown = (
                    _without_de(self.labels.choice("childcare_status", status, language))
                    if status
                    else None
                )
                children.append({**overview, "family": {"childcareStatus": shown}})
        return {
            "person": {
                "id": str(row["id"]),
                "givenName": row["given_name"],
                "biography": {
                    "own": {"language": section},
                    "partners": partners,
                    "children": children,
                },
            },
            "sections": self.labels.sections.get(language, self.labels.sections["de"]),
            "questionnaire": self.labels.language_questionnaire.get(
                language, self.labels.language_questionnaire["de"]
            ),
        }

    async def _caseload(self, connection: Any, session: Any) -> dict[str, Any]:
        rows = await connection.fetch(CASELOAD_SQL, session["account"])
        items = [
            {
                "id": str(r["id"]),
                "familyName": r["family_name"],
                "givenName": r["given_name"],
                "sex": r["sex"],
                "dateOfBirth": r["date_of_birth"].isoformat() if r["date_of_birth"] else None,
                "nationality": r["nationality"],
            }
            for r in rows[:50]
        ]
        cursor = items[-1]["id"] if len(rows) > 50 else None
        shown = rows[:50]
        await connection.execute(  # every read by someone other than the owner is logged
            ACCESS_LOG_SQL,
            [r["id"] for r in shown],
            session["account"],
            None,
            [r["kind"] for r in shown],
            [r["team"] for r in shown],
        )
        return {"persons": {"items": items, "nextCursor": cursor}}

    async def _shared(self, connection: Any, digest: str) -> dict[str, Any] | None:
        row = await connection.fetchrow(SHARED_SQL, digest)
        if row is None:
            return {"sharedPerson": None}
        await connection.execute(
            ACCESS_LOG_SQL, [row["id"]], None, row["release"], [row["package"]], [None]
        )
        answers = json.loads(row["answers"] or "{}")
        language = {
            code_camel: (
                {
                    "code": json.loads(answers[code]),
                    "labelDe": self.labels.choice(code, json.loads(answers[code]), "de")["labelDe"],
                }
                if code in answers
                else None
            )
            for code, code_camel in (("literacy", "literacy"), ("german_level", "germanLevel"))
        }
        return {
            "sharedPerson": {
                "familyName": row["family_name"],
                "givenName": row["given_name"],
                "biography": {"own": {"language": language}},
            }
        }

    async def _save(self, connection: Any, session: Any, variables: dict[str, Any]) -> Any:
        person, level, expected = session["person"], variables["level"], variables["v"]
        options = self.labels.by_code["german_level"].options
        if str(person) != variables["p"] or options is None or level not in options.codes:
            return None
        value = json.dumps(level)
        async with connection.transaction():
            version = await connection.fetchval(
                "UPDATE section_version SET version = version + 1 WHERE person = $1 "
                "AND subject = 'self' AND section = 'language' AND version = $2 RETURNING version",
                person,
                expected,
            )
            if version is None:
                return None
            await connection.execute(
                "INSERT INTO answer (person, subject, question, value, updated_at, updated_by) "
                "VALUES ($1, 'self', 'german_level', $2, now(), $3) "
                "ON CONFLICT (person, subject, question) DO UPDATE SET value = EXCLUDED.value, "
                "updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by",
                person,
                value,
                session["account"],
            )
            await connection.execute(
                "INSERT INTO answer_log (person, subject, question, value, actor, actor_grant, "
                "changed_at) VALUES ($1, 'self', 'german_level', $2, $3, 'owner', now())",
                person,
                value,
                session["account"],
            )
        return {"saveNewcomerSection": version}

    async def _evaluation(self, connection: Any, session: Any, variables: dict[str, Any]) -> Any:
        from mobio.evaluation.periods import closed_period

        period = closed_period(variables["period"])
        rows = await connection.fetch(
            EVALUATION_SQL, period.code, "persons", "municipality,age_band", session["account"]
        )
        if not rows:  # no stored set: MoBio would compute it, the limit only reads
            return None
        return _evaluation_table(period, rows, session["language"])


@functools.cache
def _category(dimension: Any, code: str, language: str) -> dict[str, str]:
    from mobio.evaluation.dimensions import category_label

    return {
        "dimension": dimension.name,
        "code": code,
        "label": category_label(dimension, code, language),
    }


def _evaluation_table(period: Any, rows: list[Any], language: str) -> dict[str, Any]:
    """The analyst's table (persons by municipality and age band) from its stored cells."""
    from mobio.evaluation.dimensions import Dimension, Measure, dimension_label, measure_label

    dimensions = (Dimension.MUNICIPALITY, Dimension.AGE_BAND)
    cells = [
        {
            "categories": [
                _category(d, code, language)
                for d, code in zip(dimensions, r["categories"].split("|"), strict=True)
            ],
            "value": r["value"],
            "suppressed": r["value"] is None,
        }
        for r in rows
    ]
    return {
        "evaluationTable": {
            "period": {"code": period.code, "year": period.year, "quarter": period.quarter},
            "measure": "PERSONS",
            "measureLabel": measure_label(Measure.PERSONS, language),
            "dimensions": [
                {"dimension": d.name, "label": dimension_label(d, language)} for d in dimensions
            ],
            "minimumCell": rows[0]["k"],
            "cells": cells,
        }
    }


def create_app() -> Limit:
    return Limit(os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE_URL))
