import { AppError } from '../../../../core/errors.js';
import type { BodyOf, NotificationType } from '../body-schemas.js';
import type { CodeOf } from '../code-lists.js';
import { isTimeZone } from '../formats.js';
import type { Language } from '../language.js';
import { assertValidBody } from '../validate-body.js';
import { renderLiaisonMessage, renderOperationInvite, renderOperationReport } from './operation-renderers.js';
import {
  renderHandoverRequest,
  renderHitNotice,
  renderPersonsMovement,
  renderWatchlistShare,
} from './person-renderers.js';
import { RenderContext, type RenderedBody, type RenderOptions } from './render-context.js';
import { renderMeasuresUpdate, renderPortPolicy, renderSituationDaily } from './situation-renderers.js';

export type Priority = CodeOf<'priority'>;

/** A notification as stored or received: the body is checked again before it is rendered. */
export interface NotificationToRender {
  type: NotificationType;
  body: unknown;
  priority: Priority;
  senderAgencyName?: string | undefined;
  /** The sender's free text: shown beside the rendering, never translated. */
  text?: string | undefined;
}

/** A notification in the reader's language; `senderText` is the sender's own words, untouched. */
export interface RenderedNotification {
  title: string;
  lines: string[];
  /** Title and lines as one text. */
  text: string;
  senderText?: string;
}

type Renderers = { [T in NotificationType]: (ctx: RenderContext, body: BodyOf<T>) => RenderedBody };

const RENDERERS: Renderers = {
  'situation.daily': renderSituationDaily,
  'port.policy': renderPortPolicy,
  'measures.update': renderMeasuresUpdate,
  'persons.movement': renderPersonsMovement,
  'watchlist.share': renderWatchlistShare,
  'hit.notice': renderHitNotice,
  'handover.request': renderHandoverRequest,
  'operation.invite': renderOperationInvite,
  'operation.report': renderOperationReport,
  'liaison.message': renderLiaisonMessage,
};

const renderBody = <T extends NotificationType>(ctx: RenderContext, type: T, body: unknown): RenderedBody => {
  const render = RENDERERS[type] as (ctx: RenderContext, body: BodyOf<T>) => RenderedBody;
  return render(ctx, assertValidBody(type, body));
};

const joinTexts = (texts: readonly (string | undefined)[]): string | undefined => {
  const present = texts.filter((text): text is string => text !== undefined && text.trim() !== '');
  return present.length === 0 ? undefined : present.join('\n\n');
};

/** Builds the reader's context, refusing a time zone the runtime does not know. */
export const renderContext = (lang: Language, options: RenderOptions = {}): RenderContext => {
  if (options.timeZone !== undefined && !isTimeZone(options.timeZone)) {
    throw new AppError(
      'invalid',
      'exchange.unknown_time_zone',
      `${options.timeZone} is not a known time zone`,
    );
  }
  return new RenderContext(lang, options);
};

/**
 * Renders a notification's structured body in the reader's language from the catalogues and code lists.
 * Throws `exchange.invalid_body` when the body does not match its type.
 */
export const renderNotification = (
  notification: NotificationToRender,
  lang: Language,
  options: RenderOptions = {},
): RenderedNotification => {
  const ctx = renderContext(lang, options);
  const rendered = renderBody(ctx, notification.type, notification.body);
  const title = ctx.msg('render.priorityMark', { priority: notification.priority }) + rendered.title;
  const lines =
    notification.senderAgencyName === undefined
      ? rendered.lines
      : [ctx.msg('render.sender', { sender: notification.senderAgencyName }), ...rendered.lines];
  const senderText = joinTexts([rendered.bodyText, notification.text]);
  return {
    title,
    lines,
    text: [title, ...lines].join('\n'),
    ...(senderText === undefined ? {} : { senderText }),
  };
};
