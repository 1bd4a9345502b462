import type { Reporter, TestModule } from 'vitest/node';

/** Prints how many tests ran on each database, so a silently skipped PostgreSQL suite shows. */
export default class DatabaseCountReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const counts = { sqlite: 0, postgres: 0 };
    // Vitest reports a failed beforeAll/afterAll as a failed suite yet may still exit 0; a hook that failed
    // (a node that would not stop, a database that would not open) must fail the run like a test does.
    const hookFailures = testModules.filter((module) => !module.ok());
    if (hookFailures.length > 0) {
      // Set on exit: vitest writes its own exit code after the reporters have run.
      process.once('exit', () => {
        process.exitCode = 1;
      });
      process.stdout.write(`\nFailed suites: ${hookFailures.map((m) => m.moduleId).join(', ')}\n`);
    }
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state !== 'passed' && state !== 'failed') continue;
        if (test.fullName.includes('[sqlite]')) counts.sqlite += 1;
        if (test.fullName.includes('[postgres]')) counts.postgres += 1;
      }
    }
    process.stdout.write(
      `\nDatabase suites: ${counts.sqlite} tests ran on SQLite, ${counts.postgres} tests ran on PostgreSQL\n`,
    );
  }
}
