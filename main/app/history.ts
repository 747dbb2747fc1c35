// The history and settings requests, over the store. When the store could not be opened every one
// of them answers 'unavailable' with the reason, and the rest of the app runs as before.
import type { AnswerConflict, AppInfo } from '../../preload/api.ts';
import { ApiError } from '../../preload/reply.ts';
import { kindOf } from '../puzzles/index.ts';
import type { HistoryStore, OpenOptions, SolveDetail } from '../store/index.ts';
import { historyFile, openStore, StoreError } from '../store/index.ts';
import type { Handlers } from './dispatch.ts';

export type HistoryRequest =
  | 'history.list'
  | 'history.get'
  | 'history.label'
  | 'history.delete'
  | 'history.wipe'
  | 'history.export'
  | 'history.import'
  | 'settings.get'
  | 'settings.set';

export type HistoryHandlers = Pick<Handlers, HistoryRequest>;

export interface History {
  /** Null when history is off; `status` says why. */
  store: HistoryStore | null;
  handlers: HistoryHandlers;
  /** What the user should be told about their history, if anything (AppInfo.history). */
  status?: NonNullable<AppInfo['history']>;
  close(): void;
}

/** Opens `history.sqlite` in the data folder; call once per process and `close` on quit. */
export function openHistory(dataDir: string, options?: OpenOptions): History {
  const opened = openStore(historyFile(dataDir), options);
  if (!opened.ok) {
    return {
      store: null,
      handlers: historyUnavailable(opened.reason),
      status: { enabled: false, message: opened.reason },
      close: () => {},
    };
  }
  const { store, notice } = opened;
  return {
    store,
    handlers: historyHandlers(store),
    ...(notice === undefined ? {} : { status: { enabled: true, message: notice } }),
    close: () => store.close(),
  };
}

/** A refusal of the disk after opening (e.g. full) reaches the UI as 'unavailable', with the store's sentence. */
async function answer<T>(operation: () => T): Promise<T> {
  try {
    return operation();
  } catch (error) {
    if (error instanceof StoreError) throw new ApiError({ code: 'unavailable', message: error.message });
    throw error;
  }
}

function notFound(id: string): ApiError {
  return new ApiError({ code: 'not-found', message: `No solve ${id} in the history.` });
}

/** The final answer checked against its puzzle again, for the cells of each conflict. */
export function finalConflicts(solve: SolveDetail): AnswerConflict[] {
  if (!solve.final || solve.final.verified) return [];
  const kind = kindOf(solve.puzzle);
  const verdict = kind.verify(solve.puzzle, kind.decode(solve.puzzle, solve.final.cells));
  return verdict.ok ? [] : verdict.conflicts;
}

export function historyHandlers(store: HistoryStore): HistoryHandlers {
  return {
    'history.list': ({ offset, limit, query, ...filter }) =>
      answer(() => store.listSolves({ ...filter, search: query }, { offset, limit })),
    'history.get': ({ id }) =>
      answer(() => {
        const solve = store.getSolve(id);
        if (!solve) throw notFound(id);
        return { ...solve, finalConflicts: finalConflicts(solve) };
      }),
    'history.label': ({ id, label }) =>
      answer(() => {
        if (!store.setLabel(id, label)) throw notFound(id);
        return { id, label };
      }),
    'history.delete': ({ ids }) => answer(() => ({ deleted: store.deleteSolves(ids) })),
    'history.wipe': () => answer(() => ({ deleted: store.wipe() })),
    'history.export': ({ ids, format }) =>
      answer(() => ({
        format,
        fileName: `trm-history-${new Date().toISOString().slice(0, 10)}.${format}`,
        text: store.exportSolves(ids ?? 'all', format),
      })),
    'history.import': ({ text }) =>
      answer(() => {
        const result = store.importSolves(text);
        if (!result.ok)
          throw new ApiError({ code: 'invalid-arguments', message: result.reason, details: result.details });
        return { added: result.added, skipped: result.skipped };
      }),
    'settings.get': () => answer(() => store.getSettings()),
    'settings.set': (change) => answer(() => store.updateSettings(change)),
  };
}

export function historyUnavailable(reason: string): HistoryHandlers {
  const refuse = () => Promise.reject(new ApiError({ code: 'unavailable', message: `History is off. ${reason}` }));
  return {
    'history.list': refuse,
    'history.get': refuse,
    'history.label': refuse,
    'history.delete': refuse,
    'history.wipe': refuse,
    'history.export': refuse,
    'history.import': refuse,
    'settings.get': refuse,
    'settings.set': refuse,
  };
}
