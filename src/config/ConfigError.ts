/** A start-up problem the operator must fix; its message is the one line printed before exit. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ConfigError'
  }
}
