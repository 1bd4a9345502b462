export {
  type BodyOf,
  type BodySchemaOf,
  bodySchemaFor,
  type ControlMeasure,
  type CountySituation,
  type HandoverRequestBody,
  type HitNoticeBody,
  isNotificationType,
  type LiaisonMessageBody,
  type MeasuresUpdateBody,
  NOTIFICATION_TYPES,
  type NotificationType,
  type OperationInviteBody,
  type OperationReportBody,
  type PersonMovement,
  type PersonsMovementBody,
  type PortPolicyBody,
  type SharedWatchlistEntry,
  type SituationDailyBody,
  type WatchlistShareBody,
} from './body-schemas.js';
export { CATALOGUES, formatMessage, type MessageKey } from './catalogues/catalogue.js';
export {
  CODE_LISTS,
  type CodeListName,
  type CodeOf,
  codeLabel,
  codesOf,
  type LabelForm,
} from './code-lists.js';
export { isLanguage, LANGUAGES, type Language } from './language.js';
export {
  isPersonalDataType,
  PERSONAL_DATA_RETENTION_DAYS,
  PERSONAL_DATA_TYPES,
  type PersonalDataType,
  personalDataRetentionDays,
} from './personal-data.js';
export type { PlaceKind, RenderOptions } from './render/render-context.js';
export {
  type NotificationToRender,
  type Priority,
  type RenderedNotification,
  renderNotification,
} from './render/render-notification.js';
export { type NotificationDocument, renderPlainDocument } from './render/render-plain-document.js';
export { assertValidBody, type BodyError, type BodyValidation, validateBody } from './validate-body.js';
