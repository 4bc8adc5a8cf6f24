/**
 * What the scanner hears and feels: a lane is loud and the volunteer looks at the resident, not the
 * screen. OK is a short high beep; an error a long low tone and a vibration.
 */
let audio: AudioContext | null = null;

function tone(frequency: number, seconds: number, type: OscillatorType) {
  try {
    const Context =
      globalThis.AudioContext ??
      (globalThis as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
    if (!Context) return;
    audio ??= new Context();
    if (audio.state === 'suspended') void audio.resume();
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.type = type;
    oscillator.frequency.value = frequency;
    gain.gain.setValueAtTime(0.25, audio.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + seconds);
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start();
    oscillator.stop(audio.currentTime + seconds);
  } catch {
    // no sound on this device: the message on screen still says it
  }
}

export function cueOk() {
  tone(1480, 0.12, 'sine');
}

export function cueError() {
  tone(196, 0.7, 'square');
  try {
    navigator.vibrate?.([250, 100, 250]);
  } catch {
    // vibration blocked
  }
}
