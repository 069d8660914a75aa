"""The ``mobio`` command line."""

from __future__ import annotations

import asyncio
import getpass
import sys
from pathlib import Path

import click

from mobio.settings import get_settings


@click.group()
def main() -> None:
    """MoBio: newcomers keep their own biography and decide who sees which part."""


@main.command()
@click.option("--reload", is_flag=True, help="Restart on code changes (development).")
def serve(reload: bool) -> None:
    """Serve MoBio (GraphQL at /graphql) on MOBIO_HOST:MOBIO_PORT."""
    import uvicorn

    settings = get_settings()
    if settings.is_production:
        settings.check_production()
    uvicorn.run(
        "mobio.web.app:create_app",
        factory=True,
        host=settings.host,
        port=settings.port,
        reload=reload,
        proxy_headers=settings.is_production,
        server_header=False,
    )


@main.command()
def worker() -> None:
    """Run an arq worker for background jobs (needs MOBIO_REDIS_URL)."""
    if not get_settings().redis_url:
        raise click.ClickException("MOBIO_REDIS_URL is not set; embedded runs do jobs in-process")
    import logging

    from mobio.jobs.worker import run_worker

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    run_worker()


@main.command()
def migrate() -> None:
    """Apply all database migrations."""
    from mobio.db.migrate import migrate as run

    asyncio.run(run())
    click.echo("migrations applied")


@main.command("seed-demo")
@click.option("--if-empty", is_flag=True, help="Only when the database has no accounts yet.")
def seed_demo(if_empty: bool) -> None:
    """Load demo teams, staff, newcomers with families and partly filled biographies."""
    from mobio.demo import seed

    created = asyncio.run(seed(only_if_empty=if_empty))
    click.echo("demo data loaded" if created else "database not empty; demo data skipped")


@main.command("create-admin")
@click.option("--email", required=True, help="Login address of the new administrator.")
@click.option("--language", default="de", show_default=True)
def create_admin(email: str, language: str) -> None:
    """Create a district administrator; the password is read from MOBIO_ADMIN_PASSWORD or asked."""
    import os

    from mobio.accounts.tables import AccountKind
    from mobio.errors import MobioError
    from mobio.organisations.service import create_staff_account

    password = os.environ.get("MOBIO_ADMIN_PASSWORD") or getpass.getpass("Password: ")
    try:
        account_id = asyncio.run(
            create_staff_account(email, password, AccountKind.ADMINISTRATOR, language)
        )
    except MobioError as error:
        raise click.ClickException(error.render(language)) from None
    click.echo(f"administrator {account_id} created")


@main.command()
def schema() -> None:
    """Print the GraphQL SDL, with the permission directives."""
    from mobio.schema import get_schema

    click.echo(get_schema().as_str())


@main.command("access-matrix")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
def access_matrix(as_json: bool) -> None:
    """Print every protected field against every grant."""
    from mobio.auth import matrix
    from mobio.schema import get_schema

    rules = get_schema().rules
    click.echo(matrix.as_json(rules) if as_json else matrix.as_markdown(rules), nl=False)
    sys.stdout.flush()


@main.command("processing-record")
@click.option(
    "--lang", "language", type=click.Choice(["de", "en"]), default="de", show_default=True
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["markdown", "json"]),
    default="markdown",
    show_default=True,
)
@click.option("--output", type=click.Path(dir_okay=False, writable=True), help="File to write.")
def processing_record(language: str, output_format: str, output: str | None) -> None:
    """Print the record of processing activities (Art. 30 GDPR), generated from the schema."""
    from mobio.processing import Format, Language, RecordIncompleteError
    from mobio.processing import processing_record as generate

    try:
        text = generate(Language(language), Format(output_format), get_settings())
    except RecordIncompleteError as error:
        raise click.ClickException(f"the record has gaps: {error}") from None
    if output is None:
        click.echo(text, nl=False)
        sys.stdout.flush()
    else:
        Path(output).write_text(text, encoding="utf-8")


@main.command()
@click.option("--period", required=True, help='A closed quarter ("2025-Q4") or year ("2025").')
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["csv", "xlsx", "ods"]),
    default="xlsx",
    show_default=True,
)
@click.option(
    "--lang",
    "language",
    type=click.Choice(["de", "en", "fr", "ar", "fa"]),
    default="de",
    show_default=True,
)
@click.option(
    "--output",
    help="File to write (default mobio-report-<period>-<lang>.<format>; - is stdout for csv).",
)
def report(period: str, output_format: str, language: str, output: str | None) -> None:
    """Write the statutory report of a closed period from its protected set."""
    from mobio.errors import MobioError
    from mobio.evaluation.report import build_report
    from mobio.evaluation.report_formats import ReportFormat, csv_text, file_name, render

    chosen = ReportFormat(output_format)
    if output == "-" and chosen is not ReportFormat.CSV:
        raise click.UsageError("only csv can be written to stdout (-)")
    try:
        built = asyncio.run(build_report(period, language))
    except MobioError as error:
        click.echo(error.render(language), err=True)
        sys.exit(2)
    if output == "-":
        click.echo(csv_text(built), nl=False)
        return
    target = Path(output or file_name(built, chosen))
    target.write_bytes(render(built, chosen))
    click.echo(str(target))


if __name__ == "__main__":
    main()
