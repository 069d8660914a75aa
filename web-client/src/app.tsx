// The application: language and session state, the shell, and the routes. Every screen is its
// own lazily loaded chunk (src/screens/<area>/<Name>Screen.tsx, default export).
import type { ComponentType } from "preact";
import { ErrorBoundary, lazy, LocationProvider, Route, Router, useLocation } from "preact-iso";
import { useCallback, useEffect, useMemo, useState } from "preact/hooks";
import { request } from "./api";
import { Loading } from "./components/Status";
import { adminOnly } from "./components/admin/adminOnly";
import { Shell } from "./components/Shell";
import { AppContext, type AppState, type Me, useApp } from "./context";
import { graphql } from "./gql";
import { currentLanguage, type Language, loadLanguage, storedLanguage } from "./i18n";
import { CLIENT_SCOPE, navigate, paths } from "./routes";

const Session = graphql(`
  query Session {
    me {
      id
      email
      kind
      language
    }
  }
`);

const ChangeLanguage = graphql(`
  mutation ChangeLanguage($language: String!) {
    changeLanguage(language: $language)
  }
`);

const LanguageScreen = lazy(() => import("./screens/language/LanguageScreen"));
const LoginScreen = lazy(() => import("./screens/login/LoginScreen"));
const RegisterScreen = lazy(() => import("./screens/register/RegisterScreen"));
const RegisterSentScreen = lazy(() => import("./screens/register/RegisterSentScreen"));
const PasswordForgottenScreen = lazy(() => import("./screens/password/PasswordForgottenScreen"));
const HomeScreen = lazy(() => import("./screens/home/HomeScreen"));
const BiographyScreen = lazy(() => import("./screens/biography/BiographyScreen"));
const SectionScreen = lazy(() => import("./screens/biography/SectionScreen"));
const ReleasesScreen = lazy(() => import("./screens/releases/ReleasesScreen"));
const AccessLogScreen = lazy(() => import("./screens/access-log/AccessLogScreen"));
const DocumentsScreen = lazy(() => import("./screens/documents/DocumentsScreen"));
const AccountScreen = lazy(() => import("./screens/account/AccountScreen"));
const ConfirmEmailScreen = lazy(() => import("./screens/account/ConfirmEmailScreen"));
const DataExportScreen = lazy(() => import("./screens/export/DataExportScreen"));
const DeletionScreen = lazy(() => import("./screens/deletion/DeletionScreen"));
const UndoDeletionScreen = lazy(() => import("./screens/deletion/UndoDeletionScreen"));
const NotFoundScreen = lazy(() => import("./screens/not-found/NotFoundScreen"));
const AdminHomeScreen = lazy(() => import("./screens/admin/AdminHomeScreen"));
const MunicipalitiesScreen = lazy(() => import("./screens/admin/MunicipalitiesScreen"));
const TeamsScreen = lazy(() => import("./screens/admin/TeamsScreen"));
const StaffAccountsScreen = lazy(() => import("./screens/admin/StaffAccountsScreen"));
const DeclarationsScreen = lazy(() => import("./screens/admin/DeclarationsScreen"));
const AdminFormsScreen = lazy(() => import("./screens/admin/FormsScreen"));
const DashboardScreen = lazy(() => import("./screens/caseload/DashboardScreen"));
const CaseloadScreen = lazy(() => import("./screens/caseload/CaseloadScreen"));
const PersonScreen = lazy(() => import("./screens/person/PersonScreen"));
const PersonSectionScreen = lazy(() => import("./screens/person/PersonSectionScreen"));
const NewProfileScreen = lazy(() => import("./screens/casework/NewProfileScreen"));
const HandOverOffersScreen = lazy(() => import("./screens/casework/HandOverOffersScreen"));
const MyGoalsScreen = lazy(() => import("./screens/casework/MyGoalsScreen"));
const MyCorrectionsScreen = lazy(() => import("./screens/casework/MyCorrectionsScreen"));
const ClaimScreen = lazy(() => import("./screens/claim/ClaimScreen"));
const EvaluationScreen = lazy(() => import("./screens/evaluation/EvaluationScreen"));
const ExtractsScreen = lazy(() => import("./screens/evaluation/ExtractsScreen"));
const AdminExtractsScreen = lazy(() => import("./screens/admin/ExtractsScreen"));
const ResearchScreen = lazy(() => import("./screens/account/ResearchScreen"));

/** Where to send someone who has not chosen a language yet, back afterwards. */
function Redirect({ to }: { to: string }) {
  const { route } = useLocation();
  useEffect(() => route(to, true), [to]);
  return null;
}

/** Routes for logged-in newcomers: while the session loads, wait; without one, log in first. */
function loggedIn(Screen: ComponentType<any>): ComponentType<any> {
  return function Guarded(props: object) {
    const { me } = useApp();
    const { url } = useLocation();
    if (me === undefined) return <Loading />;
    if (me === null) return <Redirect to={`${paths.login}?next=${encodeURIComponent(url)}`} />;
    return <Screen {...props} />;
  };
}

/** Routes for anonymous visitors (login, registration): logged in, go home. */
function anonymous(Screen: ComponentType<any>): ComponentType<any> {
  return function Anonymous(props: object) {
    const { me } = useApp();
    if (me) return <Redirect to={paths.home} />;
    return <Screen {...props} />;
  };
}

function Start() {
  const { me } = useApp();
  if (me === undefined) return <Loading />;
  return <Redirect to={me ? paths.home : paths.login} />;
}

/** Routes for caseworkers only: anyone else finds nothing there. */
function caseworkers(Screen: ComponentType<any>): ComponentType<any> {
  return loggedIn(function Caseworker(props: object) {
    const { me } = useApp();
    return me?.kind === "CASEWORKER" ? <Screen {...props} /> : <NotFoundScreen />;
  });
}

/** Routes for analysts only: anyone else finds nothing there (the server refuses them too). */
function analysts(Screen: ComponentType<any>): ComponentType<any> {
  return loggedIn(function Analyst(props: object) {
    const { me } = useApp();
    return me?.kind === "ANALYST" ? <Screen {...props} /> : <NotFoundScreen />;
  });
}

/** Routes for newcomers only (their own data): staff find nothing there. */
function newcomers(Screen: ComponentType<any>): ComponentType<any> {
  return loggedIn(function Newcomer(props: object) {
    const { me } = useApp();
    return me?.kind === "NEWCOMER" ? <Screen {...props} /> : <NotFoundScreen />;
  });
}

/** Home: a caseworker's is their dashboard. */
const Home = loggedIn(function Home(props: object) {
  const { me } = useApp();
  if (me?.kind === "ADMINISTRATOR") return <Redirect to={paths.admin} />;
  if (me?.kind === "ANALYST") return <Redirect to={paths.evaluation} />;
  return me?.kind === "CASEWORKER" ? <DashboardScreen {...props} /> : <HomeScreen {...props} />;
});
const AdminHome = loggedIn(adminOnly(AdminHomeScreen, NotFoundScreen));
const Municipalities = loggedIn(adminOnly(MunicipalitiesScreen, NotFoundScreen));
const Teams = loggedIn(adminOnly(TeamsScreen, NotFoundScreen));
const StaffAccounts = loggedIn(adminOnly(StaffAccountsScreen, NotFoundScreen));
const Declarations = loggedIn(adminOnly(DeclarationsScreen, NotFoundScreen));
const AdminForms = loggedIn(adminOnly(AdminFormsScreen, NotFoundScreen));
const Caseload = caseworkers(CaseloadScreen);
const Person = caseworkers(PersonScreen);
const PersonSection = caseworkers(PersonSectionScreen);
const NewProfile = caseworkers(NewProfileScreen);
const HandOverOffers = caseworkers(HandOverOffersScreen);
const MyGoals = loggedIn(MyGoalsScreen);
const MyCorrections = loggedIn(MyCorrectionsScreen);
const Claim = anonymous(ClaimScreen);
const Evaluation = analysts(EvaluationScreen);
const Extracts = analysts(ExtractsScreen);
const AdminExtracts = loggedIn(adminOnly(AdminExtractsScreen, NotFoundScreen));
const Research = newcomers(ResearchScreen);
const Biography = loggedIn(BiographyScreen);
const Section = loggedIn(SectionScreen);
const Releases = loggedIn(ReleasesScreen);
const AccessLog = loggedIn(AccessLogScreen);
const Documents = loggedIn(DocumentsScreen);
const Account = loggedIn(AccountScreen);
const DataExport = loggedIn(DataExportScreen);
const Deletion = loggedIn(DeletionScreen);
const Login = anonymous(LoginScreen);
const Register = anonymous(RegisterScreen);

function Routes() {
  const { path, url } = useLocation();
  // First visit: choose the language before anything else, then come back.
  if (storedLanguage() === null && path !== paths.language) {
    return <Redirect to={`${paths.language}?next=${encodeURIComponent(url)}`} />;
  }
  return (
    <ErrorBoundary>
      <Router>
        <Route path={paths.start} component={Start} />
        <Route path={paths.language} component={LanguageScreen} />
        <Route path={paths.login} component={Login} />
        <Route path={paths.register} component={Register} />
        <Route path={paths.registerSent} component={RegisterSentScreen} />
        <Route path={paths.passwordForgotten} component={PasswordForgottenScreen} />
        <Route path={paths.home} component={Home} />
        <Route path={paths.biography} component={Biography} />
        <Route path={`${paths.biography}/:section`} component={Section} />
        <Route path={`${paths.biography}/:kind/:memberId/:section`} component={Section} />
        <Route path={paths.releases} component={Releases} />
        <Route path={paths.accessLog} component={AccessLog} />
        <Route path={paths.documents} component={Documents} />
        <Route path={paths.account} component={Account} />
        <Route path={paths.dataExport} component={DataExport} />
        <Route path={paths.deletion} component={Deletion} />
        <Route path={paths.undoDeletion} component={UndoDeletionScreen} />
        <Route path={paths.confirmEmail} component={ConfirmEmailScreen} />
        <Route path={paths.admin} component={AdminHome} />
        <Route path={paths.adminMunicipalities} component={Municipalities} />
        <Route path={paths.adminTeams} component={Teams} />
        <Route path={paths.adminAccounts} component={StaffAccounts} />
        <Route path={paths.adminDeclarations} component={Declarations} />
        <Route path={paths.adminForms} component={AdminForms} />
        <Route path={paths.caseload} component={Caseload} />
        <Route path={paths.newProfile} component={NewProfile} />
        <Route path={paths.handOverOffers} component={HandOverOffers} />
        <Route path={paths.myGoals} component={MyGoals} />
        <Route path={paths.myCorrections} component={MyCorrections} />
        <Route path={paths.claim} component={Claim} />
        <Route path={paths.evaluation} component={Evaluation} />
        <Route path={paths.extracts} component={Extracts} />
        <Route path={paths.adminExtracts} component={AdminExtracts} />
        <Route path={paths.research} component={Research} />
        <Route path="/persons/:personId" component={Person} />
        <Route path="/persons/:personId/:tab" component={Person} />
        <Route path="/persons/:personId/biography/:section" component={PersonSection} />
        <Route
          path="/persons/:personId/biography/:kind/:memberId/:section"
          component={PersonSection}
        />
        <Route default component={NotFoundScreen} />
      </Router>
    </ErrorBoundary>
  );
}

export function App() {
  const [language, setLanguageState] = useState<Language>(currentLanguage());
  const [me, setMe] = useState<Me | null | undefined>(undefined);

  const refreshSession = useCallback(async (): Promise<Me | null> => {
    try {
      const account = (await request(Session)).me ?? null;
      // The language shown on this device wins; the account follows it (mails use it).
      if (account && account.language !== currentLanguage()) {
        void request(ChangeLanguage, { language: currentLanguage() }).catch(() => undefined);
      }
      setMe(account);
      return account;
    } catch {
      setMe(null);
      return null;
    }
  }, []);

  useEffect(() => {
    void refreshSession();
  }, [refreshSession]);

  const setLanguage = useCallback(
    async (next: Language) => {
      await loadLanguage(next, true);
      setLanguageState(next);
      if (me) void request(ChangeLanguage, { language: next }).catch(() => undefined);
    },
    [me],
  );

  const endSession = useCallback((reason: "logout" | "expired") => {
    setMe(null);
    const here = location.pathname + location.search;
    navigate(
      reason === "expired"
        ? `${paths.login}?expired=1&next=${encodeURIComponent(here)}`
        : `${paths.login}?out=1`,
      true,
    );
  }, []);

  const state = useMemo<AppState>(
    () => ({ language, setLanguage, me, refreshSession, endSession }),
    [language, setLanguage, me, refreshSession, endSession],
  );

  return (
    <AppContext.Provider value={state}>
      <LocationProvider scope={CLIENT_SCOPE}>
        <Shell>
          <Routes />
        </Shell>
      </LocationProvider>
    </AppContext.Provider>
  );
}
