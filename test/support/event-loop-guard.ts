import { activateEventLoopBudget } from './event-loop-budget';

/**
 * Fails any end-to-end test during which the event loop was held past the budget. On the embedded database the
 * database itself runs on this thread (PGlite is WebAssembly in-process), so its query time would count as the
 * service's: the guard holds where the database is a server of its own (TEST_DATABASE_URL), as in production.
 */
if (process.env.TEST_DATABASE_URL) {
  const budget = activateEventLoopBudget();
  beforeEach(() => budget.reset());
  afterEach(() => budget.check());
}
