// onnxruntime's intra-op threads work best one per physical core: a second thread on a
// hyper-threaded sibling competes for the same vector units and slows matmuls down.
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

/** Distinct (physical id, core id) pairs in a Linux /proc/cpuinfo; null when it says nothing. */
export function physicalCoresFromCpuinfo(cpuinfo: string): number | null {
  const cores = new Set<string>();
  for (const block of cpuinfo.split(/\n\s*\n/)) {
    const socket = /^physical id\s*:\s*(\d+)/m.exec(block)?.[1];
    const core = /^core id\s*:\s*(\d+)/m.exec(block)?.[1];
    if (socket !== undefined && core !== undefined) cores.add(`${socket}:${core}`);
  }
  return cores.size > 0 ? cores.size : null;
}

export function physicalCores(): number {
  if (process.platform === 'linux') {
    try {
      const counted = physicalCoresFromCpuinfo(readFileSync('/proc/cpuinfo', 'utf8'));
      if (counted !== null) return Math.min(counted, availableParallelism());
    } catch {
      // Not readable in some sandboxes: fall through to the logical count.
    }
  }
  // Other platforms do not say which logical CPUs share a core without native calls.
  return availableParallelism();
}
