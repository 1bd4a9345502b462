import { actorOf } from '../../core/http/access.js';
import type { HttpApp } from '../../core/http/app.js';
import { ErrorResponses, Page } from '../../core/http/schemas.js';
import { listReceivedHitNotices } from './hit.service.js';
import type { WarningRuntime } from './warning.runtime.js';
import { HitNoticeQuery, ReceivedHitNotice } from './warning.schema.js';

/** Liaison follows up counterparts' finds; the desk may look too. Both see personal data. */
const NOTICE_READERS = { roles: ['liaison_officer', 'port_officer'], personalData: true } as const;

/** What counterparts told us about the people on the watchlist entries we shared with them. */
export function hitNoticeRoutes(rt: WarningRuntime) {
  return (app: HttpApp): void => {
    app.get(
      '/api/v1/warning/hit-notices',
      {
        config: { access: NOTICE_READERS },
        schema: {
          tags: ['warning'],
          querystring: HitNoticeQuery,
          response: { 200: Page(ReceivedHitNotice), ...ErrorResponses },
        },
      },
      async (request) => listReceivedHitNotices(rt, actorOf(request), request.query),
    );
  };
}
