// The audit trail: a searchable table of entries (who, what, when, old and new value, why) with the verification of
// the whole hash chain shown first: an intact trail is a calm grey line, a broken one a red banner naming the entry.
'use strict';
(async () => {
  await Hmi.header('audit');
  const plant = await Hmi.api('GET', '/api/lines');
  const lineSel = document.getElementById('a-line');
  for (const l of plant.lines) lineSel.append(Hmi.el('option', { value: l.id }, l.id));
  const chain = document.getElementById('chain');
  const msg = document.getElementById('a-msg');
  async function search() {
    const q = new URLSearchParams({ limit: '500' });
    for (const f of ['text', 'user', 'action', 'line']) {
      const v = document.getElementById('a-' + f).value.trim();
      if (v) q.set(f, v);
    }
    for (const f of ['from', 'to']) {
      const v = document.getElementById('a-' + f).value;
      if (v) q.set(f, String(new Date(v).getTime()));
    }
    const tb = document.querySelector('#entries tbody');
    try {
      const r = await Hmi.api('GET', '/api/audit?' + q);
      const c = r.chain || {};
      chain.className = 'chain ' + (c.valid ? 'valid' : 'broken');
      chain.dataset.valid = String(!!c.valid);
      chain.textContent = c.valid ? 'Audit trail chain valid: ' + c.entries + ' entries verified'
        : 'AUDIT TRAIL CHAIN BROKEN at entry ' + c.firstBadSeq + ': ' + c.message;
      msg.textContent = r.entries.length + ' entries shown';
      msg.classList.remove('error');
      tb.replaceChildren(...r.entries.map(e => {
        const tr = Hmi.el('tr', { 'data-action': e.action, 'data-seq': e.seq });
        for (const v of [String(e.seq), Hmi.dateTime(Math.floor(e.timeNanos / 1e6)), e.user, e.action, e.line, e.target, e.oldValue, e.newValue]) {
          tr.append(Hmi.el('td', {}, v));
        }
        tr.append(Hmi.el('td', { class: 'wrap' }, e.reason));
        return tr;
      }));
    } catch (e) {
      chain.className = 'chain broken';
      chain.dataset.valid = 'unknown';
      chain.textContent = 'Audit trail unavailable: ' + e.message;
      tb.replaceChildren();
    }
  }
  document.getElementById('a-search').addEventListener('click', search);
  document.getElementById('a-text').addEventListener('keydown', ev => { if (ev.key === 'Enter') search(); });
  await search();
  setInterval(search, 10000);
  document.body.dataset.ready = 'true';
})();
