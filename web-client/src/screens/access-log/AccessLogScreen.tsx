// Who read the newcomer's data, when, under which release (team or stakeholder package), newest
// first: one card per read, so that it stays readable on a phone.
import { Page } from "../../components/Page";
import { formatDateTime, grantLabel, packageLabel } from "../../components/releases/format";
import { LoadError, Loading } from "../../components/Status";
import { useApp } from "../../context";
import { graphql } from "../../gql";
import { t } from "../../i18n";
import { paths } from "../../routes";
import { useQuery } from "../../lib/useQuery";
import "../../components/releases/releases.css";

const AccessLogScreenQuery = graphql(`
  query AccessLogScreen {
    me {
      person {
        id
        accessLog {
          accessedAt
          grant
          actorName
          teamName
          package
        }
      }
    }
  }
`);

export default function AccessLogScreen() {
  const { language } = useApp();
  const { data, error, loading, reload } = useQuery(AccessLogScreenQuery, {});
  const entries = [...(data?.me?.person?.accessLog ?? [])].sort((a, b) =>
    (b.accessedAt ?? "").localeCompare(a.accessedAt ?? ""),
  );
  return (
    <Page title={t("client.access_log.title")}>
      <p>{t("client.access_log.intro")}</p>
      {loading && !data && <Loading />}
      {error && <LoadError error={error} retry={reload} />}
      {data && entries.length === 0 && <p class="notice">{t("client.access_log.empty")}</p>}
      {entries.length > 0 && (
        <ol class="card-list access-log">
          {entries.map((entry, i) => {
            const who = entry.package
              ? packageLabel(entry.package)
              : [entry.actorName, entry.teamName].filter(Boolean).join(" · ");
            return (
              <li key={i} class="card">
                <p class="card-title">
                  <time dateTime={entry.accessedAt ?? undefined}>
                    {formatDateTime(entry.accessedAt, language)}
                  </time>
                </p>
                <dl class="facts">
                  <dt>{t("client.access_log.who")}</dt>
                  <dd>{who || t("client.access_log.unknown")}</dd>
                  <dt>{t("client.access_log.release")}</dt>
                  <dd>
                    {entry.package
                      ? t("client.access_log.by_link", { package: packageLabel(entry.package) })
                      : t("client.access_log.by_team", { kind: grantLabel(entry.grant ?? "") })}
                  </dd>
                </dl>
              </li>
            );
          })}
        </ol>
      )}
      <p>
        <a href={paths.releases}>{t("client.access_log.to_releases")}</a>
      </p>
    </Page>
  );
}
