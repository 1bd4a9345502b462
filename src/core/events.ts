import { EventEmitter } from 'node:events';

/** Something that happened on this node that live clients may want to know (a new notification, a hit). */
export interface DomainEvent {
  readonly type: string;
  /** The agency whose users may see it; live streams filter on it. */
  readonly agencyCode: string;
  /** Ids and statuses only: subscribers fetch details through the API, which applies access rules. */
  readonly data: Record<string, unknown>;
  /** Set when only holders of the personal-data grant may receive it. */
  readonly personalData?: boolean;
  /** Set when only these roles (and admins) may receive it. */
  readonly roles?: readonly string[];
}

/** In-process publish/subscribe for live updates; each process of a scaled-out node has its own. */
export class EventBus {
  private readonly emitter = new EventEmitter();

  constructor(private readonly onPublish?: (event: DomainEvent) => void) {
    this.emitter.setMaxListeners(0);
  }

  publish(event: DomainEvent): void {
    this.onPublish?.(event);
    this.emitter.emit('event', event);
  }

  subscribe(listener: (event: DomainEvent) => void): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }
}
