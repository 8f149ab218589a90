export { DOLLARS_PER_CREDIT, migrationCredit } from './migration'
