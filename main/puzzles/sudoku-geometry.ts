// The fixed shape of a 9x9 Sudoku: which cells share a row, column or box.

export const SIZE = 9;
export const CELLS = 81;
/** Bit d-1 set for each candidate digit d. */
export const ALL_DIGITS = 0x1ff;

export const rowOf = (cell: number): number => Math.floor(cell / SIZE);
export const colOf = (cell: number): number => cell % SIZE;
export const boxOf = (cell: number): number => Math.floor(rowOf(cell) / 3) * 3 + Math.floor(colOf(cell) / 3);

/** `r1c1` style names, as Sudoku players write them. */
export const cellName = (cell: number): string => `r${rowOf(cell) + 1}c${colOf(cell) + 1}`;

export interface Unit {
  name: string;
  cells: number[];
}

/** The 27 units: rows 0-8, columns 9-17, boxes 18-26. */
export const UNITS: readonly Unit[] = (() => {
  const units: Unit[] = [];
  for (let r = 0; r < SIZE; r++) units.push({ name: `row ${r + 1}`, cells: [] });
  for (let c = 0; c < SIZE; c++) units.push({ name: `column ${c + 1}`, cells: [] });
  for (let b = 0; b < SIZE; b++) units.push({ name: `box ${b + 1}`, cells: [] });
  for (let cell = 0; cell < CELLS; cell++) {
    units[rowOf(cell)]?.cells.push(cell);
    units[SIZE + colOf(cell)]?.cells.push(cell);
    units[2 * SIZE + boxOf(cell)]?.cells.push(cell);
  }
  return units;
})();

/** UNITS flattened: unit u holds UNIT_CELLS[9u .. 9u+8]. */
export const UNIT_CELLS = Uint8Array.from(UNITS.flatMap((u) => u.cells));

/** The 20 peers of each cell: PEERS[20c .. 20c+19]. */
export const PEERS = (() => {
  const peers = new Uint8Array(CELLS * 20);
  for (let cell = 0; cell < CELLS; cell++) {
    let n = 0;
    for (let other = 0; other < CELLS; other++) {
      const shares = rowOf(other) === rowOf(cell) || colOf(other) === colOf(cell) || boxOf(other) === boxOf(cell);
      if (other !== cell && shares) peers[cell * 20 + n++] = other;
    }
  }
  return peers;
})();

/** Number of set bits of a 9-bit candidate mask. */
export const POPCOUNT = (() => {
  const table = new Uint8Array(1 << SIZE);
  for (let m = 1; m < table.length; m++) table[m] = (table[m >> 1] ?? 0) + (m & 1);
  return table;
})();

/** The digit of a single-bit mask. */
export const digitOfBit = (bit: number): number => 32 - Math.clz32(bit);
