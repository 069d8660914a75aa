// One answer of the server as a table: rows of the first dimension, columns of the second, each
// published count with a bar, hidden cells as "•". Nothing is computed from hidden cells: the
// totals are the server's own margins (asked for alongside), hidden there too when they must be.
import { t } from "../../i18n";
import { formatCount } from "./format";

export interface Count {
  value?: number | null;
  suppressed: boolean;
}

export interface TableCell extends Count {
  categories: { code: string; label: string }[];
}

export interface CrossTableProps {
  caption: string;
  /** The labels of the one or two dimensions, in order. */
  dimensions: string[];
  cells: TableCell[];
  /** Per category code of the first dimension, the server's total (two dimensions only). */
  rowTotals?: Map<string, Count> | undefined;
  /** Per category code of the second dimension, the server's total (two dimensions only). */
  columnTotals?: Map<string, Count> | undefined;
  total?: Count | undefined;
}

/** Categories in the server's order, each once. */
function categoriesAt(cells: TableCell[], position: number): { code: string; label: string }[] {
  const seen = new Map<string, string>();
  for (const cell of cells) {
    const category = cell.categories[position];
    if (category && !seen.has(category.code)) seen.set(category.code, category.label);
  }
  return [...seen].map(([code, label]) => ({ code, label }));
}

/** A count, hidden, or (never expected: the server sends every cell) empty. */
function Value({ count, largest }: { count: Count | undefined; largest?: number }) {
  if (!count) return <td />;
  if (count.suppressed || count.value == null) {
    return (
      <td class="count count-hidden">
        <span aria-hidden="true">•</span>
        <span class="visually-hidden">{t("client.evaluation.hidden")}</span>
      </td>
    );
  }
  const share = largest ? Math.round((count.value / largest) * 100) : 0;
  return (
    <td class="count">
      <span class="count-number">{formatCount(count.value)}</span>
      {largest !== undefined && (
        <span class="count-bar" aria-hidden="true">
          <span style={{ inlineSize: `${share}%` }} />
        </span>
      )}
    </td>
  );
}

export function CrossTable(props: CrossTableProps) {
  const { caption, dimensions, cells, rowTotals, columnTotals, total } = props;
  const crossed = dimensions.length === 2;
  const rows = categoriesAt(cells, 0);
  const columns = crossed ? categoriesAt(cells, 1) : [];
  const byKey = new Map(cells.map((cell) => [cell.categories.map((c) => c.code).join("|"), cell]));
  // The bars' scale: the largest count the server published in the table's body.
  const largest = Math.max(0, ...cells.map((cell) => (cell.suppressed ? 0 : (cell.value ?? 0))));

  return (
    <div class="table-scroll" role="region" aria-labelledby="evaluation-caption" tabIndex={0}>
      <table class="evaluation-table">
        <caption id="evaluation-caption">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{crossed ? `${dimensions[0]} / ${dimensions[1]}` : dimensions[0]}</th>
            {crossed ? (
              columns.map((column) => (
                <th scope="col" key={column.code}>
                  {column.label}
                </th>
              ))
            ) : (
              <th scope="col">{t("client.evaluation.count")}</th>
            )}
            {crossed && <th scope="col">{t("client.evaluation.total")}</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.code}>
              <th scope="row">{row.label}</th>
              {crossed ? (
                columns.map((column) => (
                  <Value
                    key={column.code}
                    count={byKey.get(`${row.code}|${column.code}`)}
                    largest={largest}
                  />
                ))
              ) : (
                <Value count={byKey.get(row.code)} largest={largest} />
              )}
              {crossed && <Value count={rowTotals?.get(row.code)} />}
            </tr>
          ))}
        </tbody>
        {total && (
          <tfoot>
            <tr>
              <th scope="row">{t("client.evaluation.total")}</th>
              {crossed &&
                columns.map((column) => (
                  <Value key={column.code} count={columnTotals?.get(column.code)} />
                ))}
              <Value count={total} />
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}
