import type { Reporter, TestModule } from 'vitest/node';

/** Prints how many tests ran on each database, so a silently skipped PostgreSQL suite shows. */
export default class DatabaseCountReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const counts = { sqlite: 0, postgres: 0 };
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
