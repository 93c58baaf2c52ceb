import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The CPU time a Linux control group (cgroup) lets this process use, in
 * cores, rounded up: `docker run --cpus 1.5` gives 2. `os.availableParallelism()`
 * counts the cores the process may be scheduled on, not this quota, so a
 * container limited to one core of an eight-core host reads 8; the check's
 * default of one thread a core would then start eight threads that take
 * turns on one core (on two cores, `--jobs 16` took 8 times as long as
 * `--jobs 1`). As Go's runtime and the JVM do, the quota caps the cores.
 *
 * Both cgroup versions are read, each at the process's own group and every
 * group above it up to the hierarchy's mount (a parent's quota binds its
 * children; inside a container the group's path may not exist under the
 * mount, whose root is then the container's own group): version 2's
 * `cpu.max` (`QUOTA PERIOD`, or `max PERIOD` for none) and version 1's
 * `cpu.cfs_quota_us` and `cpu.cfs_period_us` (quota -1 for none). The
 * smallest quota wins; undefined when none is set or nothing can be read
 * (not Linux, no cgroup file system).
 */
export function cpuQuotaCores(root = '/'): number | undefined {
  const groups = readText(join(root, 'proc', 'self', 'cgroup'));
  if (groups === undefined) return undefined;
  let least: number | undefined;
  for (const line of groups.split('\n')) {
    const group = cgroupLine(line);
    if (group === undefined) continue;
    for (const mount of group.version === 2 ? ['unified', ''] : ['cpu', 'cpu,cpuacct', 'cpuacct,cpu']) {
      const mountPath = join(root, 'sys', 'fs', 'cgroup', mount);
      for (const folder of foldersUpTo(mountPath, group.path)) {
        const cores = group.version === 2 ? versionTwoQuota(folder) : versionOneQuota(folder);
        if (cores !== undefined && (least === undefined || cores < least)) least = cores;
      }
    }
  }
  return least;
}

/** A `/proc/self/cgroup` line that names a group whose CPU quota may be set: version 2's `0::PATH`, or version 1's cpu controller. */
function cgroupLine(line: string): { version: 1 | 2; path: string } | undefined {
  const match = /^(\d+):([^:]*):(\/.*)$/.exec(line.trim());
  if (!match) return undefined;
  if (match[1] === '0' && match[2] === '') return { version: 2, path: match[3]! };
  return match[2]!.split(',').includes('cpu') ? { version: 1, path: match[3]! } : undefined;
}

/** The group's folder under the mount, then each folder above it, up to the mount itself. */
function foldersUpTo(mountPath: string, groupPath: string): string[] {
  const parts = groupPath.split('/').filter((part) => part !== '' && part !== '.' && part !== '..');
  const folders: string[] = [];
  for (let length = parts.length; length >= 0; length--) folders.push(join(mountPath, ...parts.slice(0, length)));
  return folders;
}

/** `cpu.max`: `200000 100000` is two cores; `max 100000` no quota. */
function versionTwoQuota(folder: string): number | undefined {
  const text = readText(join(folder, 'cpu.max'));
  const [quota, period] = (text ?? '').trim().split(/\s+/);
  return coresOf(Number(quota), Number(period));
}

function versionOneQuota(folder: string): number | undefined {
  const quota = readText(join(folder, 'cpu.cfs_quota_us'));
  const period = readText(join(folder, 'cpu.cfs_period_us'));
  return quota === undefined || period === undefined ? undefined : coresOf(Number(quota.trim()), Number(period.trim()));
}

/** Whole cores, rounded up; undefined for no quota (`max`, -1) or a value that is not one. */
function coresOf(quota: number, period: number): number | undefined {
  if (!(Number.isFinite(quota) && quota > 0 && Number.isFinite(period) && period > 0)) return undefined;
  return Math.max(1, Math.ceil(quota / period));
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
