import { describe, expect, it } from 'vitest';
import type { Platform } from '../../main/engine/providers.ts';
import { describeProviders, providerCandidates } from '../../main/engine/providers.ts';

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

describe('describeProviders', () => {
  const bundled = (...names: string[]) => names.map((name) => ({ name, bundled: name !== 'cuda' }));
  const detected = (p: Platform, backends = bundled(...everything)) =>
    describeProviders(p, backends)
      .filter((s) => s.detected)
      .map((s) => s.name);

  it('finds what automatic would try, with the CPU always there', () => {
    const linuxGpu = platform('linux', ['/dev/nvidia0', '/dev/dri/renderD128']);
    expect(detected(linuxGpu)).toEqual(['cpu', ...names(linuxGpu).filter((n) => n !== 'cpu')]);
    expect(detected(platform('linux'))).toEqual(['cpu']);
    expect(detected(platform('win32'))).toEqual(['cpu', 'dml']);
    expect(detected(platform('darwin'), bundled('cpu'))).toEqual(['cpu']);
  });

  it('says why each one is missing, in words', () => {
    const reasons = Object.fromEntries(
      describeProviders(platform('linux'), bundled('cpu', 'webgpu', 'cuda')).map((s) => [s.name, s.reason]),
    );
    expect(reasons).toEqual({
      cpu: 'always available',
      dml: 'not part of this onnxruntime build',
      coreml: 'not part of this onnxruntime build',
      cuda: 'no NVIDIA GPU was found (/dev/nvidia0)',
      webgpu: 'no GPU render node was found (/dev/dri/renderD128)',
    });
  });

  it('warns that a provider shipped apart from onnxruntime is proven only when a model loads', () => {
    const [cuda] = describeProviders(platform('linux', ['/dev/nvidia0']), bundled('cpu', 'cuda')).filter(
      (s) => s.name === 'cuda',
    );
    expect(cuda).toMatchObject({
      detected: true,
      reason: expect.stringMatching(/NVIDIA GPU was found; .*model loads/),
    });
  });
});
