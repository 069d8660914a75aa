// Log in with e-mail address and password, then go where the visitor wanted to go.
import { useLocation } from "preact-iso";
import { useState } from "preact/hooks";
import { request } from "../../api";
import { ErrorSummary, errorFor, Field, type Problem, problemsFrom } from "../../components/Form";
import { Page } from "../../components/Page";
import { useApp } from "../../context";
import { graphql } from "../../gql";
import { t } from "../../i18n";
import { paths, queryParam, safeNext } from "../../routes";

const Login = graphql(`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password)
  }
`);

export default function LoginScreen() {
  const { refreshSession } = useApp();
  const { route } = useLocation();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [problems, setProblems] = useState<Problem[]>([]);
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    const missing: Problem[] = [];
    if (!email.trim())
      missing.push({
        field: "email",
        message: t("client.error.required", { field: t("client.field.email") }),
      });
    if (!password)
      missing.push({
        field: "password",
        message: t("client.error.required", { field: t("client.field.password") }),
      });
    setProblems(missing);
    if (missing.length) return;
    setBusy(true);
    try {
      await request(Login, { email: email.trim(), password });
      await refreshSession();
      route(safeNext(queryParam("next"), paths.home), true);
    } catch (error) {
      setProblems(problemsFrom(error, { email: "email", password: "password" }));
    } finally {
      setBusy(false);
    }
  }

  const notice = queryParam("expired")
    ? t("client.login.expired")
    : queryParam("out")
      ? t("client.login.logged_out")
      : null;

  return (
    <Page title={t("client.login.title")}>
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      <ErrorSummary problems={problems} />
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Field
          id="email"
          type="email"
          autocomplete="username"
          inputMode="email"
          label={t("client.field.email")}
          value={email}
          onValue={setEmail}
          error={errorFor(problems, "email")}
        />
        <Field
          id="password"
          type="password"
          autocomplete="current-password"
          label={t("client.field.password")}
          value={password}
          onValue={setPassword}
          error={errorFor(problems, "password")}
        />
        <button type="submit" disabled={busy}>
          {t("client.login.submit")}
        </button>
      </form>
      <p>
        <a href={paths.passwordForgotten}>{t("client.login.forgotten")}</a>
      </p>
      <p>
        {t("client.login.new_here")} <a href={paths.register}>{t("client.register.title")}</a>
      </p>
    </Page>
  );
}
