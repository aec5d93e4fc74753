// processes.mjs — our Chromium's processes and their memory, read from /proc: shared by the
// benchmark (peak memory of the renderer and GPU processes) and the endurance tests (memory
// before and after a long session). Linux only, as the rest of the harness.
import fs from 'node:fs';

function processTable() {
  const table = new Map();
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      // Chromium rewrites its process title: the arguments may be joined by spaces, not NULs.
      const cmd = fs.readFileSync(`/proc/${d}/cmdline`, 'utf8').replace(/\0/g, ' ');
      table.set(Number(d), { ppid, cmd });
    } catch { /* gone */ }
  }
  return table;
}

// Our Chromium processes of one --type (renderer, gpu-process): descendants of this node process.
export function chromiumProcesses(type) {
  const t = processTable();
  const mine = (pid) => {
    for (let p = pid, n = 0; p > 1 && n < 20; p = t.get(p)?.ppid ?? 0, ++n) if (p === process.pid) return true;
    return false;
  };
  return [...t.entries()].filter(([pid, p]) => pid !== process.pid && p.cmd.includes(` --type=${type} `) && mine(pid))
    .map(([pid]) => pid);
}

// Peak and current resident memory of one process; null when it is gone.
export function memoryOf(pid) {
  try {
    const s = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (k) => Number((s.match(new RegExp(`^${k}:\\s+(\\d+) kB`, 'm')) || [])[1] || 0);
    return { peakBytes: kb('VmHWM') * 1024, rssBytes: kb('VmRSS') * 1024 };
  } catch { return null; }
}
