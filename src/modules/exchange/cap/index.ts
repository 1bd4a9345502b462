export * from './cap-model.js';
export {
  type CapExportableType,
  type CapExportNotification,
  type CapExportOptions,
  type CapImportedNotification,
  type CapOrigin,
  capExportableTypes,
  capToNotification,
  type LiaisonMessageBody,
  type MeasuresUpdateBody,
  type NotificationPriority,
  notificationPriorities,
  notificationToCap,
  priorityFor,
} from './cap-notification.js';
export { parseCapAlert } from './cap-parse.js';
export { validateCapXml } from './cap-validate.js';
