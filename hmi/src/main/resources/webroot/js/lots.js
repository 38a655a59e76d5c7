// Lots: the list with decisions and filters; a lot's detail with the exceptions first (review by exception), CQA
// summaries, material and completeness, diversions, alarms, setpoint changes and signatures; signing with the
// password entered again, a meaning and a comment (quality and admin only: the button is absent otherwise, and the
// server checks again); export as CSV, JSON and printable HTML.
'use strict';
(async () => {
  const me = await Hmi.header('lots');
  const maySign = ['quality', 'admin'].includes(me.role);
  const params = new URLSearchParams(location.search);
  const ms = n => n ? Math.floor(n / 1e6) : null;
  const num = (v, d) => v === null || v === undefined || v === 'NaN' || !isFinite(v) ? '' : Number(v).toFixed(d === undefined ? 3 : d);
  const label = d => d ? String(d).replace('RELEASE_READY', 'RELEASE-READY') : '';
  function row(tbody, cells, attrs) {
    const tr = Hmi.el('tr', attrs || {});
    for (const c of cells) tr.append(c instanceof Node ? (() => { const td = Hmi.el('td'); td.append(c); return td; })() : Hmi.el('td', {}, c));
    tbody.append(tr);
    return tr;
  }
  function empty(tbody, cols, text) { const tr = Hmi.el('tr', { class: 'muted' }); tr.append(Hmi.el('td', { colspan: cols }, text)); tbody.append(tr); }

  if (params.get('id')) return detail(params.get('id'));

  const lineSel = document.getElementById('l-line');
  const plant = await Hmi.api('GET', '/api/lines');
  for (const l of plant.lines) lineSel.append(Hmi.el('option', { value: l.id }, l.id));
  async function search() {
    const q = new URLSearchParams();
    if (lineSel.value) q.set('line', lineSel.value);
    const d = document.getElementById('l-decision').value;
    if (d) q.set('decision', d);
    for (const f of ['from', 'to']) {
      const v = document.getElementById('l-' + f).value;
      if (v) q.set(f, String(new Date(v).getTime()));
    }
    const tb = document.querySelector('#lots tbody');
    const msg = document.getElementById('l-msg');
    try {
      const r = await Hmi.api('GET', '/api/lots?' + q);
      tb.replaceChildren();
      msg.textContent = '';
      for (const l of r.lots) {
        const a = Hmi.el('a', { href: '/lots.html?id=' + encodeURIComponent(l.id), class: 'plain' }, l.id);
        const dec = label(l.decision);
        const badge = Hmi.el('span', { class: 'decision ' + String(l.decision || '').replace('RELEASE-READY', 'RELEASE_READY') }, dec);
        const start = l.start !== undefined ? l.start : ms(l.startNanos), end = l.end !== undefined ? l.end : ms(l.endNanos);
        const sigs = l.signatures !== undefined ? (Array.isArray(l.signatures) ? l.signatures.length : l.signatures) : '';
        row(tb, [a, l.line, l.status, Hmi.dateTime(start), Hmi.dateTime(end), badge, num(l.productMassG, 1), String(sigs)], { 'data-lot': l.id });
      }
      if (!r.lots.length) empty(tb, 8, 'No lots match');
    } catch (e) { tb.replaceChildren(); msg.textContent = e.message; msg.classList.add('error'); }
  }
  async function figures() {
    const tb = document.querySelector('#figures tbody');
    const pct = v => v === null || v === undefined ? '----' : (100 * v).toFixed(1) + ' %';
    try {
      const r = await Hmi.api('GET', '/api/lots/figures' + (lineSel.value ? '?line=' + encodeURIComponent(lineSel.value) : ''));
      tb.replaceChildren();
      for (const f of r.figures || []) {
        row(tb, [f.line, String(f.lotsMade), String(f.releasedFirstTime), String(f.rejected), pct(f.divertedShare),
          f.alarmsPerHour === null ? '----' : f.alarmsPerHour.toFixed(1), pct(f.uptimeShare)]);
      }
    } catch (e) { tb.replaceChildren(); empty(tb, 7, 'figures unavailable: ' + e.message); }
  }
  document.getElementById('l-search').addEventListener('click', () => { search(); figures(); });
  await Promise.all([search(), figures()]);
  setInterval(search, 10000);
  setInterval(figures, 30000);
  document.body.dataset.ready = 'true';

  async function detail(id) {
    document.getElementById('list-view').hidden = true;
    document.getElementById('detail-view').hidden = false;
    const base = '/api/lots/' + encodeURIComponent(id);
    document.getElementById('d-csv').href = base + '/export?format=csv';
    document.getElementById('d-json').href = base + '/export?format=json';
    document.getElementById('d-html').href = base + '/export?format=html';
    const msg = document.getElementById('d-msg');
    let current = null;
    async function load() {
      try {
        current = await Hmi.api('GET', base);
      } catch (e) { msg.textContent = e.message; msg.classList.add('error'); return; }
      const d = current, lot = d.lot;
      document.getElementById('d-title').textContent = 'Lot ' + d.id + ' · line ' + d.line;
      const dec = document.getElementById('d-decision');
      dec.textContent = d.decision || 'no decision';
      dec.className = 'decision ' + String(d.decision || '').replace('RELEASE-READY', 'RELEASE_READY');
      document.getElementById('d-status').textContent = d.status + ' · ' + Hmi.dateTime(ms(lot.startNanos)) + ' → '
        + (lot.endNanos ? Hmi.dateTime(ms(lot.endNanos)) : 'open')
        + (d.verified === false ? ' · RECORD HASH DOES NOT VERIFY' : d.verified ? ' · record hash verified' : '');
      const reasons = document.getElementById('d-reasons');
      reasons.replaceChildren(...d.reasons.map(r => Hmi.el('li', { class: r.outcome === 'REJECT' ? 'REJECT' : 'REVIEW', 'data-rule': r.rule }, r.outcome + ' · ' + r.rule + ': ' + r.message)));
      if (!d.reasons.length) reasons.append(Hmi.el('li', { class: 'muted' }, 'none: every release rule is met'));
      const cq = document.querySelector('#d-cqas tbody'); cq.replaceChildren();
      for (const c of lot.cqas) {
        const out = Hmi.el('td', { class: 'num' }, String(c.outOfSpec));
        const chart = Hmi.el('a', { class: 'plain', href: '/charts.html?line=' + encodeURIComponent(d.line) + '&cqa=' + encodeURIComponent(c.cqa),
          title: 'control charts of ' + c.cqa }, c.cqa + ' (' + Hmi.unitText(c.unit) + ')');
        const tr = row(cq, [chart, String(c.n), num(c.mean), num(c.sd), num(c.min) + ' … ' + num(c.max),
          [num(c.lsl) ? '≥ ' + num(c.lsl) : '', num(c.usl) ? '≤ ' + num(c.usl) : ''].filter(Boolean).join(', '), num(c.ppk, 2)]);
        if (c.outOfSpec > 0) out.classList.add('outspec');
        tr.append(out, Hmi.el('td', { class: 'num' }, String(c.spcSignals)));
      }
      const mat = document.querySelector('#d-material tbody'); mat.replaceChildren();
      const comp = lot.completeness || {};
      for (const [k, v] of [['input', num(lot.inputMassG, 1) + ' g'], ['product', num(lot.productMassG, 1) + ' g'],
        ['diverted', num(lot.divertedMassG, 1) + ' g'],
        ['PAT data complete', comp.share === undefined ? '' : (100 * comp.share).toFixed(1) + ' % (' + comp.good + ' of ' + comp.expected + ' Good, ' + comp.notGood + ' not Good, ' + comp.missing + ' missing)']]) {
        row(mat, [k, v]);
      }
      const sg = document.querySelector('#d-signatures tbody'); sg.replaceChildren();
      for (const s of d.signatures) {
        row(sg, [s.fullName + ' (' + s.user + ')', Hmi.dateTime(ms(s.timeNanos)), s.meaning + (s.valid === false ? ' · INVALID' : ''), s.comment],
          { class: 'signature', 'data-user': s.user });
      }
      if (!d.signatures.length) empty(sg, 4, 'not signed');
      const dv = document.querySelector('#d-diversions tbody'); dv.replaceChildren();
      for (const x of lot.diversions) row(dv, [x.position, x.trigger, Hmi.dateTime(ms(x.fromNanos)), Hmi.dateTime(ms(x.untilNanos)), num(x.divertedMassG, 1)]);
      if (!lot.diversions.length) empty(dv, 5, 'none');
      const al = document.querySelector('#d-alarms tbody'); al.replaceChildren();
      for (const a of lot.alarms) row(al, [Hmi.dateTime(ms(a.timeNanos)), a.name || a.alarmId, a.priority, a.to, a.user]);
      if (!lot.alarms.length) empty(al, 5, 'none');
      const ch = document.querySelector('#d-changes tbody'); ch.replaceChildren();
      for (const c of lot.setpointChanges) row(ch, [Hmi.dateTime(ms(c.timeNanos)), c.user, c.target, c.oldValue + ' → ' + c.newValue, c.reason]);
      if (!lot.setpointChanges.length) empty(ch, 5, 'none');
      const signBtn = document.getElementById('d-sign');
      if (maySign) { signBtn.hidden = d.status !== 'CLOSED'; } else { signBtn.remove(); }
      document.body.dataset.ready = 'true';
    }
    const dialog = document.getElementById('sign');
    const sgMsg = document.getElementById('sg-msg');
    if (maySign) {
      document.getElementById('d-sign').addEventListener('click', () => {
        document.getElementById('sg-title').textContent = 'Sign lot ' + current.id + ' (' + (current.decision || '') + ')';
        document.getElementById('sg-signer').textContent = me.name + ' (' + me.id + ')';
        document.getElementById('sg-hash').textContent = current.contentHash;
        document.getElementById('sg-password').value = '';
        sgMsg.textContent = '';
        dialog.showModal();
        document.getElementById('sg-password').focus();
      });
      document.getElementById('sg-cancel').addEventListener('click', () => dialog.close());
      document.getElementById('sg-form').addEventListener('submit', async ev => {
        ev.preventDefault();
        try {
          const s = await Hmi.api('POST', base + '/signatures', { password: document.getElementById('sg-password').value,
            meaning: document.getElementById('sg-meaning').value, comment: document.getElementById('sg-comment').value.trim() || undefined,
            recordHash: current.contentHash });
          dialog.close();
          msg.textContent = 'Signed ' + s.meaning + ' by ' + s.fullName + ' at ' + Hmi.dateTime(ms(s.timeNanos));
          msg.classList.remove('error');
          await load();
        } catch (e) { sgMsg.textContent = e.message; sgMsg.classList.add('error'); document.getElementById('sg-password').value = ''; }
      });
    }
    await load();
  }
})();
