/**
 * Whether logs may carry colour codes: only on a terminal, and never when NO_COLOR is set
 * (https://no-color.org). Piped or captured logs (systemd, docker, CI) stay plain text.
 */
export function logColour(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  return Boolean(stream.isTTY) && !env.NO_COLOR
}
