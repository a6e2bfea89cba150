import type { ReactNode } from "react";

type Column = ReactNode | { label: ReactNode; className: string };

function isStyled(column: Column): column is { label: ReactNode; className: string } {
  return typeof column === "object" && column !== null && "className" in column && "label" in column;
}

/** The one data table: a caption (visible or for screen readers), column headers, the rows. */
export function DataTable({
  caption,
  captionClassName = "text-left font-semibold",
  columns,
  className,
  children,
}: {
  caption: ReactNode;
  captionClassName?: string;
  columns: Column[];
  className?: string;
  children: ReactNode;
}) {
  return (
    <table className={className}>
      <caption className={captionClassName}>{caption}</caption>
      <thead>
        <tr>
          {columns.map((column, index) =>
            isStyled(column) ? (
              <th key={index} scope="col" className={column.className}>
                {column.label}
              </th>
            ) : (
              <th key={index} scope="col">
                {column}
              </th>
            ),
          )}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}
