let context: AudioContext | null = null;

/** Creates (or wakes) the audio context; call it from a click so the browser lets it play later. */
export function enableAlertSound(): void {
  context ??= new AudioContext();
  if (context.state === 'suspended') context.resume().catch(() => undefined);
}

/** Two short rising tones, synthesised on the spot: no audio files ship with the app. */
export function playAlertSound(): void {
  if (context?.state !== 'running') return;
  const start = context.currentTime;
  for (const [offset, frequency] of [
    [0, 880],
    [0.18, 1320],
  ] as const) {
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.type = 'sine';
    oscillator.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, start + offset);
    gain.gain.exponentialRampToValueAtTime(0.3, start + offset + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.15);
    oscillator.connect(gain).connect(context.destination);
    oscillator.start(start + offset);
    oscillator.stop(start + offset + 0.16);
  }
}
