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

const cpu: ProviderCandidate = { name: 'cpu', why: 'CPU, always available' };

export function providerCandidates(setting: ProviderSetting, platform: Platform): ProviderCandidate[] {
  if (setting === 'cpu') return [{ name: 'cpu', why: 'CPU chosen in settings' }];
  if (setting !== 'auto') {
    const chosen: ProviderCandidate = { name: setting, why: `${setting} chosen in settings` };
    return platform.supported.includes(setting) ? [chosen, cpu] : [cpu];
  }
  const accelerators: ProviderCandidate[] = [];
  const offer = (name: ProviderName, why: string, present: boolean) => {
    if (present && platform.supported.includes(name)) accelerators.push({ name, why });
  };
  offer('dml', 'DirectML: the GPU on Windows', platform.os === 'win32');
  offer('coreml', 'CoreML: the Neural Engine and GPU on macOS', platform.os === 'darwin');
  offer('cuda', 'CUDA: an NVIDIA GPU was found', platform.os === 'linux' && platform.hasDevice('/dev/nvidia0'));
  offer(
    'webgpu',
    'WebGPU: a GPU render node was found',
    platform.os === 'linux' && platform.hasDevice('/dev/dri/renderD128'),
  );
  return [...accelerators, cpu];
}
