// Offers of cases to the caller's teams (/hand-over-offers): until the hand-over completes the
// receiving team sees only name, date of birth and moving date. Accept, or reject with a reason.
import { useState } from "preact/hooks";
import { request } from "../../api";
import { TextAreaField } from "../../components/admin/fields";
import { handOverStateLabel } from "../../components/casework/labels";
import "../../components/casework/casework.css";
import { ErrorSummary, errorFor, type Problem, problemsFrom } from "../../components/Form";
import { Page } from "../../components/Page";
import { formatDate } from "../../components/releases/format";
import "../../components/releases/releases.css";
import { LoadError, Loading } from "../../components/Status";
import { useApp } from "../../context";
import { graphql } from "../../gql";
import type { HandOverOffersQuery } from "../../gql/graphql";
import { t } from "../../i18n";
import { useQuery } from "../../lib/useQuery";

const HandOverOffersDocument = graphql(`
  query HandOverOffers {
    handOverOffers {
      id
      state
      givenName
      familyName
      dateOfBirth
      movingOn
      effectiveOn
      fromTeamName
      toTeamName
    }
  }
`);

const AcceptHandOver = graphql(`
  mutation AcceptHandOver($offerId: ID!) {
    acceptHandOver(offerId: $offerId)
  }
`);

const RejectHandOver = graphql(`
  mutation RejectHandOver($offerId: ID!, $reason: String!) {
    rejectHandOver(offerId: $offerId, reason: $reason)
  }
`);

type Offer = HandOverOffersQuery["handOverOffers"][number];

function OfferCard({ offer, onDecided }: { offer: Offer; onDecided: (message: string) => void }) {
  const { language } = useApp();
  const id = `offer-${offer.id}`;
  const name = [offer.givenName, offer.familyName].filter(Boolean).join(" ");
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState("");
  const [problems, setProblems] = useState<Problem[]>([]);
  const [busy, setBusy] = useState(false);

  async function accept() {
    setBusy(true);
    setProblems([]);
    try {
      await request(AcceptHandOver, { offerId: offer.id });
      onDecided(t("client.casework.offers.accepted", { name }));
    } catch (error) {
      setProblems(problemsFrom(error));
    } finally {
      setBusy(false);
    }
  }

  async function reject(event: Event) {
    event.preventDefault();
    if (!reason.trim()) {
      setProblems([
        {
          field: `${id}-reason`,
          message: t("client.error.required", { field: t("client.casework.offers.reason") }),
        },
      ]);
      return;
    }
    setBusy(true);
    setProblems([]);
    try {
      await request(RejectHandOver, { offerId: offer.id, reason });
      onDecided(t("client.casework.offers.rejected", { name }));
    } catch (error) {
      setProblems(problemsFrom(error, { reason: `${id}-reason` }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <article class="casework-item hand-over-offer" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{name}</h2>
      <dl class="casework-facts">
        <dt>{t("client.casework.offers.date_of_birth")}</dt>
        <dd>{formatDate(offer.dateOfBirth, language)}</dd>
        <dt>{t("client.casework.handover.moving_on")}</dt>
        <dd>{formatDate(offer.movingOn, language)}</dd>
        <dt>{t("client.casework.handover.effective_on")}</dt>
        <dd>{formatDate(offer.effectiveOn, language)}</dd>
        <dt>{t("client.casework.handover.from")}</dt>
        <dd>{offer.fromTeamName}</dd>
        <dt>{t("client.casework.handover.to")}</dt>
        <dd>{offer.toTeamName}</dd>
        <dt>{t("client.casework.offers.state")}</dt>
        <dd>{handOverStateLabel(offer.state)}</dd>
      </dl>
      <ErrorSummary problems={problems} />
      {offer.state === "OFFERED" &&
        (rejecting ? (
          <form onSubmit={(event) => void reject(event)} noValidate>
            <TextAreaField
              id={`${id}-reason`}
              label={t("client.casework.offers.reason")}
              rows={3}
              value={reason}
              onValue={setReason}
              error={errorFor(problems, `${id}-reason`)}
            />
            <div class="button-row">
              <button type="submit" class="button-danger" disabled={busy}>
                {t("client.casework.offers.reject")}
              </button>
              <button type="button" class="button-secondary" onClick={() => setRejecting(false)}>
                {t("client.casework.cancel")}
              </button>
            </div>
          </form>
        ) : (
          <div class="button-row">
            <button type="button" disabled={busy} onClick={() => void accept()}>
              {t("client.casework.offers.accept")}
              <span class="visually-hidden">: {name}</span>
            </button>
            <button type="button" class="button-secondary" onClick={() => setRejecting(true)}>
              {t("client.casework.offers.reject")}
              <span class="visually-hidden">: {name}</span>
            </button>
          </div>
        ))}
    </article>
  );
}

export default function HandOverOffersScreen() {
  const { data, error, loading, reload } = useQuery(HandOverOffersDocument, {});
  const [message, setMessage] = useState("");
  const offers = data?.handOverOffers ?? [];
  return (
    <Page title={t("client.casework.offers.title")}>
      <p>{t("client.casework.offers.intro")}</p>
      <p role="status" class={message ? "notice notice-success" : "visually-hidden"}>
        {message}
      </p>
      {loading && !data && <Loading />}
      {error && <LoadError error={error} retry={reload} />}
      {data && offers.length === 0 && <p>{t("client.casework.offers.none")}</p>}
      <ul class="casework-list">
        {offers.map((offer) => (
          <li key={offer.id}>
            <OfferCard
              offer={offer}
              onDecided={(text) => {
                setMessage(text);
                reload();
              }}
            />
          </li>
        ))}
      </ul>
    </Page>
  );
}
