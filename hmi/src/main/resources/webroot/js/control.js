// Control: the line's PackML state and commands, its setpoints and command signals, its PID loops (mode, SP, PV,
// OUT), each change confirmed in a dialog that asks for the reason; the recent changes from the audit trail. Writing needs the operator, engineer or
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
      refreshState(); refreshChanges(); refreshLoops();
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

  // Setpoints with live values; the output of a loop in AUTO is the loop's (the server refuses it too)
  const changeButtons = {};
  function buildSetpoints() {
    const tb = document.querySelector('#setpoints tbody');
    tb.replaceChildren();
    for (const k of Object.keys(changeButtons)) delete changeButtons[k];
    for (const u of line().units) for (const s of u.signals) {
      if (s.kind !== 'SETPOINT' && s.kind !== 'COMMAND') continue;
      const tr = Hmi.el('tr', { 'data-signal': s.ref });
      const val = Hmi.el('td', { class: 'num' }, s.live ? Hmi.fmt(s.live.value, s.range) : '----');
      cells[lineSel.value + '/' + s.ref] = { td: val, s };
      const act = Hmi.el('td', { colspan: '5' });
      if (mayWrite) {
        const b = Hmi.el('button', { type: 'button', class: 'change' }, 'Change…');
        changeButtons[s.ref] = b;
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
    buildLoops();
  }

  // PID loops: mode, SP, PV and OUT polled every second; AUTO / MANUAL, setpoint and manual output each confirmed
  // with a reason. The output can only be set in MANUAL (the PID sets it in AUTO).
  const loopRows = {};
  function buildLoops() {
    const lb = document.querySelector('#loops tbody');
    lb.replaceChildren();
    for (const k of Object.keys(loopRows)) delete loopRows[k];
    for (const l of (line().loops || [])) {
      const tr = Hmi.el('tr', { 'data-loop': l.id });
      const row = { l, status: null, mode: Hmi.el('td', { class: 'mode' }, '----'), sp: Hmi.el('td', { class: 'num' }, '----'),
        pv: Hmi.el('td', { class: 'num' }, '----'), out: Hmi.el('td', { class: 'num' }, '----'), buttons: {} };
      const act = Hmi.el('td', { colspan: '5' });
      if (mayWrite) {
        const button = (key, text, title, withValue, body, describe) => {
          const b = Hmi.el('button', { type: 'button', 'data-loop-action': key, disabled: '' }, text);
          b.addEventListener('click', () => {
            const st = row.status;
            ask(title + ' · ' + l.id, describe(st), withValue, async (reason, value) => {
              if (withValue && !isFinite(value)) throw new Error('Enter a number.');
              const r = await Hmi.api('POST', '/api/loops/' + encodeURIComponent(lineSel.value) + '/' + encodeURIComponent(l.id),
                Object.assign(body(value), { reason }));
              showLoop(row, r);
              return l.id + ': ' + r.message;
            });
            const v = document.getElementById('k-value');
            v.removeAttribute('min'); v.removeAttribute('max');
            if (key === 'setpoint') { v.value = st.setpoint; if (st.setpointMin !== undefined) { v.min = st.setpointMin; v.max = st.setpointMax; } }
            if (key === 'output') { v.value = st.output ?? ''; v.min = st.outputMin; v.max = st.outputMax; }
          });
          row.buttons[key] = b;
          act.append(b, ' ');
        };
        button('auto', 'Auto', 'Automatic', false, () => ({ mode: 'AUTO' }),
          st => 'Put ' + l.id + ' in AUTO: the PID sets ' + st.outputSignal + ' from now on, starting at its current value');
        button('manual', 'Manual', 'Manual', false, () => ({ mode: 'MANUAL' }),
          st => 'Put ' + l.id + ' in MANUAL: ' + st.outputSignal + ' is held at ' + fmtOut(st));
        button('setpoint', 'SP…', 'Setpoint', true, value => ({ setpoint: value }),
          st => 'Setpoint of ' + l.id + ' (' + st.pvSignal + '), now ' + st.setpoint + ' ' + Hmi.unitText(st.unit));
        button('output', 'OUT…', 'Manual output', true, value => ({ output: value }),
          st => 'Output ' + st.outputSignal + ' of ' + l.id + ', now ' + fmtOut(st) + ' (limits ' + st.outputMin + ' … ' + st.outputMax + ')');
      }
      const name = Hmi.el('td', {}, l.id);
      name.append(Hmi.el('br'), Hmi.el('span', { class: 'hint' }, l.pv + ' → ' + l.output));
      tr.append(name, row.mode, row.sp, row.pv, row.out);
      lb.append(tr);
      // the buttons on a row of their own under the values, so the narrow panel keeps the numbers on one line
      if (mayWrite) {
        const actions = Hmi.el('tr', { 'data-loop': l.id, class: 'loop-actions' });
        actions.append(Hmi.el('td', { class: 'hint' }, 'change:'), act);
        lb.append(actions);
      }
      loopRows[l.id] = row;
    }
  }
  function fmtOut(st) { return st.output === null || st.output === undefined ? '----' : Hmi.fmt(st.output) + ' ' + Hmi.unitText(st.outputUnit); }
  function showLoop(row, st) {
    row.status = st;
    row.mode.textContent = st.mode;
    row.mode.dataset.mode = st.mode;
    row.sp.textContent = Hmi.fmt(st.setpoint) + ' ' + Hmi.unitText(st.unit);
    row.pv.textContent = st.pv === null || st.pv === undefined ? '----' : Hmi.fmt(st.pv) + ' ' + Hmi.unitText(st.unit);
    row.pv.classList.toggle('abnormal', !!st.pvQuality && st.pvQuality !== 'GOOD');
    row.pv.title = st.pvQuality ? 'quality ' + st.pvQuality : 'no measurement yet';
    row.out.textContent = fmtOut(st);
    const b = row.buttons;
    if (b.auto) {
      b.auto.disabled = st.mode === 'AUTO' || st.output === null;
      b.manual.disabled = st.mode === 'MANUAL';
      b.setpoint.disabled = false;
      b.output.disabled = st.mode === 'AUTO';
      b.auto.classList.toggle('on', st.mode === 'AUTO');
      b.manual.classList.toggle('on', st.mode === 'MANUAL');
    }
    const owned = changeButtons[st.outputSignal];
    if (owned) {
      owned.disabled = st.mode === 'AUTO';
      owned.title = st.mode === 'AUTO' ? 'set by loop ' + st.loop + ' in AUTO: change its setpoint, or switch it to MANUAL' : '';
    }
  }
  async function refreshLoops() {
    if (!Object.keys(loopRows).length) return;
    try {
      const r = await Hmi.api('GET', '/api/loops?line=' + encodeURIComponent(lineSel.value));
      for (const st of r.loops) if (loopRows[st.loop]) showLoop(loopRows[st.loop], st);
    } catch (e) { if (e.status !== 401) say('loop status unavailable: ' + e.message, true); }
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
  lineSel.addEventListener('change', () => { history.replaceState(null, '', '?line=' + lineSel.value); buildSetpoints(); follow(); refreshState(); refreshChanges(); refreshLoops(); });
  buildSetpoints();
  follow();
  await Promise.all([refreshState(), refreshChanges(), refreshLoops()]);
  setInterval(refreshState, 2000);
  setInterval(refreshLoops, 1000);
  setInterval(refreshChanges, 5000);
  document.body.dataset.ready = 'true';
})();
