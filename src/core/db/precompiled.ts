import { type Compilable, CompiledQuery, type QueryResult } from 'kysely';
import type { Db } from './database.js';
import { isPostgres } from './dialect.js';

/** Where each parameter of the compiled SQL comes from: the n-th value passed, or a constant of the builder. */
type Source = { readonly value: number } | { readonly constant: unknown };

interface Shape {
  readonly sql: string;
  readonly sources: readonly Source[];
}

const sentinel = (index: number) => `\u0000precompiled:${index}\u0000`;

/**
 * Queries built with Kysely once per shape and then run with new values. On the desk's hot path building and
 * compiling a query cost more CPU than SQLite spent running it; here the builder runs only the first time a
 * shape is seen (per dialect), with placeholders in place of the values, and later calls bind the values to
 * the SQL it produced. `shape` must name everything that changes the SQL (e.g. the row count of an insert);
 * values must not be `undefined`, which Kysely would leave out of the SQL instead of binding.
 */
export class PrecompiledQueries {
  private readonly shapes = new Map<string, Shape>();

  /** Runs `build(values)`, compiling it only the first time this shape is seen on this dialect. */
  async run<R>(
    db: Db,
    shape: string,
    values: readonly unknown[],
    build: (values: readonly unknown[]) => Compilable<R>,
  ): Promise<QueryResult<R>> {
    const key = `${isPostgres(db) ? 'pg' : 'sqlite'}:${shape}`;
    let compiled = this.shapes.get(key);
    if (!compiled) {
      compiled = compile(
        values.map((_, index) => sentinel(index)),
        build,
      );
      this.shapes.set(key, compiled);
    }
    const parameters = compiled.sources.map((source) => {
      if ('constant' in source) return source.constant;
      const value = values[source.value];
      if (value === undefined)
        throw new Error(`precompiled query ${shape}: value ${source.value} is undefined`);
      return value;
    });
    return db.executeQuery<R>(CompiledQuery.raw(compiled.sql, parameters));
  }
}

function compile(placeholders: readonly string[], build: (values: readonly unknown[]) => Compilable): Shape {
  const positions = new Map(placeholders.map((placeholder, index) => [placeholder, index]));
  const { sql, parameters } = build(placeholders).compile();
  // A placeholder written into the SQL text instead of bound would bind every later call to the first values.
  if (sql.includes('\u0000precompiled:')) throw new Error('precompiled queries must bind every value');
  const sources = parameters.map((parameter): Source => {
    const index = typeof parameter === 'string' ? positions.get(parameter) : undefined;
    return index === undefined ? { constant: parameter } : { value: index };
  });
  return { sql, sources };
}
