import { Type } from '@sinclair/typebox';
import { hasRole, type Principal } from '../../core/auth/roles.js';
import type { DomainEvent, EventBus } from '../../core/events.js';
import { principalOf } from '../../core/http/access.js';
import type { HttpApp } from '../../core/http/app.js';
import { ErrorResponses } from '../../core/http/schemas.js';

/** True when the principal may learn of the event: same agency, the role it names, the grant it needs. */
export function mayReceive(principal: Principal, event: DomainEvent): boolean {
  if (event.agencyCode !== principal.agencyCode) return false;
  if (event.personalData === true && !principal.personalData) return false;
  if (event.roles !== undefined && !hasRole(principal, event.roles as Principal['roles'])) return false;
  return true;
}

/**
 * `GET /api/v1/events`: a Server-Sent Events stream of what the logged-in user may see. Every module publishes
 * on the node's EventBus; this route only filters and forwards. Streams end when the node stops.
 */
export function eventStreamRoutes(events: EventBus, heartbeatMs: number) {
  return (app: HttpApp) => {
    const open = new Set<() => void>();
    app.addHook('preClose', async () => {
      for (const end of [...open]) end();
    });
    app.get(
      '/api/v1/events',
      {
        config: { access: { roles: 'any' } },
        schema: {
          tags: ['events'],
          description: 'text/event-stream of domain events (ids and statuses only); comments are heartbeats',
          response: { 200: Type.String(), ...ErrorResponses },
        },
      },
      (request, reply) => {
        const principal = principalOf(request);
        reply.hijack();
        const stream = reply.raw;
        stream.writeHead(200, {
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-cache, no-transform',
          connection: 'keep-alive',
          'x-accel-buffering': 'no',
          'x-request-id': String(request.id),
        });
        stream.write('retry: 5000\n: connected\n\n');
        let sequence = 0;
        const unsubscribe = events.subscribe((event) => {
          if (!mayReceive(principal, event)) return;
          sequence += 1;
          const data = JSON.stringify({ type: event.type, data: event.data });
          stream.write(`id: ${sequence}\nevent: ${event.type}\ndata: ${data}\n\n`);
        });
        const heartbeat = setInterval(() => stream.write(': heartbeat\n\n'), heartbeatMs);
        const end = () => {
          clearInterval(heartbeat);
          unsubscribe();
          open.delete(closeOnStop);
          if (!stream.writableEnded) stream.end();
        };
        // On node stop the socket goes too: a kept-alive idle connection would hold the server's close open.
        const closeOnStop = () => {
          end();
          request.raw.socket.destroy();
        };
        open.add(closeOnStop);
        request.raw.on('close', end);
      },
    );
  };
}
