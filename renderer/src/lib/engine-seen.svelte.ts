// What the engine said about the last model it ran: which accelerator it used and which it
// had to pass over. Only a solve reveals it, so the screens show the latest one seen.
import type { SolveModel } from '../../../preload/api.ts';

export const engineSeen = $state<{ model: SolveModel | null }>({ model: null });
