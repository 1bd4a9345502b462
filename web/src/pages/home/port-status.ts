/** Port statuses as the situation module will report them; `unknown` until it does. */
export const PORT_STATUSES = ['open', 'cargo_only', 'passengers_restricted', 'closed', 'unknown'] as const;
export type PortStatus = (typeof PORT_STATUSES)[number];

// Colours chosen to stay distinguishable for red-green colour blindness and to pass 3:1 against the land fill.
export const PORT_STATUS_COLOURS: Readonly<Record<PortStatus, string>> = {
  open: '#1b7f3b',
  cargo_only: '#1f5fbf',
  passengers_restricted: '#b25e00',
  closed: '#b3261e',
  unknown: '#5f6b76',
};

export const COUNTY_FILL_COLOUR = '#8e9aa6';
