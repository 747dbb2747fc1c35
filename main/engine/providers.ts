// Which onnxruntime execution providers to try, in order. The user's accelerator first
// where this platform has one, CPU always last, with the reason for every choice so the
// UI can say why a model runs where it does.
import { existsSync } from 'node:fs';

export type ProviderName = 'cpu' | 'dml' | 'coreml' | 'cuda' | 'webgpu';
export type ProviderSetting = 'auto' | ProviderName;

export interface ProviderCandidate {
  name: ProviderName;
  why: string;
}

/** A backend as onnxruntime-node's listSupportedBackends names it. */
export interface Backend {
  name: string;
  /** False where the provider's libraries ship apart from onnxruntime-node (CUDA, TensorRT). */
  bundled: boolean;
}

export interface Platform {
  os: NodeJS.Platform;
  /** Backends this onnxruntime-node build knows (listSupportedBackends). */
  supported: readonly string[];
  /** Device nodes that tell whether a GPU is there to use. */
  hasDevice(path: string): boolean;
}

export function currentPlatform(supported: readonly string[]): Platform {
  return { os: process.platform, supported, hasDevice: existsSync };
}

/** What the engine found for one accelerator on this machine. */
export interface ProviderStatus {
  name: ProviderName;
  /** Whether `auto` would try it here. */
  detected: boolean;
  /** Why it is (or is not) used, in words. */
  reason: string;
}

interface Accelerator {
  name: Exclude<ProviderName, 'cpu'>;
  why: string;
  /** Null when this machine has what it needs, else what is missing. */
  missing(platform: Platform): string | null;
}

/** The accelerators `auto` tries, in order of preference, and what each needs. */
const accelerators: readonly Accelerator[] = [
  {
    name: 'dml',
    why: 'DirectML: the GPU on Windows',
    missing: (p) => (p.os === 'win32' ? null : 'DirectML runs on Windows only'),
  },
  {
    name: 'coreml',
    why: 'CoreML: the Neural Engine and GPU on macOS',
    missing: (p) => (p.os === 'darwin' ? null : 'CoreML runs on macOS only'),
  },
  {
    name: 'cuda',
    why: 'CUDA: an NVIDIA GPU was found',
    missing: (p) =>
      p.os !== 'linux'
        ? 'automatic tries it on Linux only'
        : p.hasDevice('/dev/nvidia0')
          ? null
          : 'no NVIDIA GPU was found (/dev/nvidia0)',
  },
  {
    name: 'webgpu',
    why: 'WebGPU: a GPU render node was found',
    missing: (p) =>
      p.os !== 'linux'
        ? 'automatic tries it on Linux only'
        : p.hasDevice('/dev/dri/renderD128')
          ? null
          : 'no GPU render node was found (/dev/dri/renderD128)',
  },
];

const cpu: ProviderCandidate = { name: 'cpu', why: 'CPU, always available' };

export function providerCandidates(setting: ProviderSetting, platform: Platform): ProviderCandidate[] {
  if (setting === 'cpu') return [{ name: 'cpu', why: 'CPU chosen in settings' }];
  if (setting !== 'auto') {
    const chosen: ProviderCandidate = { name: setting, why: `${setting} chosen in settings` };
    return platform.supported.includes(setting) ? [chosen, cpu] : [cpu];
  }
  const usable = accelerators.filter((a) => platform.supported.includes(a.name) && a.missing(platform) === null);
  return [...usable.map(({ name, why }) => ({ name, why })), cpu];
}

/**
 * Every provider with what this machine and this onnxruntime build offer for it: the same
 * rules `auto` follows, in words. Whether a detected GPU really runs a model shows only
 * when a session is created (and falls back to the CPU with the reason if it cannot).
 */
export function describeProviders(platform: Platform, backends: readonly Backend[]): ProviderStatus[] {
  const statuses: ProviderStatus[] = [{ name: 'cpu', detected: true, reason: 'always available' }];
  for (const accelerator of accelerators) {
    const backend = backends.find((b) => b.name === accelerator.name);
    const missing = backend ? accelerator.missing(platform) : 'not part of this onnxruntime build';
    statuses.push({
      name: accelerator.name,
      detected: missing === null,
      reason:
        missing ??
        (backend?.bundled === false
          ? `${accelerator.why}; its libraries come separately from onnxruntime, so it is proven only when a model loads`
          : accelerator.why),
    });
  }
  return statuses;
}
