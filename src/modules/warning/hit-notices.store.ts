import type { Db } from '../../core/db/database.js';

/** The hit notices counterparts sent us, newest first, one page after the cursor's id. */
export const listHitNotices = (db: Db, opts: { fromAgency?: string; beforeId?: string; limit: number }) => {
  let query = db.selectFrom('warning_hit_notices').selectAll().orderBy('id', 'desc').limit(opts.limit);
  if (opts.fromAgency) query = query.where('from_agency', '=', opts.fromAgency);
  if (opts.beforeId) query = query.where('id', '<', opts.beforeId);
  return query.execute();
};
