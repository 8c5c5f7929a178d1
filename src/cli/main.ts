import { commands } from './commands'

const usage = () =>
  `usage: npx assent <command>\n\ncommands:\n${Object.entries(commands)
    .map(([name, c]) => `  ${name.padEnd(20)} ${c.summary}`)
    .join('\n')}`

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv
  const command = name ? commands[name] : undefined
  if (!command) {
    console.error(name && name !== '--help' ? `assent: unknown command "${name}"\n\n${usage()}` : usage())
    return name && name !== '--help' ? 2 : 0
  }
  return (await command.load()).run(args)
}

/** Exits once output is flushed; a database pool left open must not keep the command alive. */
const finish = (code: number) => {
  process.exitCode = code
  setTimeout(() => process.exit(code), 200).unref()
}

main(process.argv.slice(2))
  .then(finish)
  .catch((error: unknown) => {
    // Refusals and configuration problems are one line; anything else is a bug worth its stack.
    const known = error instanceof Error && (error.name === 'ConfigError' || error.name === 'AssentError')
    console.error(known ? `assent: ${(error as Error).message}` : error)
    finish(1)
  })
