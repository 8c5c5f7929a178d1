// Where a profiled server spent its time: the functions with the most self time in a V8
// `.cpuprofile` (written by `npm run bench -- --cpu-prof`), grouped by function and file.
import { readFileSync } from 'node:fs'
import path from 'node:path'

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  children?: number[]
}

interface CpuProfile {
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
}

/** The `top` functions by self time in the profile at `file`, as lines of text. */
export function profileSummary(file: string, root: string, top = 15): string[] {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]))
  const self = new Map<string, number>()
  let total = 0
  profile.samples.forEach((id, i) => {
    const frame = byNode.get(id)!.callFrame
    const where = frame.url ? `${path.relative(root, frame.url.replace(/^file:\/\//, ''))}:${frame.lineNumber + 1}` : ''
    const name = `${frame.functionName || '(anonymous)'} ${where}`.trim()
    const dt = profile.timeDeltas[i] ?? 0
    self.set(name, (self.get(name) ?? 0) + dt)
    total += dt
  })
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, us]) => `${((100 * us) / total).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(7)} ms  ${name}`)
}
