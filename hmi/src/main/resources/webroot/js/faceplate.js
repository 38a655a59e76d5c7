// The setpoint faceplate: a writable value tag opens it (for roles that may write); the server checks the role
// again, validates the value against the signal's range and passes the request to the controller.
'use strict';
const Faceplate = (() => {
  const WRITERS = ['operator', 'engineer', 'admin'];
  function attach(svg, line, signals, role, currentOf) {
    if (!WRITERS.includes(role)) return;
    const dlg = document.getElementById('faceplate');
    const msg = document.getElementById('fp-msg');
    let ref = null;
    for (const [key, s] of Object.entries(signals)) {
      if (s.kind !== 'SETPOINT' && s.kind !== 'COMMAND') continue;
      const tag = svg.querySelector('[id="v-' + key + '"]');
      if (!tag) continue;
      tag.classList.add('writable');
      tag.addEventListener('click', () => {
        ref = key;
        document.getElementById('fp-title').textContent = s.name + ' (' + line.id + '/' + key + ')';
        document.getElementById('fp-current').textContent = Hmi.fmt(currentOf(key), s.range) + ' ' + Hmi.unitText(s.unit);
        document.getElementById('fp-range').textContent = s.range ? s.range.min + ' – ' + s.range.max + ' ' + Hmi.unitText(s.unit) : '';
        const input = document.getElementById('fp-value');
        input.min = s.range ? s.range.min : ''; input.max = s.range ? s.range.max : '';
        input.value = currentOf(key) ?? '';
        document.getElementById('fp-reason').value = '';
        msg.textContent = ''; msg.className = 'fp-msg';
        dlg.showModal();
      });
    }
    document.getElementById('fp-cancel').addEventListener('click', () => dlg.close());
    document.getElementById('fp-form').addEventListener('submit', async ev => {
      ev.preventDefault();
      msg.textContent = 'writing…'; msg.className = 'fp-msg';
      try {
        const r = await Hmi.api('POST', '/api/setpoints', { line: line.id, signal: ref,
          value: Number(document.getElementById('fp-value').value), reason: document.getElementById('fp-reason').value });
        msg.textContent = r.message || 'written';
        setTimeout(() => dlg.close(), 800);
      } catch (e) {
        msg.textContent = e.message; msg.className = 'fp-msg error';
      }
    });
  }
  return { attach };
})();
