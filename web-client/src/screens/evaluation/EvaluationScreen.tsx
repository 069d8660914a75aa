// The analyst's evaluation: a period, what is counted, one or two dimensions and optional filters
// by whole categories; the server answers from the period's protected set. Hidden cells stay
// hidden here: nothing is computed from them, the totals are margins the server publishes.
import { useState } from "preact/hooks";
import { ErrorSummary, errorFor, type Problem } from "../../components/Form";
import { Page } from "../../components/Page";
import { LoadError, Loading } from "../../components/Status";
import { SelectField } from "../../components/admin/fields";
import { type Count, CrossTable } from "../../components/evaluation/CrossTable";
import {
  type Filter,
  FilterCategories,
  filterFieldId,
} from "../../components/evaluation/FilterCategories";
import { periodLabel } from "../../components/evaluation/format";
import { ReportLinks } from "../../components/evaluation/ReportLinks";
import { useApp } from "../../context";
import { graphql } from "../../gql";
import type {
  EvaluationDimension,
  EvaluationMeasure,
  EvaluationTableQueryVariables,
} from "../../gql/graphql";
import { t } from "../../i18n";
import { useQuery } from "../../lib/useQuery";
import "../../components/releases/releases.css";
import "../../components/evaluation/evaluation.css";

const Choices = graphql(`
  query EvaluationChoices {
    evaluationPeriods {
      code
      year
      quarter
    }
    evaluationCatalogue {
      measure
      measureLabel
      dimensions {
        dimension
        label
      }
    }
  }
`);

// The table and, alongside, the margins that are its totals (published with it).
const Table = graphql(`
  query EvaluationTable(
    $period: String!
    $measure: EvaluationMeasure!
    $dimensions: [EvaluationDimension!]!
    $filters: [EvaluationFilter!]
    $rowDimensions: [EvaluationDimension!]!
    $columnDimensions: [EvaluationDimension!]!
    $crossed: Boolean!
  ) {
    table: evaluationTable(
      period: $period
      measure: $measure
      dimensions: $dimensions
      filters: $filters
    ) {
      period {
        code
        year
        quarter
      }
      measureLabel
      minimumCell
      dimensions {
        dimension
        label
      }
      cells {
        categories {
          code
          label
        }
        value
        suppressed
      }
    }
    rowTotals: evaluationTable(
      period: $period
      measure: $measure
      dimensions: $rowDimensions
      filters: $filters
    ) @include(if: $crossed) {
      cells {
        categories {
          code
        }
        value
        suppressed
      }
    }
    columnTotals: evaluationTable(
      period: $period
      measure: $measure
      dimensions: $columnDimensions
      filters: $filters
    ) @include(if: $crossed) {
      cells {
        categories {
          code
        }
        value
        suppressed
      }
    }
    total: evaluationTable(period: $period, measure: $measure, dimensions: [], filters: $filters) {
      cells {
        value
        suppressed
      }
    }
  }
`);

const MAX_DIMENSIONS = 3; // the server's limit, filters included (it refuses more, translated)
const NOTHING_ASKED: EvaluationTableQueryVariables = {
  period: "",
  measure: "PERSONS",
  dimensions: [],
  rowDimensions: [],
  columnDimensions: [],
  crossed: false,
};

type Margin = {
  cells: { categories: { code: string }[]; value?: number | null; suppressed: boolean }[];
};

function byCategory(margin: Margin | null | undefined): Map<string, Count> | undefined {
  return margin
    ? new Map(margin.cells.map((cell) => [cell.categories[0]?.code ?? "", cell]))
    : undefined;
}

export default function EvaluationScreen() {
  const { language } = useApp();
  const choices = useQuery(Choices, {});
  const [period, setPeriod] = useState("");
  const [measure, setMeasure] = useState<EvaluationMeasure | "">("");
  const [rows, setRows] = useState<EvaluationDimension | "">("");
  const [columns, setColumns] = useState<EvaluationDimension | "">("");
  const [filters, setFilters] = useState<Filter[]>([]);
  const [adding, setAdding] = useState<EvaluationDimension | "">("");
  const [problems, setProblems] = useState<Problem[]>([]);
  const [asked, setAsked] = useState<{
    variables: EvaluationTableQueryVariables;
    narrowed: string;
  }>();
  const result = useQuery(Table, asked?.variables ?? NOTHING_ASKED, { skip: !asked });

  const periods = choices.data?.evaluationPeriods ?? [];
  const catalogue = choices.data?.evaluationCatalogue ?? [];
  const measures = [...new Map(catalogue.map((spec) => [spec.measure, spec.measureLabel]))];
  const chosenPeriod = period || periods[0]?.code || "";
  const chosenMeasure = measure || measures[0]?.[0] || "PERSONS";
  const specs = catalogue.filter((spec) => spec.measure === chosenMeasure);
  const dimensions = [
    ...new Map(specs.flatMap((s) => s.dimensions.map((d) => [d.dimension, d.label]))),
  ];
  const labelOf = (dimension: EvaluationDimension) =>
    dimensions.find(([d]) => d === dimension)?.[1] ?? dimension;
  const chosenRows = rows || dimensions[0]?.[0] || "MUNICIPALITY";
  const inTable = new Set<EvaluationDimension>(columns ? [chosenRows, columns] : [chosenRows]);
  const used = new Set([...inTable, ...filters.map((f) => f.dimension)]);
  const filterable = dimensions
    .map(([d]) => d)
    .filter((d) => !filters.some((f) => f.dimension === d))
    .filter((d) => inTable.has(d) || used.size < MAX_DIMENSIONS);
  const options = (list: [EvaluationDimension, string][]) =>
    list.map(([value, label]) => ({ value, label }));

  function chooseMeasure(next: string) {
    if (next === chosenMeasure) return; // its dimensions and filters still fit
    setMeasure(next as EvaluationMeasure);
    setRows("");
    setColumns("");
    setFilters([]);
    setProblems([]);
  }

  function addFilter() {
    const dimension = adding || filterable[0];
    if (!dimension) return;
    setFilters([...filters, { dimension, chosen: [] }]);
    setAdding("");
  }

  function show(event: Event) {
    event.preventDefault();
    const found = filters
      .filter((filter) => !filter.chosen.length)
      .map((filter) => ({
        field: filterFieldId(filter.dimension),
        message: t("client.evaluation.filter_empty", { dimension: labelOf(filter.dimension) }),
      }));
    setProblems(found);
    if (found.length || !chosenPeriod) return;
    const narrowed = filters
      .map((f) => `${labelOf(f.dimension)}: ${f.chosen.map((c) => c.label).join(", ")}`)
      .join("; ");
    setAsked({
      narrowed,
      variables: {
        period: chosenPeriod,
        measure: chosenMeasure,
        dimensions: columns ? [chosenRows, columns] : [chosenRows],
        filters: filters.length
          ? filters.map((f) => ({ dimension: f.dimension, codes: f.chosen.map((c) => c.code) }))
          : null,
        rowDimensions: [chosenRows],
        columnDimensions: [columns || chosenRows],
        crossed: Boolean(columns),
      },
    });
  }

  const answer = result.error ? undefined : result.data;
  const table = answer?.table;
  const caption = table
    ? t("client.evaluation.caption", {
        measure: table.measureLabel,
        dimensions: table.dimensions.map((d) => d.label).join(" × "),
        period: periodLabel(table.period),
      })
    : "";
  const shownPeriod = periods.find((p) => p.code === chosenPeriod);

  return (
    <Page title={t("client.evaluation.title")}>
      <p>{t("client.evaluation.intro")}</p>
      {choices.loading && !choices.data && <Loading />}
      {choices.error && <LoadError error={choices.error} retry={choices.reload} />}
      {choices.data && periods.length === 0 && (
        <p class="notice">{t("client.evaluation.no_periods")}</p>
      )}
      {choices.data && periods.length > 0 && (
        <section aria-labelledby="evaluation-choose" class="evaluation-choice">
          <h2 id="evaluation-choose">{t("client.evaluation.choose")}</h2>
          <ErrorSummary problems={problems} />
          <form onSubmit={show} noValidate>
            <SelectField
              id="evaluation-period"
              label={t("client.evaluation.period")}
              value={chosenPeriod}
              options={periods.map((p) => ({ value: p.code, label: periodLabel(p) }))}
              onValue={setPeriod}
            />
            <SelectField
              id="evaluation-measure"
              label={t("client.evaluation.measure")}
              value={chosenMeasure}
              options={measures.map(([value, label]) => ({ value, label }))}
              onValue={chooseMeasure}
            />
            <SelectField
              id="evaluation-rows"
              label={t("client.evaluation.rows")}
              value={chosenRows}
              options={options(dimensions)}
              onValue={(value) => setRows(value as EvaluationDimension)}
            />
            <SelectField
              id="evaluation-columns"
              label={t("client.evaluation.columns")}
              value={columns}
              choose={t("client.evaluation.no_columns")}
              options={options(dimensions.filter(([d]) => d !== chosenRows))}
              onValue={(value) => setColumns(value as EvaluationDimension | "")}
            />
            <details class="evaluation-published">
              <summary>{t("client.evaluation.published.summary")}</summary>
              <ul>
                {specs.map((spec) => {
                  const names = spec.dimensions.map((d) => d.label).join(" × ");
                  return <li key={names}>{names}</li>;
                })}
              </ul>
              <p class="hint">{t("client.evaluation.published.hint")}</p>
            </details>

            <fieldset class="evaluation-filters">
              <legend>{t("client.evaluation.filters")}</legend>
              <p class="hint">{t("client.evaluation.filters_hint", { limit: MAX_DIMENSIONS })}</p>
              {filters.map((filter) => (
                <FilterCategories
                  key={filter.dimension}
                  period={chosenPeriod}
                  measure={chosenMeasure}
                  filter={filter}
                  label={labelOf(filter.dimension)}
                  error={errorFor(problems, filterFieldId(filter.dimension))}
                  onChosen={(chosen) =>
                    setFilters(filters.map((f) => (f === filter ? { ...f, chosen } : f)))
                  }
                  onRemove={() => setFilters(filters.filter((f) => f !== filter))}
                />
              ))}
              {filterable.length > 0 && (
                <div class="evaluation-filter-add">
                  <SelectField
                    id="evaluation-filter-by"
                    label={t("client.evaluation.filter_add_by")}
                    value={adding || filterable[0] || ""}
                    options={options(dimensions.filter(([d]) => filterable.includes(d)))}
                    onValue={(value) => setAdding(value as EvaluationDimension)}
                  />
                  <button type="button" class="button-secondary" onClick={addFilter}>
                    {t("client.evaluation.filter_add")}
                  </button>
                </div>
              )}
            </fieldset>
            <button type="submit" disabled={result.loading && Boolean(asked)}>
              {t("client.evaluation.show")}
            </button>
          </form>
        </section>
      )}

      <p role="status" class={asked && result.loading ? "loading" : "visually-hidden"}>
        {asked && result.loading ? t("client.evaluation.working") : caption}
      </p>
      {asked && result.error && (
        <LoadError
          error={result.error}
          {...(result.error.code === "BAD_INPUT" ? {} : { retry: result.reload })}
        />
      )}
      {table && (
        <section aria-labelledby="evaluation-result" class="evaluation-result">
          <h2 id="evaluation-result">{t("client.evaluation.result")}</h2>
          {asked?.narrowed && (
            <p class="hint">{t("client.evaluation.narrowed", { filters: asked.narrowed })}</p>
          )}
          {table.cells.length === 0 ? (
            <p>{t("client.evaluation.empty")}</p>
          ) : (
            <CrossTable
              caption={caption}
              dimensions={table.dimensions.map((d) => d.label)}
              cells={table.cells}
              rowTotals={byCategory(answer.rowTotals)}
              columnTotals={byCategory(answer.columnTotals)}
              total={answer.total.cells[0]}
            />
          )}
          <p class="evaluation-legend">
            <span aria-hidden="true">• </span>
            {t("client.evaluation.legend", { k: table.minimumCell })}
          </p>
        </section>
      )}

      {shownPeriod && (
        <ReportLinks
          period={shownPeriod.code}
          label={periodLabel(shownPeriod)}
          language={language}
        />
      )}
    </Page>
  );
}
