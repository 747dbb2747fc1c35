// The TRM runtime: models from the manifest, sessions in a worker, recursion with
// halting policies, voting and continuous batching.
export { Engine, EngineError, type EngineOptions, type SolveHooks, type BatchHooks } from './host.ts';
export { listModels, readCatalog, readManifest, type CatalogEntry, type ModelEntry } from './manifest.ts';
export type { EngineReport, ModelInUse } from './protocol.ts';
export type { Backend, ProviderCandidate, ProviderName, ProviderSetting, ProviderStatus } from './providers.ts';
export type { PuzzleResult, SolveSettings, StepView } from './solver.ts';
