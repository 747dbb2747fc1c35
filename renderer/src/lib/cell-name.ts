// The accessible name every board gives a cell: where it is, what it holds, then its marks.
// The marks are drawn by shape (a ring, a frame, a '!'), and named here, so none is told by
// colour alone.

export interface CellMarks {
  given?: boolean;
  changed?: boolean;
  conflict?: boolean;
}

const order = ['given', 'changed', 'conflict'] as const;

/** E.g. "row 1 column 3: 5, changed, conflict"; row and col count from 0. */
export function cellName(row: number, col: number, content: string, marks: CellMarks = {}): string {
  return [`row ${row + 1} column ${col + 1}: ${content}`, ...order.filter((mark) => marks[mark])].join(', ');
}
