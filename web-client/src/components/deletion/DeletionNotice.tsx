// The owner's pending deletion on the home screen: after logging in during the undo window,
// the days left and the way to take it back come first. Nothing when no deletion is pending.
import { graphql } from "../../gql";
import { t } from "../../i18n";
import { useQuery } from "../../lib/useQuery";
import { paths } from "../../routes";

const OwnPersonId = graphql(`
  query OwnPersonId {
    me {
      person {
        id
      }
    }
  }
`);

const PendingDeletionOnHome = graphql(`
  query PendingDeletionOnHome($personId: ID!) {
    pendingDeletion(personId: $personId) {
      daysLeft
    }
  }
`);

export function DeletionNotice() {
  const own = useQuery(OwnPersonId, {});
  const personId = own.data?.me?.person?.id;
  const { data } = useQuery(
    PendingDeletionOnHome,
    { personId: personId ?? "" },
    { skip: !personId },
  );
  const pending = data?.pendingDeletion;
  if (!pending) return null;
  return (
    <p class="notice notice-warning deletion-notice">
      {t("client.deletion.home_notice", { days: pending.daysLeft ?? 0 })}{" "}
      <a href={paths.deletion}>{t("client.deletion.home_link")}</a>
    </p>
  );
}
