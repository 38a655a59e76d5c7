// The alarms page: the active list and the journal, refreshed every 2 s from /api/alarms. Acknowledge for roles
// that may (the server checks again); shelve with a reason and duration for engineers and admins only.
'use strict';
(async () => {
  const me = await Hmi.header('alarms');
  const mayAck = ['operator', 'engineer', 'admin'].includes(me.role);
  const mayShelve = ['engineer', 'admin'].includes(me.role);
  const active = document.querySelector('#active tbody');
  const history = document.querySelector('#history tbody');
  const msg = document.getElementById('active-msg');
  const fPrio = document.getElementById('f-priority');
  const fState = document.getElementById('f-state');
  const dialog = document.getElementById('shelve');
  let shelving = null;

  function say(text, error) { msg.textContent = text; msg.classList.toggle('error', !!error); }
  function prio(p) { return Hmi.el('span', { class: 'prio ' + p }, p); }
  function num(v) { return v === null || v === undefined ? '' : Number(v).toPrecision(4); }
  function path(a, action) { return '/api/alarms/' + encodeURIComponent(a.line) + '/' + encodeURIComponent(a.id) + '/' + action; }

  async function act(a, action, body) {
    try {
      const r = await Hmi.api('POST', path(a, action), body || {});
      say(a.name + ': ' + r.state);
      await refresh();
      return r;
    } catch (e) { say(a.name + ': ' + e.message, true); throw e; }
  }

  function button(label, cls, onClick) {
    const b = Hmi.el('button', { type: 'button', class: cls }, label);
    b.addEventListener('click', onClick);
    return b;
  }

  // Rows are rebuilt only when something changed, so a button is not replaced under the pointer.
  let shownActive = null, shownHistory = null;
  function renderActive(list) {
    const key = JSON.stringify(list);
    if (key === shownActive) return;
    shownActive = key;
    active.replaceChildren();
    if (!list.length) {
      const tr = Hmi.el('tr', { class: 'muted' });
      tr.append(Hmi.el('td', { colspan: 8 }, 'No active alarms'));
      active.append(tr);
      return;
    }
    for (const a of list) {
      const tr = Hmi.el('tr', { 'data-alarm': a.line + '/' + a.id, 'data-state': a.state });
      if (a.unacknowledged) tr.classList.add('unacked');
      if (!a.annunciated) tr.classList.add('muted');
      const p = Hmi.el('td'); p.append(prio(a.priority));
      const actions = Hmi.el('td');
      if (a.unacknowledged && mayAck) actions.append(button('Ack', 'ack', () => act(a, 'ack').catch(() => {})));
      if (mayShelve && a.state !== 'SHELVED' && a.state !== 'SUPPRESSED') {
        actions.append(' ', button('Shelve…', 'shelve', () => openShelve(a)));
      }
      if (mayShelve && a.state === 'SHELVED') actions.append(' ', button('Unshelve', 'unshelve', () => act(a, 'unshelve').catch(() => {})));
      tr.append(p, Hmi.el('td', {}, a.line), Hmi.el('td', {}, a.name),
        Hmi.el('td', { class: 'state' }, a.state + (a.state === 'SHELVED' && a.reason ? ' (' + a.reason + ')' : '')),
        Hmi.el('td', {}, Hmi.time(a.activeSince || a.since)), Hmi.el('td', { class: 'num' }, num(a.value)),
        Hmi.el('td', {}, a.isFirstOut ? 'first out' : (a.firstOut || '')), actions);
      active.append(tr);
    }
  }

  function renderHistory(rows) {
    const key = JSON.stringify([fPrio.value, fState.value, rows]);
    if (key === shownHistory) return;
    shownHistory = key;
    history.replaceChildren();
    for (const t of rows) {
      if (fPrio.value && t.priority !== fPrio.value) continue;
      if (fState.value && t.to !== fState.value) continue;
      const tr = Hmi.el('tr', { 'data-alarm': t.line + '/' + t.id });
      const p = Hmi.el('td'); p.append(prio(t.priority));
      tr.append(Hmi.el('td', {}, Hmi.time(t.time)), p, Hmi.el('td', {}, t.line), Hmi.el('td', {}, t.name),
        Hmi.el('td', {}, t.from), Hmi.el('td', {}, t.to), Hmi.el('td', { class: 'num' }, num(t.value)),
        Hmi.el('td', {}, t.user), Hmi.el('td', {}, t.reason));
      history.append(tr);
    }
  }

  function openShelve(a) {
    shelving = a;
    document.getElementById('sh-title').textContent = 'Shelve: ' + a.name;
    document.getElementById('sh-msg').textContent = '';
    document.getElementById('sh-reason').value = '';
    dialog.showModal();
  }
  document.getElementById('sh-cancel').addEventListener('click', () => dialog.close());
  document.getElementById('sh-form').addEventListener('submit', async ev => {
    ev.preventDefault();
    const minutes = Number(document.getElementById('sh-duration').value);
    const reason = document.getElementById('sh-reason').value.trim();
    try {
      await act(shelving, 'shelve', { durationS: minutes * 60, reason });
      dialog.close();
    } catch (e) { document.getElementById('sh-msg').textContent = e.message; }
  });

  let busy = false;
  async function refresh() {
    if (busy) return;
    busy = true;
    try {
      const [a, h] = await Promise.all([Hmi.api('GET', '/api/alarms'), Hmi.api('GET', '/api/alarms?history=true&limit=500')]);
      renderActive(a.alarms);
      renderHistory(h.transitions);
      document.body.dataset.ready = 'true';
    } catch (e) { if (e.status !== 401) say('alarms unavailable: ' + e.message, true); }
    finally { busy = false; }
  }
  fPrio.addEventListener('change', refresh);
  fState.addEventListener('change', refresh);
  await refresh();
  setInterval(refresh, 2000);
})();
