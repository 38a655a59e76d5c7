// Control charts of one CQA: individuals with center line, control limits (center ± 3 sigma), spec limits and the
// rule signals marked and named; EWMA and CUSUM with their limits; capability of the span shown; the line's
// multivariate T²/SPE with the top contributions. Back-filled from the historian (/api/spc), then live from the
// WebSocket. Times are data times: a simulated line may run ahead of the wall clock.
'use strict';
(async () => {
  await Hmi.header('charts');
  const plant = await Hmi.api('GET', '/api/lines');
  const params = new URLSearchParams(location.search);
  const lineSel = document.getElementById('c-line');
  const cqaSel = document.getElementById('c-cqa');
  const status = document.getElementById('c-status');
  let span = 3600, meta = null, rows = [], mv = [], feed = null;

  for (const l of plant.lines) lineSel.append(Hmi.el('option', { value: l.id }, l.id + ' · ' + l.name));
  lineSel.value = params.get('line') || plant.lines[0].id;
  function fillCqas() {
    const line = plant.lines.find(l => l.id === lineSel.value);
    cqaSel.replaceChildren(...line.cqas.map(c => Hmi.el('option', { value: c.id }, c.name)));
    if (params.get('cqa') && line.cqas.some(c => c.id === params.get('cqa'))) cqaSel.value = params.get('cqa');
  }
  fillCqas();

  const AXES = [{ stroke: '#4a4f54', grid: { stroke: '#d0d2d4' }, space: 90,
    values: (u, vals) => vals.map(v => new Date(v * 1000).toLocaleTimeString('en-GB')) },
  { stroke: '#4a4f54', grid: { stroke: '#d0d2d4' }, size: 60 }];
  const line = (label, stroke, dash, width) => ({ label, stroke, width: width || 1, dash, points: { show: false } });
  const marks = label => ({ label, stroke: '#c8102e', width: 0, points: { show: true, size: 9, fill: '#c8102e', stroke: '#c8102e' } });
  function plot(id, series, height) {
    const wrap = document.getElementById(id);
    const width = Math.max(240, wrap.clientWidth - 12);
    return new uPlot({ width, height, scales: { x: { time: true } }, axes: AXES, legend: { show: true },
      cursor: { drag: { x: false, y: false } }, series: [{}, ...series] }, [[], ...series.map(() => [])], wrap);
  }
  const iPlot = plot('ichart', [line('value', '#2b3035', undefined, 1.3), line('center', '#6f757a'),
    line('UCL', '#3b4046', [6, 4]), line('LCL', '#3b4046', [6, 4]), line('USL', '#8a1c2b', [2, 3], 1.5),
    line('LSL', '#8a1c2b', [2, 3], 1.5), marks('signal')], 300);
  const ePlot = plot('echart', [line('EWMA', '#2b3035', undefined, 1.3), line('UCL', '#3b4046', [6, 4]),
    line('LCL', '#3b4046', [6, 4]), marks('signal')], 170);
  const cPlot = plot('cchart', [line('C+', '#2b3035', undefined, 1.3), line('−C−', '#5d6368', undefined, 1.3),
    line('+H', '#3b4046', [6, 4]), line('−H', '#3b4046', [6, 4]), marks('signal')], 170);
  const mvPlot = plot('mvchart', [line('T²', '#2b3035', undefined, 1.3), line('T² limit', '#3b4046', [6, 4]),
    line('SPE', '#6f757a', undefined, 1.1), line('SPE limit', '#6f757a', [2, 3]), marks('signal')], 170);

  const num = v => v === null || v === undefined ? null : v;
  function draw() {
    const newest = rows.length ? rows[rows.length - 1].time : Date.now();
    rows = rows.filter(r => r.time >= newest - span * 1000);
    const t = rows.map(r => r.time / 1000);
    const spec = meta.spec || {};
    const sig = (r, prefix) => r.signals.some(s => s.startsWith(prefix));
    iPlot.setData([t, rows.map(r => num(r.value)), rows.map(r => r.center), rows.map(r => r.ucl), rows.map(r => r.lcl),
      rows.map(() => num(spec.usl)), rows.map(() => num(spec.lsl)),
      rows.map(r => sig(r, 'i:') || sig(r, 'mr:') ? r.value : null)]);
    focus(spec);
    ePlot.setData([t, rows.map(r => r.ewma), rows.map(r => r.ewmaUcl), rows.map(r => r.ewmaLcl),
      rows.map(r => sig(r, 'ewma:') ? r.ewma : null)]);
    const h = meta.chart.cusumH;
    cPlot.setData([t, rows.map(r => r.cusumUpper), rows.map(r => r.cusumLower === null ? null : -r.cusumLower),
      rows.map(r => r.sigma === null ? null : h * r.sigma), rows.map(r => r.sigma === null ? null : -h * r.sigma),
      rows.map(r => sig(r, 'cusum:') ? (r.signals.includes('cusum:below') ? -r.cusumLower : r.cusumUpper) : null)]);
    const wrap = document.getElementById('ichart');
    wrap.dataset.points = rows.length;
    wrap.dataset.limits = rows.some(r => r.ucl !== null) ? 'true' : 'false';
    const last = rows[rows.length - 1];
    document.getElementById('i-legend').textContent = last ? 'phase ' + last.phase + (last.center === null ? ''
      : ' · center ' + Hmi.fmt(last.center) + ' · σ ' + Number(last.sigma).toPrecision(3)) + ' · spec '
      + [spec.lsl !== null && spec.lsl !== undefined ? '≥ ' + spec.lsl : null, spec.usl !== null && spec.usl !== undefined ? '≤ ' + spec.usl : null]
        .filter(Boolean).join(', ') + ' ' + Hmi.unitText(meta.unit) : 'no results in this span';
    document.getElementById('e-legend').textContent = 'λ ' + meta.chart.ewmaLambda + ', L ' + meta.chart.ewmaL;
    document.getElementById('c-legend').textContent = 'k ' + meta.chart.cusumK + ' σ, h ' + h + ' σ';
    capability(spec, last);
    signalList();
  }

  // Once the chart has left settling, the start-up transient would squash the limits into a thin band: scale to
  // the settled values, the limits and the spec instead.
  function focus(spec) {
    const settled = rows.filter(r => r.phase !== 'SETTLING');
    if (!settled.length) return;
    const ys = [];
    for (const r of settled) for (const v of [r.value, r.ucl, r.lcl]) if (v !== null && isFinite(v)) ys.push(v);
    for (const v of [spec.lsl, spec.usl]) if (v !== null && v !== undefined) ys.push(v);
    if (!ys.length) return;
    const lo = Math.min(...ys), hi = Math.max(...ys), pad = (hi - lo) * 0.08 || 1;
    iPlot.setScale('y', { min: lo - pad, max: hi + pad });
  }

  // Ppk from the overall standard deviation of the span; Cpk from the chart's within sigma (phase I estimate).
  function capability(spec, last) {
    const used = rows.filter(r => r.included && r.phase === 'MONITORING' && r.value !== null).map(r => r.value);
    const tb = document.querySelector('#capability tbody');
    const n = used.length;
    const mean = n ? used.reduce((a, b) => a + b, 0) / n : null;
    const sd = n > 1 ? Math.sqrt(used.reduce((a, b) => a + (b - mean) * (b - mean), 0) / (n - 1)) : null;
    const index = s => {
      if (mean === null || !s) return null;
      const sides = [];
      if (spec.usl !== null && spec.usl !== undefined) sides.push((spec.usl - mean) / (3 * s));
      if (spec.lsl !== null && spec.lsl !== undefined) sides.push((mean - spec.lsl) / (3 * s));
      return sides.length ? Math.min(...sides) : null;
    };
    const ppk = index(sd), cpk = index(last && last.sigma);
    const fmt = v => v === null ? '----' : v.toFixed(2);
    const rowsOut = [['samples (phase II, included)', n], ['mean', mean === null ? '----' : Hmi.fmt(mean) + ' ' + Hmi.unitText(meta.unit)],
      ['sd (overall)', sd === null ? '----' : sd.toPrecision(3)], ['Ppk', fmt(ppk)], ['Cpk (within σ)', fmt(cpk)]];
    tb.replaceChildren(...rowsOut.map(([k, v]) => {
      const tr = Hmi.el('tr', { 'data-figure': k.split(' ')[0] });
      const td = Hmi.el('td', { class: 'num' }, String(v));
      if ((k === 'Ppk' || k.startsWith('Cpk')) && v !== '----' && Number(v) < 1.33) td.classList.add('abnormal');
      tr.append(Hmi.el('td', {}, k), td);
      return tr;
    }));
  }

  function signalList() {
    const tb = document.querySelector('#signals tbody');
    const sigs = rows.filter(r => r.signals.length).slice(-30).reverse();
    tb.replaceChildren(...sigs.map(r => {
      const tr = Hmi.el('tr', { class: 'signal' });
      tr.append(Hmi.el('td', {}, Hmi.time(r.time)), Hmi.el('td', { class: 'num' }, Hmi.fmt(r.value)),
        Hmi.el('td', { class: 'sig-name' }, r.signals.join(', ')));
      return tr;
    }));
    if (!sigs.length) {
      const tr = Hmi.el('tr', { class: 'muted' });
      tr.append(Hmi.el('td', { colspan: 3, class: 'hint' }, 'no rule signals in this span'));
      tb.append(tr);
    }
  }

  function drawMv() {
    const newest = mv.length ? mv[mv.length - 1].time : 0;
    mv = mv.filter(r => r.time >= newest - span * 1000);
    if (!mv.length) return;
    const last = mv[mv.length - 1];
    document.getElementById('mv-status').textContent = 'phase ' + last.phase + ' · ' + last.observations + ' observations'
      + (last.skipped ? ', ' + last.skipped + ' skipped' : '') + (last.t2Signal || last.speSignal ? ' · OUT OF CONTROL' : '');
    mvPlot.setData([mv.map(r => r.time / 1000), mv.map(r => r.t2), mv.map(r => r.t2Limit), mv.map(r => r.spe),
      mv.map(r => r.speLimit), mv.map(r => r.t2Signal ? r.t2 : r.speSignal ? r.spe : null)]);
    const tb = document.querySelector('#contrib tbody');
    tb.replaceChildren(...(last.contributions || []).slice(0, 5).map(c => {
      const tr = Hmi.el('tr');
      tr.append(Hmi.el('td', {}, c.variable), Hmi.el('td', { class: 'num' }, c.share === null ? '' : c.share.toFixed(2)),
        Hmi.el('td', { class: 'num' }, c.t2 === null ? '' : c.t2.toPrecision(3)), Hmi.el('td', { class: 'num' }, c.spe === null ? '' : c.spe.toPrecision(3)));
      return tr;
    }));
  }

  // The controller's own PLS prediction of this CQA from the raw spectrum, beside the analyzer's value: a spectrum
  // outside the model (T² or Q above its limit) makes the prediction untrustworthy, shown in amber.
  function drawPrediction(p) {
    const el = document.getElementById('pat-status');
    const cqa = cqaSel.value, signal = (plant.lines.find(l => l.id === lineSel.value).cqas.find(c => c.id === cqa) || {}).signal;
    const key = Object.keys(p.cqas).find(k => k === cqa || k === signal || k.endsWith('.' + cqa));
    el.textContent = 'PLS prediction ' + (key ? cqa + ' ' + Hmi.fmt(p.cqas[key]) + ' ' + Hmi.unitText(meta && meta.unit) : '(no model of ' + cqa + ')')
      + ' · T² ' + (p.t2 === null ? '----' : p.t2.toPrecision(3)) + ' / ' + (p.t2Limit === null ? '----' : p.t2Limit.toPrecision(3))
      + ' · Q ' + (p.q === null ? '----' : p.q.toPrecision(3)) + ' / ' + (p.qLimit === null ? '----' : p.qLimit.toPrecision(3))
      + (p.outsideModel ? ' · OUTSIDE MODEL' : '');
    el.classList.toggle('abnormal', !!p.outsideModel);
  }

  let loadSeq = 0;
  async function load() {
    const seq = ++loadSeq;
    const q = new URLSearchParams({ line: lineSel.value, cqa: cqaSel.value });
    history.replaceState(null, '', '?' + q);
    status.textContent = 'loading…';
    try {
      const r = await Hmi.api('GET', '/api/spc?' + q + '&from=' + (Date.now() - 7 * 86400000) + '&to=' + (Date.now() + 30 * 86400000) + '&limit=5000');
      if (seq !== loadSeq) return;
      meta = r;
      rows = r.results;
      mv = [];
      status.textContent = rows.length + ' results from the historian' + (r.truncated ? ' (newest shown)' : '');
      draw();
      feed && feed.resubscribe();
    } catch (e) {
      status.textContent = 'history unavailable: ' + e.message;
      meta = meta || { spec: {}, chart: { cusumH: 5, cusumK: 0.5, ewmaL: 3, ewmaLambda: 0.2 }, unit: '' };
    }
  }
  lineSel.addEventListener('change', () => { fillCqas(); load(); });
  cqaSel.addEventListener('change', load);
  document.querySelectorAll('button[data-span]').forEach(b => b.addEventListener('click', () => {
    span = Number(b.dataset.span);
    document.querySelectorAll('button[data-span]').forEach(x => x.classList.toggle('on', x === b));
    load();
  }));

  await load();
  let dirty = false;
  feed = Hmi.live(() => ({ subscribe: [], spc: [lineSel.value + '/' + cqaSel.value], multivariate: [lineSel.value] }), null,
    up => { if (!up) status.textContent = 'live feed reconnecting…'; },
    {
      spc: results => {
        for (const r of results) {
          if (r.line !== lineSel.value || r.cqa !== cqaSel.value) continue;
          if (!rows.length || r.time > rows[rows.length - 1].time) { rows.push(r); dirty = true; }
        }
      },
      multivariate: results => {
        for (const r of results) if (r.line === lineSel.value) mv.push(r);
        drawMv();
      },
      pat: results => {
        const p = results.filter(r => r.line === lineSel.value).pop();
        if (p) drawPrediction(p);
      }
    });
  setInterval(() => { if (dirty && meta) { dirty = false; draw(); } }, 1000);
  document.body.dataset.ready = 'true';
})();
