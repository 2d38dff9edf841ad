import { availableParallelism, cpus, freemem, loadavg, release, totalmem, type } from 'node:os';

export type MachineInfo = {
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  freeMemoryGiB: number;
  loadAverage1m: number;
  os: string;
  node: string;
  chromium: string;
  date: string;
};

const gib = (bytes: number): number => Math.round((bytes / 1024 ** 3) * 10) / 10;

/** Where the figures came from. `chromium` is read from the browser's user agent. */
export function machineInfo(chromiumVersion: string): MachineInfo {
  const cpu = cpus()[0];
  return {
    cpuModel: cpu?.model.trim() ?? 'unknown',
    cores: availableParallelism(),
    memoryGiB: gib(totalmem()),
    freeMemoryGiB: gib(freemem()),
    loadAverage1m: Math.round((loadavg()[0] ?? 0) * 100) / 100,
    os: `${type()} ${release()}`,
    node: process.version,
    chromium: chromiumVersion,
    date: new Date().toISOString(),
  };
}
