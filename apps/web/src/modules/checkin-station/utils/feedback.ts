import type { StationScan } from './scan-logic.js';
import { scanTone } from './scan-logic.js';

let audio: AudioContext | null = null;

function beep(frequency: number, startAt: number, duration: number) {
  if (!audio) return;
  const osc = audio.createOscillator();
  const gain = audio.createGain();
  osc.type = 'sine';
  osc.frequency.value = frequency;
  gain.gain.setValueAtTime(0.2, audio.currentTime + startAt);
  gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + startAt + duration);
  osc.connect(gain).connect(audio.destination);
  osc.start(audio.currentTime + startAt);
  osc.stop(audio.currentTime + startAt + duration);
}

/**
 * A sound and a vibration for each scan, so the volunteer need not look: one high beep admitted, two middle
 * beeps re-entry or conflict, a low long tone refused. Silently nothing where the device has no audio.
 */
export function scanFeedback(scan: Pick<StationScan, 'outcome' | 'local' | 'state'>): void {
  const tone = scanTone(scan);
  try {
    audio ??= new AudioContext();
    if (audio.state === 'suspended') void audio.resume();
    if (tone === 'success') beep(1320, 0, 0.12);
    else if (tone === 'warning' || tone === 'info') {
      beep(880, 0, 0.1);
      beep(880, 0.16, 0.1);
    } else beep(220, 0, 0.45);
  } catch {
    // No audio on this device.
  }
  try {
    navigator.vibrate?.(tone === 'success' ? 60 : tone === 'error' ? [200, 80, 200] : [80, 60, 80]);
  } catch {
    // No vibration.
  }
}
