/** Namespace of every CAP 1.2 alert; anything else (CAP 1.1, look-alikes) is refused by the schema. */
export const CAP_NAMESPACE = 'urn:oasis:names:tc:emergency:cap:1.2';

export const capStatuses = ['Actual', 'Exercise', 'System', 'Test', 'Draft'] as const;
export type CapStatus = (typeof capStatuses)[number];

export const capMsgTypes = ['Alert', 'Update', 'Cancel', 'Ack', 'Error'] as const;
export type CapMsgType = (typeof capMsgTypes)[number];

export const capScopes = ['Public', 'Restricted', 'Private'] as const;
export type CapScope = (typeof capScopes)[number];

export const capCategories = [
  'Geo',
  'Met',
  'Safety',
  'Security',
  'Rescue',
  'Fire',
  'Health',
  'Env',
  'Transport',
  'Infra',
  'CBRNE',
  'Other',
] as const;
export type CapCategory = (typeof capCategories)[number];

export const capResponseTypes = [
  'Shelter',
  'Evacuate',
  'Prepare',
  'Execute',
  'Avoid',
  'Monitor',
  'Assess',
  'AllClear',
  'None',
] as const;
export type CapResponseType = (typeof capResponseTypes)[number];

export const capUrgencies = ['Immediate', 'Expected', 'Future', 'Past', 'Unknown'] as const;
export type CapUrgency = (typeof capUrgencies)[number];

export const capSeverities = ['Extreme', 'Severe', 'Moderate', 'Minor', 'Unknown'] as const;
export type CapSeverity = (typeof capSeverities)[number];

export const capCertainties = ['Observed', 'Likely', 'Possible', 'Unlikely', 'Unknown'] as const;
export type CapCertainty = (typeof capCertainties)[number];

/** A WGS 84 point as CAP writes it: latitude first. */
export interface CapPoint {
  lat: number;
  lon: number;
}

export interface CapCircle {
  center: CapPoint;
  radiusKm: number;
}

/** `valueName`/`value` pairs: event codes, parameters, geocodes. */
export interface CapValuePair {
  valueName: string;
  value: string;
}

/** An earlier message this one refers to (`sender,identifier,sent` in `<references>`). */
export interface CapReference {
  sender: string;
  identifier: string;
  sent: string;
}

export interface CapArea {
  areaDesc: string;
  /** Closed rings: the first point repeats as the last. */
  polygons: CapPoint[][];
  circles: CapCircle[];
  geocodes: CapValuePair[];
  altitude?: number;
  ceiling?: number;
}

/** A resource is described only: its inline content (`derefUri`) is never kept. */
export interface CapResource {
  resourceDesc: string;
  mimeType: string;
  size?: number;
  uri?: string;
  digest?: string;
}

export interface CapInfo {
  /** RFC 3066 tag; CAP's default `en-US` when the element is absent. */
  language: string;
  categories: CapCategory[];
  event: string;
  responseTypes: CapResponseType[];
  urgency: CapUrgency;
  severity: CapSeverity;
  certainty: CapCertainty;
  audience?: string;
  eventCodes: CapValuePair[];
  effective?: string;
  onset?: string;
  expires?: string;
  senderName?: string;
  headline?: string;
  description?: string;
  instruction?: string;
  web?: string;
  contact?: string;
  parameters: CapValuePair[];
  resources: CapResource[];
  areas: CapArea[];
}

/** A CAP 1.2 alert as imported: schema-valid and checked against the rules the schema cannot express. */
export interface CapAlert {
  identifier: string;
  sender: string;
  /** As written in the alert (`2003-04-02T14:39:01-05:00`), so the sender's offset is kept. */
  sent: string;
  status: CapStatus;
  msgType: CapMsgType;
  source?: string;
  scope: CapScope;
  restriction?: string;
  addresses?: string;
  codes: string[];
  note?: string;
  references: CapReference[];
  incidents?: string;
  info: CapInfo[];
  /** The alert carries an enveloped XML signature; it is kept but NOT verified here. */
  signed: boolean;
}

/** One problem found in a CAP document, with its line when the validator knows it. */
export interface CapProblem {
  line?: number;
  message: string;
}

export type CapValidation = { ok: true } | { ok: false; errors: CapProblem[] };
