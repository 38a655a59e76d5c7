// Control: the line's PackML state and commands, its setpoints and command signals, each change confirmed in a
// dialog that asks for the reason; the recent changes from the audit trail. Writing needs the operator, engineer or
// admin role (the buttons are absent otherwise, and the server checks again).
'use strict';
(async () => {
  const me = await Hmi.header('control');
  const mayWrite = ['operator', 'engineer', 'admin'].includes(me.role);
  const plant = await Hmi.api('GET', '/api/lines');
  const params = new URLSearchParams(location.search);
  const lineSel = document.getElementById('k-line');
  const msg = document.getElementById('k-msg');
  const dialog = document.getElementById('k-dialog');
  const COMMANDS = ['start', 'hold', 'unhold', 'stop', 'abort', 'clear', 'reset'];
  const NORMAL_STATES = ['EXECUTE', 'IDLE', 'STOPPED'];
  let pending = null, feed = null;
  const cells = {};

  for (const l of plant.lines) lineSel.append(Hmi.el('option', { value: l.id }, l.id + ' · ' + l.name));
  lineSel.value = params.get('line') || plant.lines[0].id;
  const line = () => plant.lines.find(l => l.id === lineSel.value);
  function say(text, error) { msg.textContent = text; msg.classList.toggle('error', !!error); }

  function ask(title, what, withValue, onConfirm) {
    pending = onConfirm;
    document.getElementById('k-title').textContent = title;
    document.getElementById('k-what').textContent = what;
    document.getElementById('k-value-row').hidden = !withValue;
    document.getElementById('k-value').required = withValue;
    document.getElementById('k-reason').value = '';
    document.getElementById('k-dmsg').textContent = '';
    dialog.showModal();
    (withValue ? document.getElementById('k-value') : document.getElementById('k-reason')).focus();
  }
  document.getElementById('k-cancel').addEventListener('click', () => dialog.close());
  document.getElementById('k-form').addEventListener('submit', async ev => {
    ev.preventDefault();
    const reason = document.getElementById('k-reason').value.trim();
    const dmsg = document.getElementById('k-dmsg');
    if (!reason) { dmsg.textContent = 'A reason is required.'; dmsg.classList.add('error'); return; }
    try {
      const text = await pending(reason, Number(document.getElementById('k-value').value));
      dialog.close();
      say(text);
      refreshState(); refreshChanges();
    } catch (e) { dmsg.textContent = e.message; dmsg.classList.add('error'); }
  });

  // Commands
  const cmdBox = document.getElementById('k-commands');
  if (mayWrite) {
    for (const c of COMMANDS) {
      const b = Hmi.el('button', { type: 'button', 'data-command': c }, c[0].toUpperCase() + c.slice(1));
      b.addEventListener('click', () => ask(b.textContent + ' line ' + lineSel.value, 'Command ' + c.toUpperCase()
        + ' to line ' + lineSel.value, false, async reason => {
        const r = await Hmi.api('POST', '/api/lines/' + encodeURIComponent(lineSel.value) + '/commands', { command: c, reason });
        return 'Line ' + r.line + ': ' + r.command + ' accepted, now ' + r.state;
      }));
      cmdBox.append(b, ' ');
    }
  }

  async function refreshState() {
    try {
      const s = await Hmi.api('GET', '/api/lines/' + encodeURIComponent(lineSel.value) + '/state');
      const el = document.getElementById('k-state');
      el.textContent = s.state || 'unknown';
      el.dataset.state = s.state || '';
      el.classList.toggle('abnormal', !!s.state && !NORMAL_STATES.includes(s.state) && !s.acting);
      document.getElementById('k-since').textContent = s.state ? 'since ' + Hmi.dateTime(s.since) + (s.by ? ' · by ' + s.by : '') : '';
    } catch (e) { if (e.status !== 401) say('line state unavailable: ' + e.message, true); }
  }

  // Setpoints with live values
  function buildSetpoints() {
    const tb = document.querySelector('#setpoints tbody');
    tb.replaceChildren();
    for (const u of line().units) for (const s of u.signals) {
      if (s.kind !== 'SETPOINT' && s.kind !== 'COMMAND') continue;
      const tr = Hmi.el('tr', { 'data-signal': s.ref });
      const val = Hmi.el('td', { class: 'num' }, s.live ? Hmi.fmt(s.live.value, s.range) : '----');
      cells[lineSel.value + '/' + s.ref] = { td: val, s };
      const act = Hmi.el('td');
      if (mayWrite) {
        const b = Hmi.el('button', { type: 'button', class: 'change' }, 'Change…');
        b.addEventListener('click', () => {
          ask('Change ' + s.name, s.ref + ' now ' + val.textContent + ' ' + Hmi.unitText(s.unit), true, async (reason, value) => {
            if (!isFinite(value)) throw new Error('Enter a number.');
            const r = await Hmi.api('POST', '/api/setpoints', { line: lineSel.value, signal: s.ref, value, reason });
            return s.ref + ' := ' + r.value + ' ' + Hmi.unitText(s.unit) + ' (' + (r.message || 'written') + ')';
          });
          const v = document.getElementById('k-value');
          if (s.range) { v.min = s.range.min; v.max = s.range.max; }
          v.value = s.live ? s.live.value : '';
        });
        act.append(b);
      }
      tr.append(Hmi.el('td', {}, s.name + ' (' + s.ref + ')'), val,
        Hmi.el('td', { class: 'lim' }, s.range ? s.range.min + ' … ' + s.range.max + ' ' + Hmi.unitText(s.unit) : ''), act);
      tb.append(tr);
    }
    const lb = document.querySelector('#loops tbody');
    lb.replaceChildren();
    for (const l of (line().loops || [])) {
      const tr = Hmi.el('tr');
      tr.append(Hmi.el('td', {}, l.id), Hmi.el('td', {}, l.pv), Hmi.el('td', {}, l.output), Hmi.el('td', {}, l.setpoint));
      lb.append(tr);
    }
  }

  async function refreshChanges() {
    const tb = document.querySelector('#changes tbody');
    try {
      const a = await Hmi.api('GET', '/api/audit?line=' + encodeURIComponent(lineSel.value) + '&limit=20');
      const chain = document.getElementById('k-chain');
      chain.textContent = a.chain && a.chain.valid ? 'chain valid (' + a.chain.entries + ' entries)' : 'CHAIN BROKEN: ' + (a.chain && a.chain.message);
      tb.replaceChildren(...a.entries.map(e => {
        const tr = Hmi.el('tr', { 'data-action': e.action });
        tr.append(Hmi.el('td', {}, Hmi.time(Math.floor(e.timeNanos / 1e6))), Hmi.el('td', {}, e.user), Hmi.el('td', {}, e.action),
          Hmi.el('td', {}, e.target), Hmi.el('td', {}, (e.oldValue || '') + ' → ' + (e.newValue || '')), Hmi.el('td', { class: 'wrap' }, e.reason));
        return tr;
      }));
    } catch (e) {
      tb.replaceChildren();
      document.getElementById('k-chain').textContent = 'audit trail unavailable: ' + e.message;
    }
  }

  function follow() {
    feed && feed.close();
    feed = Hmi.live(() => [lineSel.value + '/*'], samples => {
      for (const s of samples) {
        const c = cells[s.signal];
        if (c) c.td.textContent = Hmi.fmt(s.value, c.s.range);
      }
    });
  }
  lineSel.addEventListener('change', () => { history.replaceState(null, '', '?line=' + lineSel.value); buildSetpoints(); follow(); refreshState(); refreshChanges(); });
  buildSetpoints();
  follow();
  await Promise.all([refreshState(), refreshChanges()]);
  setInterval(refreshState, 2000);
  setInterval(refreshChanges, 5000);
  document.body.dataset.ready = 'true';
})();
