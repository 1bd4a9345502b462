/** Attachments above this are refused with 413 (issue 3: up to 20 MB each). */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
/** Large enough for IPAWS alerts with long polygons, small enough to parse in memory. */
export const MAX_CAP_BYTES = 5 * 1024 * 1024;
