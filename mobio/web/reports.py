"""Downloading the statutory report: GET /evaluation/reports/{period}.{format}?lang=de.

Only for analysts, with their session cookie; everyone else gets the same 404 as for a
document or an export that is not theirs. An analyst limited to municipalities gets the
report of those municipalities only. The file is built from the stored protected set on
each request (cheap: the set is computed once, by the hourly job or the first request).
"""

from __future__ import annotations

from typing import Any

from litestar import Request, Response, get
from litestar.exceptions import NotFoundException
from litestar.params import FromPath

from mobio.errors import MobioError
from mobio.evaluation.report import build_report
from mobio.evaluation.report_formats import ReportFormat, file_name, render
from mobio.evaluation.service import analyst_scope
from mobio.i18n import normalise_language
from mobio.web.context import build_context
from mobio.web.documents import content_disposition


@get("/evaluation/reports/{name:str}")
async def download_report(request: Request[Any, Any, Any], name: FromPath[str]) -> Response[Any]:
    """The report of a closed period as CSV, XLSX or ODS, for an analyst."""
    context = await build_context(request)
    principal = context.principal
    period, _, extension = name.rpartition(".")
    if not principal.is_analyst or principal.account_id is None:
        raise NotFoundException()
    if extension not in {f.value for f in ReportFormat}:
        raise NotFoundException()
    output_format = ReportFormat(extension)
    language = normalise_language(request.query_params.get("lang") or context.language)
    scope = await analyst_scope(principal.account_id)
    try:
        report = await build_report(period, language, scope)
    except MobioError as error:  # a malformed or open period
        return Response(error.render(language), status_code=400, media_type="text/plain")
    return Response(
        render(report, output_format),
        media_type=output_format.content_type,
        headers={
            "Content-Disposition": content_disposition(file_name(report, output_format)),
            "X-Content-Type-Options": "nosniff",
            "Content-Security-Policy": "default-src 'none'; sandbox",
        },
    )


def report_routes() -> list[Any]:
    return [download_report]
