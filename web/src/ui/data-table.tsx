import type { ReactNode } from 'react';

/** One column of a data table: its header and how a row fills its cell. */
export interface Column<T> {
  readonly key: string;
  readonly header: string;
  readonly cell: (row: T) => ReactNode;
  /** The column that names the row, read out as the row's header. */
  readonly rowHeader?: boolean;
  /** Figures align right. */
  readonly numeric?: boolean;
}

interface DataTableProps<T> {
  readonly columns: readonly Column<T>[];
  readonly rows: readonly T[];
  readonly rowKey: (row: T) => string;
  /** Said instead of the table when there are no rows. */
  readonly empty: string;
  readonly caption?: string;
  readonly rowClassName?: (row: T) => string | undefined;
}

/** A table from column definitions, scrolling sideways on a narrow screen, with an empty state. */
export function DataTable<T>({ columns, rows, rowKey, empty, caption, rowClassName }: DataTableProps<T>) {
  if (rows.length === 0) return <p className="empty-state">{empty}</p>;
  return (
    <div className="table-scroll">
      <table className="grid">
        {caption && <caption>{caption}</caption>}
        <thead>
          <tr>
            {columns.map((column) => (
              <th scope="col" key={column.key}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} className={rowClassName?.(row)}>
              {columns.map((column) =>
                column.rowHeader ? (
                  <th scope="row" key={column.key}>
                    {column.cell(row)}
                  </th>
                ) : (
                  <td key={column.key} className={column.numeric ? 'num' : undefined}>
                    {column.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
