// Trends: selected signals from the historian (raw for short ranges, min/mean/max buckets for long ones), one
// chart each with a shared time axis and cursor, the normal range as a band, and a live tail from the WebSocket.
'use strict';
(async () => {
  await Hmi.header('trends');
  const data = await Hmi.api('GET', '/api/lines');
  document.getElementById('plant').textContent = data.plant;
  const STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600];  // seconds; each divides a day
  const RAW_MAX_SPAN = 15 * 60;
  const defs = {};                 // "L1/R1.temperature" -> signal definition
  const params = new URLSearchParams(location.search);
  const selected = new Set(params.getAll('signal'));
  const box = document.getElementById('signals');
  for (const line of data.lines) {
    for (const u of line.units) {
      const shown = u.signals.filter(s => s.kind !== 'SPECTRUM');
      if (!shown.length) continue;
      const head = document.createElement('div'); head.className = 'unit';
      head.textContent = (data.lines.length > 1 ? line.id + ' · ' : '') + u.id + ' · ' + u.name;
      box.appendChild(head);
      for (const s of shown) {
        const key = line.id + '/' + u.id + '.' + s.id;
        defs[key] = s;
        const label = document.createElement('label');
        label.innerHTML = '<input type="checkbox"> <span></span> <span class="eu"></span>';
        label.querySelector('input').value = key;
        label.querySelector('span').textContent = s.name;
        label.querySelector('.eu').textContent = Hmi.unitText(s.unit);
        box.appendChild(label);
      }
    }
  }
  if (!selected.size) ['R1.temperature', 'R1.pressure', 'AT1.impurity'].forEach(r => {
    const k = data.lines[0].id + '/' + r; if (defs[k]) selected.add(k);
  });
  box.querySelectorAll('input').forEach(i => {
    i.checked = selected.has(i.value);
    i.addEventListener('change', () => { i.checked ? selected.add(i.value) : selected.delete(i.value); render(); live.resubscribe(); });
  });

  // The newest source time seen: a simulator running faster than real time stamps its samples ahead of the
  // wall clock, so a following view ends at whichever is later.
  const health = await Hmi.api('GET', '/api/health');
  let newest = health.newestSampleTime ? health.newestSampleTime / 1000 : 0;
  const head = () => Math.max(Date.now() / 1000, newest);
  let span = 600, end = head(), following = true;
  const charts = new Map();        // key -> {plot, data, el}
  const sync = uPlot.sync('trends');
  const el = document.getElementById('charts');
  const stepFor = s => s <= RAW_MAX_SPAN ? 0 : STEPS.find(x => s / x <= 600) || 3600;

  function timeLabel(v) {
    const d = new Date(v * 1000);
    const hm = d.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', second: span <= 1800 ? '2-digit' : undefined });
    return span > 86400 ? d.toLocaleDateString('en-GB', { day: '2-digit', month: 'short' }) + ' ' + hm : hm;
  }
  function chartWidth() { return Math.max(300, el.clientWidth - 10); }
  function makeChart(key) {
    const s = defs[key];
    const wrap = document.createElement('div'); wrap.className = 'chart'; wrap.dataset.signal = key;
    const title = document.createElement('div'); title.className = 'title';
    title.innerHTML = '<b></b><span></span><span class="last"></span>';
    title.children[0].textContent = s.name + ' (' + key + ')';
    title.children[1].textContent = (Hmi.unitText(s.unit) || '') + (s.normal ? ' · normal ' + s.normal.min + ' – ' + s.normal.max : '');
    wrap.appendChild(title);
    el.appendChild(wrap);
    const normalBand = u => {
      if (!s.normal) return;
      const y1 = u.valToPos(s.normal.max, 'y', true), y0 = u.valToPos(s.normal.min, 'y', true);
      u.ctx.save(); u.ctx.fillStyle = 'rgba(120,128,135,0.14)';
      u.ctx.fillRect(u.bbox.left, y1, u.bbox.width, y0 - y1); u.ctx.restore();
    };
    const opts = {
      width: chartWidth(), height: 190, cursor: { sync: { key: sync.key }, drag: { x: true, y: false } },
      legend: { show: false },
      scales: { x: { time: true }, y: { range: (u, lo, hi) => {
        if (s.normal) { lo = Math.min(lo, s.normal.min); hi = Math.max(hi, s.normal.max); }
        if (lo === null || !isFinite(lo)) { lo = s.range ? s.range.min : 0; hi = s.range ? s.range.max : 1; }
        const pad = (hi - lo) * 0.08 || 1; return [lo - pad, hi + pad]; } } },
      axes: [{ stroke: '#4a4f54', grid: { stroke: '#d0d2d4' }, space: 90, values: (u, vals) => vals.map(timeLabel) },
             { stroke: '#4a4f54', grid: { stroke: '#d0d2d4' }, size: 60 }],
      series: [{}, { label: 'value', stroke: '#2b3035', width: 1.4, spanGaps: false, points: { show: false } },
               { label: 'min', stroke: '#9aa0a5', width: 0.6, points: { show: false } },
               { label: 'max', stroke: '#9aa0a5', width: 0.6, points: { show: false } }],
      bands: [{ series: [3, 2], fill: 'rgba(90,98,105,0.12)' }],
      hooks: { drawClear: [normalBand], setSelect: [u => {
        if (u.select.width < 5) return;
        const a = u.posToVal(u.select.left, 'x'), b = u.posToVal(u.select.left + u.select.width, 'x');
        u.setSelect({ width: 0, height: 0 }, false);
        following = false; span = Math.max(10, b - a); end = b; load();
      }] }
    };
    const plot = new uPlot(opts, [[], [], [], []], wrap);
    return { plot, wrap, data: [[], [], [], []], last: title.querySelector('.last') };
  }

  function render() {
    for (const [k, c] of charts) if (!selected.has(k)) { c.plot.destroy(); c.wrap.remove(); charts.delete(k); }
    for (const k of selected) if (!charts.has(k) && defs[k]) charts.set(k, makeChart(k));
    load();
  }

  let loading = 0;
  async function load() {
    const ticket = ++loading;
    if (following) end = head();
    const from = end - span, step = stepFor(span);
    document.getElementById('range').textContent = new Date(from * 1000).toLocaleString('en-GB') + ' → '
      + new Date(end * 1000).toLocaleString('en-GB') + (step ? ' · ' + step + ' s buckets' : ' · raw');
    document.getElementById('live').classList.toggle('on', following);
    await Promise.all([...charts.entries()].map(async ([key, c]) => {
      let t;
      try {
        t = await Hmi.api('GET', `/api/trends?signal=${encodeURIComponent(key)}&from=${Math.floor(from * 1000)}&to=${Math.ceil(end * 1000)}`
          + (step ? '&step=' + step + 's' : ''));
      } catch (e) { c.last.textContent = 'historian: ' + e.message; return; }
      if (ticket !== loading) return;
      c.data = [[], [], [], []];
      for (const p of t.points) { c.data[0].push(p[0] / 1000); c.data[1].push(p[1]); c.data[2].push(p[2]); c.data[3].push(p[3]); }
      c.last.textContent = t.truncated ? 'showing the newest ' + t.points.length + ' points' : '';
      draw(c, from);
    }));
  }
  function draw(c, from) {
    c.plot.setData(c.data, false);
    c.plot.setScale('x', { min: from, max: end });
    // What is inside the window, for people reading the title and for the browser test.
    c.wrap.dataset.points = c.data[0].filter(t => t >= from && t <= end).length;
  }

  document.querySelectorAll('[data-span]').forEach(b => b.addEventListener('click', () => {
    span = +b.dataset.span; following = true; load();
  }));
  document.getElementById('pan-left').addEventListener('click', () => { following = false; end -= span / 2; load(); });
  document.getElementById('pan-right').addEventListener('click', () => {
    end += span / 2; following = end >= head(); load();
  });
  document.getElementById('zoom-out').addEventListener('click', () => { span *= 2; if (!following) end += span / 4; load(); });
  document.getElementById('live').addEventListener('click', () => { following = true; load(); });
  window.addEventListener('resize', () => charts.forEach(c => c.plot.setSize({ width: chartWidth(), height: 190 })));

  const conn = document.getElementById('conn');
  const live = Hmi.live(() => [...selected], samples => {
    if (!following) return;
    for (const s of samples) {
      const c = charts.get(s.signal);
      if (!c || s.value === null) continue;
      const t = s.time / 1000, xs = c.data[0];
      newest = Math.max(newest, t);
      if (xs.length && t <= xs[xs.length - 1]) continue;
      c.data[0].push(t); c.data[1].push(s.value); c.data[2].push(s.value); c.data[3].push(s.value);
      c.last.textContent = 'now ' + Hmi.fmt(s.value, defs[s.signal].range) + ' ' + Hmi.unitText(defs[s.signal].unit)
        + (s.quality !== 'GOOD' ? ' (' + s.quality + ')' : '');
    }
  }, up => { conn.textContent = up ? 'live' : 'reconnecting…'; conn.classList.toggle('stale', !up); });
  // Redraw the live tail once a second; a long-range view reloads its buckets every minute instead.
  setInterval(() => {
    if (!following) return;
    end = head();
    if (stepFor(span)) return;
    const from = end - span;
    for (const c of charts.values()) {
      while (c.data[0].length && c.data[0][0] < from) c.data.forEach(a => a.shift());
      draw(c, from);
    }
  }, 1000);
  setInterval(() => { if (following && stepFor(span)) load(); }, 60000);
  render();
  document.body.dataset.ready = 'true';
})();
