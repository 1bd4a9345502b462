import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/** One registry per node, so several nodes in one test process keep their own figures. */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const httpDuration = new Histogram({
    name: 'borderlink_http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const domainEvents = new Counter({
    name: 'borderlink_events_total',
    help: 'Domain events published on this node, by type',
    labelNames: ['type'],
    registers: [registry],
  });
  return { registry, httpDuration, domainEvents };
}

export type Metrics = ReturnType<typeof createMetrics>;
