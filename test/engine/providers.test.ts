import { describe, expect, it } from 'vitest';
import type { Platform } from '../../main/engine/providers.ts';
import { providerCandidates } from '../../main/engine/providers.ts';

const everything = ['cpu', 'webgpu', 'cuda', 'dml', 'coreml'];
const platform = (os: NodeJS.Platform, devices: string[] = [], supported = everything): Platform => ({
  os,
  supported,
  hasDevice: (path) => devices.includes(path),
});
const names = (p: Platform, setting: Parameters<typeof providerCandidates>[0] = 'auto') =>
  providerCandidates(setting, p).map((c) => c.name);

describe('providerCandidates', () => {
  it('tries the platform’s accelerator first and the CPU last', () => {
    expect(names(platform('win32'))).toEqual(['dml', 'cpu']);
    expect(names(platform('darwin'))).toEqual(['coreml', 'cpu']);
    expect(names(platform('linux', ['/dev/nvidia0', '/dev/dri/renderD128']))).toEqual(['cuda', 'webgpu', 'cpu']);
  });

  it('offers a Linux GPU provider only when the device is there', () => {
    expect(names(platform('linux'))).toEqual(['cpu']);
    expect(names(platform('linux', ['/dev/dri/renderD128']))).toEqual(['webgpu', 'cpu']);
  });

  it('skips providers this onnxruntime build does not have', () => {
    expect(names(platform('win32', [], ['cpu']))).toEqual(['cpu']);
  });

  it('follows the setting, still falling back to the CPU', () => {
    expect(names(platform('linux'), 'cpu')).toEqual(['cpu']);
    expect(names(platform('linux'), 'webgpu')).toEqual(['webgpu', 'cpu']);
    expect(names(platform('linux', [], ['cpu']), 'cuda')).toEqual(['cpu']);
  });

  it('says why each provider was chosen', () => {
    for (const candidate of providerCandidates('auto', platform('win32'))) expect(candidate.why).not.toBe('');
  });
});
