// The entry of a thread that runs the reads of a SQLite file for a reader of many pages (the
// export command): SQLite reads the next page here while the thread that asked writes out the one
// before. Plain JavaScript that requires only the driver, so it starts in milliseconds, without
// the TypeScript loader.
const { parentPort, workerData } = require('node:worker_threads')
const Database = require('libsql')

const db = new Database(workerData.path)
// Reads only (the driver ignores a read-only option: SQLite itself refuses writes here).
db.exec('pragma query_only = 1')
// Read through calls, not a memory map that would count the whole file as the process's memory.
db.exec('pragma mmap_size = 0')
const statements = new Map()

parentPort.on('message', ({ id, text, params }) => {
  try {
    let statement = statements.get(text)
    if (!statement) statements.set(text, (statement = db.prepare(text)))
    parentPort.postMessage({ id, rows: statement.all(params) })
  } catch (error) {
    parentPort.postMessage({ id, error: { message: String(error?.message ?? error), code: error?.code } })
  }
})
