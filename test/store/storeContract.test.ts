import { runContracts } from './runContracts'

// The store contracts on the test run's database: SQLite in memory by default, PostgreSQL under
// TEST_DATABASE_URL=postgres://…, MongoDB under npm run test:mongo (which says why when it skips).
runContracts('the test database')
