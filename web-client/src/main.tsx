// Entry: load the language's texts, then render. Everything else loads per screen.
import { render } from "preact";
import { App } from "./app";
import { initialLanguage, loadLanguage, storedLanguage } from "./i18n";
import "./styles.css";

const root = document.getElementById("app");
if (root) {
  void loadLanguage(initialLanguage(), storedLanguage() !== null).then(() => render(<App />, root));
}
