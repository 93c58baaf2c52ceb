import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cpuQuotaCores } from '../../../runtime/check/parallel/cpu-quota.js';

/**
 * The CPU quota of the process's control group caps the threads of a
 * check's default `--jobs` (runtime/check/parallel/cpu-quota.ts). Each case
 * is a file system root made of the files Linux would show: the process's
 * `/proc/self/cgroup` and the cgroup files under `/sys/fs/cgroup`, as a
 * host, a Docker container (`--cpus`) or a systemd unit shows them.
 */

interface QuotaCase {
  name: string;
  files: Record<string, string>;
  cores: number | undefined;
}

const V2_SELF = '0::/system.slice/ci.service\n';
const V1_SELF = '12:cpu,cpuacct:/docker/abc\n11:memory:/docker/abc\n';

const cases: QuotaCase[] = [
  { name: 'no cgroup file (not Linux)', files: {}, cores: undefined },
  { name: 'version 2, no quota anywhere', files: { 'proc/self/cgroup': V2_SELF, 'sys/fs/cgroup/system.slice/ci.service/cpu.max': 'max 100000\n' }, cores: undefined },
  { name: 'version 2, two cores on the group', files: { 'proc/self/cgroup': V2_SELF, 'sys/fs/cgroup/system.slice/ci.service/cpu.max': '200000 100000\n' }, cores: 2 },
  { name: 'version 2, a core and a half: two threads', files: { 'proc/self/cgroup': V2_SELF, 'sys/fs/cgroup/system.slice/ci.service/cpu.max': '150000 100000\n' }, cores: 2 },
  { name: 'version 2, a tenth of a core: one thread', files: { 'proc/self/cgroup': V2_SELF, 'sys/fs/cgroup/system.slice/ci.service/cpu.max': '10000 100000\n' }, cores: 1 },
  {
    name: 'version 2, the parent binds: its quota is the smaller',
    files: { 'proc/self/cgroup': V2_SELF, 'sys/fs/cgroup/system.slice/ci.service/cpu.max': '800000 100000\n', 'sys/fs/cgroup/system.slice/cpu.max': '300000 100000\n' },
    cores: 3,
  },
  { name: 'version 2 in a container: the path is not under the mount, whose root is the group', files: { 'proc/self/cgroup': '0::/\n', 'sys/fs/cgroup/cpu.max': '100000 100000\n' }, cores: 1 },
  { name: 'version 2 beside version 1 (hybrid: mounted at unified)', files: { 'proc/self/cgroup': '1:name=systemd:/\n' + V2_SELF, 'sys/fs/cgroup/unified/system.slice/ci.service/cpu.max': '400000 100000\n' }, cores: 4 },
  { name: 'version 1, no quota (-1)', files: { 'proc/self/cgroup': V1_SELF, 'sys/fs/cgroup/cpu,cpuacct/docker/abc/cpu.cfs_quota_us': '-1\n', 'sys/fs/cgroup/cpu,cpuacct/docker/abc/cpu.cfs_period_us': '100000\n' }, cores: undefined },
  { name: 'version 1, docker --cpus 2', files: { 'proc/self/cgroup': V1_SELF, 'sys/fs/cgroup/cpu,cpuacct/docker/abc/cpu.cfs_quota_us': '200000\n', 'sys/fs/cgroup/cpu,cpuacct/docker/abc/cpu.cfs_period_us': '100000\n' }, cores: 2 },
  { name: 'version 1 in a container: the group mounted as the root, under cpu', files: { 'proc/self/cgroup': V1_SELF, 'sys/fs/cgroup/cpu/cpu.cfs_quota_us': '50000\n', 'sys/fs/cgroup/cpu/cpu.cfs_period_us': '100000\n' }, cores: 1 },
  { name: 'version 1, a quota without its period is no quota', files: { 'proc/self/cgroup': V1_SELF, 'sys/fs/cgroup/cpu/cpu.cfs_quota_us': '50000\n' }, cores: undefined },
  { name: 'a controller other than cpu is not read', files: { 'proc/self/cgroup': '4:memory:/x\n', 'sys/fs/cgroup/memory/x/cpu.cfs_quota_us': '50000\n', 'sys/fs/cgroup/memory/x/cpu.cfs_period_us': '100000\n' }, cores: undefined },
  { name: 'unreadable values are no quota', files: { 'proc/self/cgroup': V2_SELF, 'sys/fs/cgroup/system.slice/ci.service/cpu.max': 'lots\n' }, cores: undefined },
  { name: 'a path that climbs (..) stays under the mount', files: { 'proc/self/cgroup': '0::/../../../etc\n', 'etc/cpu.max': '100000 100000\n' }, cores: undefined },
];

describe('cpuQuotaCores', () => {
  it.each(cases)('$name: $cores', ({ files, cores }) => {
    const root = mkdtempSync(join(tmpdir(), 'slac-cpu-quota-'));
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    expect(cpuQuotaCores(root)).toBe(cores);
  });

  it('reads this machine without failing', () => {
    const cores = cpuQuotaCores();
    expect(cores === undefined || (Number.isInteger(cores) && cores >= 1)).toBe(true);
  });
});
