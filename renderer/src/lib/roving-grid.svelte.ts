// One tab stop for a whole grid: the active cell is focusable, the others are reached with
// the arrow keys and Tab (see grid-keys.ts). Shared by the Sudoku, maze and ARC editors.
import { moveInGrid } from './grid-keys.ts';

export class RovingGrid {
  active = $state(0);
  element = $state<HTMLElement>();

  /** Moves on an arrow, Home, End or Tab key; false for any other key. */
  move(event: KeyboardEvent, rows: number, cols: number): boolean {
    const next = moveInGrid(this.active, event.key, rows, cols, event.shiftKey);
    if (next === null) return false;
    event.preventDefault();
    this.focus(next);
    return true;
  }

  focus(index: number): void {
    this.active = index;
    this.element?.querySelector<HTMLElement>(`[data-cell="${index}"]`)?.focus();
  }

  tabindex(index: number, editable: boolean): number | undefined {
    if (!editable) return undefined;
    return index === this.active ? 0 : -1;
  }
}

/** Space or Enter paints the active cell of a drawing grid. */
export const isPaintKey = (event: KeyboardEvent): boolean => event.key === ' ' || event.key === 'Enter';
