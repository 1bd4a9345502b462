import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  bodySchemaFor,
  NOTIFICATION_TYPES,
  type NotificationType,
} from '../../../../src/modules/exchange/bodies/body-schemas.js';
import { useAgencies } from '../../api/agencies.js';
import { ApiProblem, api } from '../../api/client.js';
import { PRIORITIES } from '../../api/exchange.js';
import { localName } from '../../api/types.js';
import { useCodeLabel } from '../../i18n/codes.js';
import { currentLanguage } from '../../i18n/i18n.js';
import { Done, FailureAlert, failureOf } from '../../ui/form.js';
import { cleanValue, initialValue, type JsonSchema, type JsonValue, SchemaNode } from './schema-form.js';

/** What a reply starts from: the message answered and who sent it. */
export interface ReplyTo {
  readonly id: string;
  readonly agency: string;
}

function schemaOf(type: NotificationType): JsonSchema {
  return bodySchemaFor(type) as unknown as JsonSchema;
}

/**
 * A new notification: type, recipients, priority, then the body as a form generated from the type's
 * versioned JSON schema (the same schema the node validates against), and optional free text.
 */
export function ComposeForm({
  replyTo,
  onSent,
}: {
  readonly replyTo: ReplyTo | null;
  readonly onSent: (id: string, draft: boolean) => void;
}) {
  const { t } = useTranslation();
  const label = useCodeLabel();
  const agencies = useAgencies();
  const language = currentLanguage();
  const typeId = useId();
  const priorityId = useId();
  const textId = useId();
  const [type, setType] = useState<NotificationType>(replyTo ? 'liaison.message' : 'situation.daily');
  const [body, setBody] = useState<JsonValue | undefined>(() => initialValue(schemaOf(type)));
  const [to, setTo] = useState<readonly string[]>(replyTo ? [replyTo.agency] : []);
  const [failure, setFailure] = useState<Error | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const peers = agencies.status === 'ready' ? agencies.data.filter((agency) => agency.kind !== 'own') : [];
  const chooseType = (next: NotificationType) => {
    setType(next);
    setBody(initialValue(schemaOf(next)));
    setFailure(null);
  };
  const errorFor = (path: string) =>
    failure instanceof ApiProblem
      ? failure.fieldErrors.find((error) => error.path === `/body${path}` || error.path === path)?.message
      : undefined;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = String(form.get('text') ?? '').trim();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const draft = submitter instanceof HTMLButtonElement && submitter.value === 'draft';
    setFailure(null);
    setDone(null);
    api<{ id: string }>('POST', '/api/v1/notifications', {
      type,
      to,
      priority: String(form.get('priority') ?? 'routine'),
      body: cleanValue(body) ?? {},
      ...(text && { text }),
      ...(replyTo && { inReplyTo: replyTo.id }),
      ...(draft && { draft: true }),
    }).then(
      (created) => {
        setDone(t(draft ? 'inbox.compose.saved' : 'inbox.compose.sent'));
        onSent(created.id, draft);
      },
      (error: unknown) => setFailure(failureOf(error)),
    );
  };
  return (
    <form onSubmit={submit} className="compose" aria-labelledby="compose-title">
      <h2 id="compose-title">{replyTo ? t('inbox.compose.replyTitle') : t('inbox.compose.title')}</h2>
      <div className="form-grid">
        <div className="field">
          <label htmlFor={typeId}>{t('inbox.type')}</label>
          <select
            id={typeId}
            value={type}
            onChange={(event) => chooseType(event.target.value as NotificationType)}
          >
            {NOTIFICATION_TYPES.map((code) => (
              <option key={code} value={code}>
                {label('notificationType', code)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={priorityId}>{t('inbox.priority')}</label>
          <select id={priorityId} name="priority" defaultValue="routine">
            {PRIORITIES.map((code) => (
              <option key={code} value={code}>
                {label('priority', code)}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="recipients-choice">
          <legend>{t('inbox.to')}</legend>
          {peers.map((agency) => (
            <label key={agency.code} className="checkbox">
              <input
                type="checkbox"
                checked={to.includes(agency.code)}
                onChange={(event) =>
                  setTo(
                    event.target.checked ? [...to, agency.code] : to.filter((code) => code !== agency.code),
                  )
                }
              />
              {localName(agency.names, language, agency.code)} ({agency.code})
            </label>
          ))}
          {peers.length === 0 && <p className="muted">{t('inbox.compose.noPeers')}</p>}
        </fieldset>
      </div>
      <fieldset className="body-fields">
        <legend>{t('inbox.compose.body')}</legend>
        <SchemaNode
          schema={schemaOf(type)}
          name="body"
          value={body}
          required
          errorFor={errorFor}
          path=""
          onChange={setBody}
        />
      </fieldset>
      <div className="field">
        <label htmlFor={textId}>{t('inbox.compose.text')}</label>
        <textarea id={textId} name="text" rows={3} maxLength={20_000} aria-describedby={`${textId}-hint`} />
        <p id={`${textId}-hint`} className="muted small hint">
          {t('inbox.compose.textHint')}
        </p>
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={to.length === 0}>
          {t('inbox.compose.send')}
        </button>
        <button type="submit" value="draft" disabled={to.length === 0}>
          {t('inbox.compose.saveDraft')}
        </button>
      </div>
      <FailureAlert failure={failure} />
      <Done message={done} />
    </form>
  );
}
