// The simulator panel (demo mode): pick a fault, its target and magnitude, inject it, show the simulator's answer.
// Targets and magnitudes follow the simulator's FaultTargets conventions; the simulator checks them again.
'use strict';
(async () => {
  const FAULTS = {
    TEMPERATURE_EXCURSION: { target: 'R1', magnitude: 15, hint: 'R1 · °C added to the jacket' },
    PUMP_DEGRADATION: { target: 'P2', magnitude: 0.3, hint: 'P1 or P2 · fraction of flow lost, 0..1, ramped' },
    PUMP_STOP: { target: 'P2', magnitude: 0, hint: 'P1 or P2 · magnitude ignored' },
    FEED_DRIFT: { target: 'FB', magnitude: -0.25, hint: 'FA or FB · relative concentration change, ramped' },
    FOULING: { target: 'R1', magnitude: 0.3, hint: 'R1 · fraction of volume blocked, 0..0.9, ramped' },
    ANALYZER_DRIFT: { target: 'AT1', magnitude: 0.05, hint: 'AT1 · absorbance (AU) of the window deposit, ramped' },
    STUCK_SENSOR: { target: 'AT1.impurity', magnitude: 0, hint: 'a signal, e.g. AT1.impurity · magnitude ignored' },
    SPIKES: { target: 'R1.temperature', magnitude: 5, hint: 'a signal · spike height in its unit' },
    ANALYZER_DROPOUT: { target: 'AT1', magnitude: 0, hint: 'AT1 · no scans, status Bad · magnitude ignored' },
    COMM_LOSS: { target: '', magnitude: 0, hint: 'the line · the servers stop answering · magnitude ignored' }
  };
  await Hmi.header('simulator');
  const type = document.getElementById('s-type');
  const target = document.getElementById('s-target');
  const magnitude = document.getElementById('s-magnitude');
  const duration = document.getElementById('s-duration');
  const hint = document.getElementById('s-hint');
  const msg = document.getElementById('s-msg');
  for (const t of Object.keys(FAULTS)) type.append(Hmi.el('option', { value: t }, t));
  function pick() {
    const f = FAULTS[type.value];
    target.value = f.target; magnitude.value = f.magnitude; hint.textContent = f.hint;
  }
  type.addEventListener('change', pick);
  pick();
  const health = await Hmi.api('GET', '/api/health');
  if (!health.demo) {
    msg.textContent = 'The simulator panel is available in demo mode only.';
    document.getElementById('s-inject').disabled = true;
  }
  document.getElementById('sim-form').addEventListener('submit', async ev => {
    ev.preventDefault();
    const body = { type: type.value, magnitude: Number(magnitude.value) };
    if (target.value.trim()) body.target = target.value.trim();
    if (duration.value) body.durationS = Number(duration.value);
    msg.classList.remove('error');
    msg.textContent = 'injecting…';
    try {
      const r = await Hmi.api('POST', '/api/simulator/faults', body);
      msg.textContent = r.faultId + ': ' + r.message;
    } catch (e) {
      msg.classList.add('error');
      msg.textContent = 'refused: ' + e.message;
    }
  });
  document.body.dataset.ready = 'true';
})();
