// Preloaded into a measured process (node --import ./bench/rusage.js …): when the process ends,
// writes its CPU time and peak memory as JSON to the file named by SAMVERKAN_BENCH_RUSAGE, so the
// benchmark measures the whole command as a user runs it, start-up included.
import { writeFileSync } from 'node:fs';

const target = process.env.SAMVERKAN_BENCH_RUSAGE;
if (target) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(target, JSON.stringify({ cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, maxRssMb: usage.maxRSS / 1024 }));
  });
}
