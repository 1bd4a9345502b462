import { appendAudit } from '../../core/audit/audit.js';
import type { Principal } from '../../core/auth/roles.js';
import { inTransaction } from '../../core/db/transaction.js';
import { AppError, conflict, invalid, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { getAgency } from '../directory/directory.service.js';
import type { Language, NotificationType } from './bodies/index.js';
import {
  type CapAlert,
  type CapProblem,
  capExportableTypes,
  capToNotification,
  notificationToCap,
  parseCapAlert,
} from './cap/index.js';
import { ackDeadline } from './delivery-status.js';
import { assertMayRead, assertMaySend } from './exchange.access.js';
import type { CapImportQuery } from './exchange.schema.js';
import { createNotification, type ExchangeDeps } from './exchange.service.js';
import * as store from './exchange.store.js';
import { agencyName, bodyOf, renderRow } from './exchange.views.js';

const SUBJECT_MAX = 200;
const TEXT_MAX = 20_000;

const clip = (value: string, max: number): string =>
  value.length <= max ? value : `${value.slice(0, max - 1)}…`;

/**
 * Imports a CAP 1.2 alert. By default it is recorded as an inbox item from the agency named in `from` (an
 * alert another system received); with `mode=draft` it becomes an outgoing draft to `to`, ready to forward.
 * Either way it is a `liaison.message`: a CAP alert's facts are free text and areas, which the structured
 * types cannot hold without inventing codes.
 */
export async function importCap(
  deps: ExchangeDeps,
  principal: Principal,
  xml: Buffer,
  query: CapImportQuery,
): Promise<{ id: string; created: boolean }> {
  assertMaySend(principal, 'liaison.message');
  const alert = await parseAlert(xml);
  const imported = capToNotification(alert, { languages: [principal.language, 'en'] });
  const subject = clip(
    imported.body.subject.trim() || `CAP ${alert.msgType} ${alert.identifier}`,
    SUBJECT_MAX,
  );
  const body = { subject, text: clip(imported.body.text.trim() || subject, TEXT_MAX) };
  if (query.mode === 'draft') {
    const to = (query.to ?? '')
      .split(',')
      .map((code) => code.trim())
      .filter((code) => code !== '');
    if (to.length === 0)
      throw invalid('exchange.cap_draft_needs_to', 'name the recipients of the draft in `to`', {
        field: 'to',
      });
    const created = await createNotification(deps, principal, {
      type: 'liaison.message',
      to,
      priority: imported.priority,
      body,
      draft: true,
    });
    return { id: created.id, created: true };
  }
  if (query.from === undefined) {
    throw invalid('exchange.cap_needs_from', 'name the agency the alert came from in `from`', {
      field: 'from',
    });
  }
  const sender = await getAgency(deps.db, query.from).catch(() => null);
  if (!sender || sender.kind === 'own') {
    throw invalid('exchange.unknown_sender', `${query.from} is not a counterpart agency in the directory`, {
      field: 'from',
    });
  }
  const from = query.from;
  const cap = imported.cap;
  const id = newId();
  const at = deps.now().toISOString();
  const existing = await inTransaction(deps.db, async (trx) => {
    const found = await store.findByCap(trx, cap);
    if (found) return found.id;
    await store.insertNotification(trx, {
      id,
      direction: 'incoming',
      state: 'received',
      origin: 'cap',
      type: 'liaison.message',
      priority: imported.priority,
      sender_agency: from,
      body: JSON.stringify(body),
      text: null,
      in_reply_to: null,
      personal_data: 0,
      created_by: principal.userId,
      created_at: at,
      updated_at: at,
      sent_at: at,
      purge_after: null,
      purged_at: null,
      cap_identifier: cap.identifier,
      cap_sender: cap.sender,
      cap_sent: cap.sent,
    });
    await store.replaceRecipients(trx, id, [
      {
        notification_id: id,
        agency: deps.ownAgency,
        status: 'delivered',
        channel: 'manual',
        due_at: ackDeadline(at, imported.priority),
        sent_at: at,
        delivered_at: at,
        read_at: null,
        acknowledged_at: null,
        acknowledged_by: null,
        rejected_reason: null,
        note: `CAP ${alert.msgType} ${cap.identifier}`,
        updated_at: at,
      },
    ]);
    await appendAudit(trx, principal, {
      action: 'notification.import_cap',
      targetType: 'notification',
      targetId: id,
      details: { from, identifier: cap.identifier, sender: cap.sender },
    });
    return null;
  });
  if (existing !== null) return { id: existing, created: false };
  deps.events.publish({
    type: 'notification.received',
    agencyCode: deps.ownAgency,
    data: { id, type: 'liaison.message', priority: imported.priority, from },
  });
  return { id, created: true };
}

/** Parses an alert, reporting its problems in the API's `{path, message}` form (the path names the line). */
async function parseAlert(xml: Buffer): Promise<CapAlert> {
  try {
    return await parseCapAlert(xml);
  } catch (error) {
    if (!(error instanceof AppError) || !Array.isArray(error.details?.errors)) throw error;
    const problems = error.details.errors as CapProblem[];
    throw new AppError(error.kind, error.code, error.message, {
      errors: problems.map((problem) => ({
        path: problem.line === undefined ? '/body' : `/body/line/${problem.line}`,
        message: problem.message,
      })),
    });
  }
}

/** Exports an alert-kind notification as CAP 1.2 XML (scope Restricted) in the reader's language. */
export async function exportCap(
  deps: ExchangeDeps,
  principal: Principal,
  id: string,
  lang: Language,
): Promise<string> {
  const row = await store.findNotification(deps.db, id);
  if (!row) throw notFound('exchange.notification_not_found', 'Notification', id);
  assertMayRead(principal, row.personal_data === 1);
  if (!(capExportableTypes as readonly string[]).includes(row.type)) {
    throw conflict(
      'exchange.cap_not_exportable',
      `notifications of type ${row.type} are not exported as CAP; exportable: ${capExportableTypes.join(', ')}`,
      { type: row.type },
    );
  }
  const senderName = await agencyName(deps.db, row.sender_agency, lang);
  const content = capContent(row.type as NotificationType, bodyOf(row), row.text, () =>
    renderRow(row, lang, { senderName }),
  );
  return notificationToCap({
    id: row.id,
    type: row.type,
    priority: row.priority as 'routine' | 'urgent' | 'flash',
    createdAt: row.sent_at ?? row.created_at,
    senderAgency: row.sender_agency,
    senderName,
    subject: content.subject,
    text: content.text,
    language: lang,
  });
}

function capContent(
  type: NotificationType,
  body: unknown,
  senderText: string | null,
  render: () => { title: string; lines: string[]; senderText?: string } | null,
): { subject: string; text: string } {
  if (type === 'liaison.message' && body !== null && typeof body === 'object') {
    const message = body as { subject: string; text: string };
    return { subject: message.subject, text: [message.text, senderText].filter(Boolean).join('\n\n') };
  }
  const rendered = render();
  if (rendered === null) throw conflict('exchange.purged', 'the content of this notification was purged');
  return {
    subject: rendered.title,
    text: [rendered.lines.join('\n'), rendered.senderText].filter(Boolean).join('\n\n'),
  };
}
