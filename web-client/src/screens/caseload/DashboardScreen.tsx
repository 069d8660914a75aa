// The caseworker's home: one card per count of what needs the team's attention, each leading
// to the caseload with the matching filter (counts without a list of their own yet are shown
// without a link).
import { Page } from "../../components/Page";
import { LoadError, Loading } from "../../components/Status";
import { caseloadUrl } from "../../components/caseload/caseloadQuery";
import "../../components/caseload/caseload.css";
import { graphql } from "../../gql";
import type { CaseworkerDashboardQuery } from "../../gql/graphql";
import { type MessageId, t } from "../../i18n";
import { useQuery } from "../../lib/useQuery";
import { paths } from "../../routes";

const CaseworkerDashboardDocument = graphql(`
  query CaseworkerDashboard {
    caseworkerDashboard {
      incompleteProfiles
      releasesEndingSoon
      goalsDueSoon
      goalsOverdue
      handOverOffersReceived
      handOversPending
      openCorrectionRequests
    }
  }
`);

type Counts = Omit<CaseworkerDashboardQuery["caseworkerDashboard"], "__typename">;

/** The cards in order: the count, its label, and the caseload filter or screen it opens. */
const CARDS: {
  count: keyof Counts;
  label: MessageId;
  filter?: Record<string, string>;
  href?: string;
}[] = [
  {
    count: "incompleteProfiles",
    label: "client.dashboard.incomplete_profiles",
    filter: { completeness: "incomplete" },
  },
  {
    count: "releasesEndingSoon",
    label: "client.dashboard.releases_ending_soon",
    filter: { releaseEnding: "true" },
  },
  {
    count: "goalsDueSoon",
    label: "client.dashboard.goals_due_soon",
    filter: { goals: "due_soon" },
  },
  { count: "goalsOverdue", label: "client.dashboard.goals_overdue", filter: { goals: "overdue" } },
  {
    count: "handOversPending",
    label: "client.dashboard.hand_overs_pending",
    filter: { handOver: "offered" },
  },
  {
    count: "handOverOffersReceived",
    label: "client.dashboard.hand_over_offers_received",
    href: paths.handOverOffers,
  },
  { count: "openCorrectionRequests", label: "client.dashboard.open_correction_requests" },
];

export default function DashboardScreen() {
  const { data, error, loading, reload } = useQuery(CaseworkerDashboardDocument, {});
  const counts = data?.caseworkerDashboard;
  return (
    <Page title={t("client.dashboard.title")}>
      <p>{t("client.dashboard.intro")}</p>
      {loading && !data && <Loading />}
      {error && <LoadError error={error} retry={reload} />}
      {counts && (
        <ul class="dashboard-cards">
          {CARDS.map((card) => {
            const body = (
              <>
                <span class="dashboard-count">{counts[card.count]}</span>
                <span class="dashboard-label">{t(card.label)}</span>
              </>
            );
            const href =
              card.href ??
              (card.filter ? caseloadUrl({ search: "", chosen: card.filter }) : undefined);
            return (
              <li key={card.count}>
                {href ? (
                  <a class="dashboard-card" href={href}>
                    {body}
                  </a>
                ) : (
                  <div class="dashboard-card">{body}</div>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <p>
        <a href={paths.caseload}>{t("client.dashboard.all_cases")}</a>
      </p>
    </Page>
  );
}
