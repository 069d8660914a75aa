// One filter of the evaluation: the whole categories of a dimension to keep, as checkboxes. The
// categories and their labels come from the server (that dimension's own published table).
import { Loading, LoadError } from "../Status";
import { graphql } from "../../gql";
import type { EvaluationDimension, EvaluationMeasure } from "../../gql/graphql";
import { t } from "../../i18n";
import { useQuery } from "../../lib/useQuery";

const Categories = graphql(`
  query EvaluationCategories(
    $period: String!
    $measure: EvaluationMeasure!
    $dimensions: [EvaluationDimension!]!
  ) {
    evaluationTable(period: $period, measure: $measure, dimensions: $dimensions) {
      cells {
        categories {
          code
          label
        }
      }
    }
  }
`);

export interface Category {
  code: string;
  label: string;
}

export interface Filter {
  dimension: EvaluationDimension;
  chosen: Category[];
}

/** The id of a filter's first checkbox (where the error summary leads). */
export function filterFieldId(dimension: EvaluationDimension): string {
  return `filter-${dimension.toLowerCase()}-0`;
}

export function FilterCategories(props: {
  period: string;
  measure: EvaluationMeasure;
  filter: Filter;
  label: string;
  error?: string | undefined;
  onChosen: (chosen: Category[]) => void;
  onRemove: () => void;
}) {
  const { period, measure, filter, label, error, onChosen, onRemove } = props;
  const query = useQuery(Categories, { period, measure, dimensions: [filter.dimension] });
  const categories: Category[] =
    query.data?.evaluationTable.cells.flatMap((cell) => cell.categories.slice(0, 1)) ?? [];
  const id = `filter-${filter.dimension.toLowerCase()}`;
  const isChosen = (code: string) => filter.chosen.some((c) => c.code === code);

  function toggle(category: Category, on: boolean) {
    const rest = filter.chosen.filter((c) => c.code !== category.code);
    // Kept in the server's order, so the summary reads like the table.
    const chosen = on ? [...rest, category] : rest;
    onChosen(categories.filter((c) => chosen.some((d) => d.code === c.code)));
  }

  return (
    <fieldset
      class={error ? "evaluation-filter field-error" : "evaluation-filter"}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <legend>{label}</legend>
      {error && (
        <p id={`${id}-error`} class="error-message">
          {error}
        </p>
      )}
      {query.loading && !query.data && <Loading />}
      {query.error && <LoadError error={query.error} retry={query.reload} />}
      <ul class="checkbox-list">
        {categories.map((category, index) => (
          <li key={category.code} class="field checkbox">
            <input
              type="checkbox"
              id={`${id}-${index}`}
              checked={isChosen(category.code)}
              onChange={(event) => toggle(category, event.currentTarget.checked)}
            />
            <label for={`${id}-${index}`}>{category.label}</label>
          </li>
        ))}
      </ul>
      <button type="button" class="button-secondary" onClick={onRemove}>
        {t("client.evaluation.filter_remove", { dimension: label })}
      </button>
    </fieldset>
  );
}
