// The German labels beside the translated ones (the words the offices use), offered when the
// interface is not German. The choice is kept in localStorage, so it lasts across visits.
import { useState } from "preact/hooks";
import { useApp } from "../../context";
import { t } from "../../i18n";

const GERMAN_KEY = "mobio.germanLabels";

function storedGerman(): boolean {
  try {
    return localStorage.getItem(GERMAN_KEY) !== "off";
  } catch {
    return true;
  }
}

/** `offered`: show the toggle; `checked`: its state; `shown`: show the German labels now. */
export function useGermanLabels() {
  const { language } = useApp();
  const [checked, setChecked] = useState(storedGerman);
  const offered = language !== "de";
  function choose(on: boolean) {
    setChecked(on);
    try {
      localStorage.setItem(GERMAN_KEY, on ? "on" : "off");
    } catch {
      // not stored: lasts for this visit
    }
  }
  return { offered, checked, shown: checked && offered, choose };
}

export function GermanToggle({
  checked,
  onChoose,
}: {
  checked: boolean;
  onChoose: (on: boolean) => void;
}) {
  return (
    <div class="field checkbox german-toggle">
      <input
        id="german-labels"
        type="checkbox"
        checked={checked}
        onChange={(event) => onChoose(event.currentTarget.checked)}
      />
      <label for="german-labels">{t("client.biography.german_labels")}</label>
    </div>
  );
}
