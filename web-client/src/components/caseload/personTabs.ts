// The parts of the caseworker's person view, one tab each, in the order shown. Each tab is a
// panel that reads what it needs for one person; adding goal agreements, case notes, hand-over
// or corrections is one entry here (a lazy panel keeps its code out of the first load).
import type { ComponentType } from "preact";
import type { MessageId } from "../../i18n";
import { lazy } from "preact-iso";
import { BiographyPanel } from "./BiographyPanel";

// The case-management panels (components/casework/) load when their tab is first opened.
const GoalsPanel = lazy(() => import("../casework/GoalsPanel").then((m) => m.GoalsPanel));
const CaseNotesPanel = lazy(() =>
  import("../casework/CaseNotesPanel").then((m) => m.CaseNotesPanel),
);
const HandOverPanel = lazy(() => import("../casework/HandOverPanel").then((m) => m.HandOverPanel));
const CorrectionsPanel = lazy(() =>
  import("../casework/CorrectionsPanel").then((m) => m.CorrectionsPanel),
);

export interface PanelProps {
  personId: string;
}

export interface PersonTab {
  /** The path segment: /persons/<id>/<key>. */
  key: string;
  label: MessageId;
  Panel: ComponentType<PanelProps>;
}

export const PERSON_TABS: readonly PersonTab[] = [
  { key: "biography", label: "client.person.tab_biography", Panel: BiographyPanel },
  { key: "goals", label: "client.person.tab_goals", Panel: GoalsPanel },
  { key: "notes", label: "client.person.tab_notes", Panel: CaseNotesPanel },
  { key: "hand-over", label: "client.person.tab_hand_over", Panel: HandOverPanel },
  { key: "corrections", label: "client.person.tab_corrections", Panel: CorrectionsPanel },
];

export const DEFAULT_TAB = "biography";

/** The tab named in the route, or null for an unknown one. */
export function tabOf(key: string | undefined): PersonTab | null {
  return PERSON_TABS.find((tab) => tab.key === (key ?? DEFAULT_TAB)) ?? null;
}
