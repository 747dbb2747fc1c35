import { describe, expect, it } from 'vitest';
import { physicalCores, physicalCoresFromCpuinfo } from '../../main/engine/cores.ts';

const cpu = (socket: number, core: number) => `processor\t: x\nphysical id\t: ${socket}\ncore id\t\t: ${core}\n`;

describe('physicalCoresFromCpuinfo', () => {
  it('counts hyper-threaded siblings once', () => {
    const info = [cpu(0, 0), cpu(0, 1), cpu(0, 0), cpu(0, 1)].join('\n');
    expect(physicalCoresFromCpuinfo(info)).toBe(2);
  });

  it('tells cores of different sockets apart', () => {
    expect(physicalCoresFromCpuinfo([cpu(0, 0), cpu(1, 0)].join('\n'))).toBe(2);
  });

  it('says nothing when the file lacks the fields (some VMs, ARM boards)', () => {
    expect(physicalCoresFromCpuinfo('processor\t: 0\nmodel name\t: x\n')).toBeNull();
  });
});

describe('physicalCores', () => {
  it('is at least one', () => {
    expect(physicalCores()).toBeGreaterThanOrEqual(1);
  });
});
