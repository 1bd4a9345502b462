/**
 * Loaded with `node --import` into each demo node: replaces the process clock by a scenario clock, so a
 * replay of 2021 stamps every record (notifications, receipts, hits) with 2021 instants, exactly as the
 * nodes would have done had they run then. The demo moves it forward day by day over IPC; real time keeps
 * flowing between moves, so delivery timeouts, backoff and ordering behave as usual.
 */
const RealDate = Date;
const start = process.env.BORDERLINK_DEMO_CLOCK;
let offsetMs = start ? RealDate.parse(start) - RealDate.now() : 0;

class ScenarioDate extends RealDate {
  constructor(...args: unknown[]) {
    if (args.length === 0) super(RealDate.now() + offsetMs);
    else super(...(args as [string | number | Date]));
  }

  static override now(): number {
    return RealDate.now() + offsetMs;
  }
}

globalThis.Date = ScenarioDate as DateConstructor;

interface ClockMessage {
  type: 'demo.clock';
  at: string;
}

const isClockMessage = (message: unknown): message is ClockMessage =>
  typeof message === 'object' &&
  message !== null &&
  (message as { type?: unknown }).type === 'demo.clock' &&
  typeof (message as { at?: unknown }).at === 'string';

process.on('message', (message: unknown) => {
  if (!isClockMessage(message)) return;
  const target = RealDate.parse(message.at) - RealDate.now();
  // Never backwards: instants already written must stay in the past.
  offsetMs = Math.max(offsetMs, target);
  process.send?.({ type: 'demo.clock.set', at: new RealDate(RealDate.now() + offsetMs).toISOString() });
});
// The IPC channel alone must not keep a stopping node alive.
process.channel?.unref();
