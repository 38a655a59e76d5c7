// Overview: schematic with live values, CQAs against their specs, key values with sparklines, material totals.
'use strict';
(async () => {
  const me = await Hmi.header('overview');
  const data = await Hmi.api('GET', '/api/lines');
  document.getElementById('plant').textContent = data.plant;
  const wanted = new URLSearchParams(location.search).get('line');
  const line = data.lines.find(l => l.id === wanted) || data.lines[0];
  document.getElementById('line-title').textContent = line.id + ' · ' + line.name;

  const signals = {};          // "UNIT.signal" -> signal definition
  for (const u of line.units) for (const s of u.signals) signals[u.id + '.' + s.id] = Object.assign({ unitName: u.name }, s);
  const svg = document.getElementById('schematic');
  Schematic.build(svg, line);

  const KEYS = ['R1.temperature', 'R1.jacketTemperature', 'R1.pressure', 'BPR1.pressure', 'P1.flow', 'P2.flow', 'R1.residenceTime']
    .filter(k => signals[k]);
  const MATERIAL = Object.keys(signals).filter(k => /\.mass$/.test(k));
  const diverter = Object.keys(signals).find(k => /^DV\w*\.position$/.test(k) || k.endsWith('.position'));

  const sparks = {};
  const cqaBody = document.querySelector('#cqas tbody');
  for (const c of line.cqas) {
    const tr = document.createElement('tr');
    const spec = [c.spec.lsl !== null ? '≥ ' + c.spec.lsl : null, c.spec.usl !== null ? '≤ ' + c.spec.usl : null].filter(Boolean).join(', ');
    tr.innerHTML = `<td></td><td class="num" id="c-${c.signal}"></td><td class="lim"></td><td class="lim"></td><td><canvas class="spark"></canvas></td>`;
    tr.children[0].textContent = c.name;
    tr.children[2].textContent = spec + ' ' + Hmi.unitText(c.unit);
    tr.children[3].textContent = c.spec.target === null ? '' : c.spec.target;
    cqaBody.appendChild(tr);
    sparks[c.signal] = new Spark(tr.querySelector('canvas'), { normal: (signals[c.signal] || {}).normal, lsl: c.spec.lsl, usl: c.spec.usl });
  }
  const keyBody = document.querySelector('#keys tbody');
  for (const k of KEYS) {
    const s = signals[k];
    const tr = document.createElement('tr');
    tr.innerHTML = `<td></td><td class="num" id="k-${k}"></td><td class="lim"></td><td><canvas class="spark"></canvas></td>`;
    tr.children[0].textContent = s.name;
    tr.children[2].textContent = s.normal ? Hmi.fmt(s.normal.min, s.range) + ' – ' + Hmi.fmt(s.normal.max, s.range) : '';
    keyBody.appendChild(tr);
    if (!sparks[k]) sparks[k] = new Spark(tr.querySelector('canvas'), { normal: s.normal });
  }
  const matBody = document.querySelector('#material tbody');
  const addRow = (label, id) => {
    const tr = document.createElement('tr');
    tr.innerHTML = `<td></td><td class="num" id="${id}"></td>`;
    tr.children[0].textContent = label;
    matBody.appendChild(tr);
  };
  addRow('Line state', 'm-state');
  if (diverter) addRow('Diverter route', 'm-route');
  for (const k of MATERIAL) addRow(signals[k].name, 'm-' + k);

  function cell(id, s, live, cqa) {
    const td = document.getElementById(id);
    if (!td) return;
    const v = live ? live.value : null;
    const bad = live && live.quality === 'BAD', unc = live && live.quality === 'UNCERTAIN';
    td.innerHTML = '';
    td.append(Hmi.fmt(v, s.range));
    const eu = document.createElement('span'); eu.className = 'eu'; eu.textContent = Hmi.unitText(s.unit); td.append(eu);
    if (bad || unc) { const q = document.createElement('span'); q.className = 'qtag'; q.textContent = bad ? 'BAD' : 'UNC'; td.append(q); }
    const outSpec = cqa && v !== null && ((cqa.spec.lsl !== null && v < cqa.spec.lsl) || (cqa.spec.usl !== null && v > cqa.spec.usl));
    td.classList.toggle('bad', !!bad);
    td.classList.toggle('outspec', !bad && !!outSpec);
    td.classList.toggle('abnormal', !bad && !outSpec && Hmi.outside(v, s.normal));
    td.dataset.value = v === null || v === undefined ? '' : v;
  }

  let lastSample = 0;
  function show(ref, live) {
    const s = signals[ref];
    if (!s) return;
    Schematic.update(svg, ref, s, live);
    const cqa = line.cqas.find(c => c.signal === ref);
    if (cqa) cell('c-' + ref, s, live, cqa);
    if (KEYS.includes(ref)) cell('k-' + ref, s, live);
    if (MATERIAL.includes(ref)) cell('m-' + ref, s, live);
    if (ref === diverter) {
      const pos = live && live.quality !== 'BAD' ? live.value : null;
      Schematic.route(svg, pos);
      const td = document.getElementById('m-route');
      td.textContent = pos === null ? '----' : pos >= 0.5 ? 'WASTE' : 'PRODUCT';
      td.classList.toggle('abnormal', pos !== null && pos >= 0.5);
    }
    if (live && sparks[ref] && live.quality !== 'BAD') sparks[ref].add(live.time, live.value);
    if (live) lastSample = Math.max(lastSample, Date.now());
  }
  for (const u of line.units) for (const s of u.signals) show(u.id + '.' + s.id, s.live);
  const current = {};
  for (const u of line.units) for (const s of u.signals) current[u.id + '.' + s.id] = s.live ? s.live.value : null;
  Faceplate.attach(svg, line, signals, me.role, ref => current[ref]);

  // Seed the sparklines from the historian; without it they fill from the live feed alone.
  // Up to the newest sample seen: a simulator faster than real time stamps samples ahead of the wall clock.
  let now = Date.now();
  for (const u of line.units) for (const s of u.signals) if (s.live) now = Math.max(now, s.live.time);
  await Promise.all(Object.entries(sparks).map(async ([ref, sp]) => {
    try {
      const t = await Hmi.api('GET', `/api/trends?signal=${encodeURIComponent(line.id + '/' + ref)}&from=${now - sp.windowMs}&to=${now}&step=5s`);
      for (const p of t.points) sp.add(p[0], p[1]);
    } catch (e) { /* historian not available: live only */ }
  }));

  const conn = document.getElementById('conn');
  Hmi.live(() => [line.id + '/*'], samples => {
    for (const s of samples) {
      const ref = s.signal.substring(s.signal.indexOf('/') + 1);
      current[ref] = s.value;
      show(ref, s);
    }
  }, up => { conn.textContent = up ? 'live' : 'reconnecting…'; conn.classList.toggle('stale', !up); });
  setInterval(() => {
    Object.values(sparks).forEach(s => s.draw());
    if (lastSample && Date.now() - lastSample > 10000) { conn.textContent = 'no data for ' + Math.round((Date.now() - lastSample) / 1000) + ' s'; conn.classList.add('stale'); }
  }, 1000);
  // The PackML state, amber when the line is held, stopped or aborted rather than producing or idle.
  async function lineState() {
    try {
      const st = await Hmi.api('GET', '/api/lines/' + encodeURIComponent(line.id) + '/state');
      const td = document.getElementById('m-state');
      td.textContent = st.state || 'unknown';
      td.classList.toggle('abnormal', ['HELD', 'ABORTED', 'HOLDING', 'ABORTING'].includes(st.state));
    } catch (e) { /* shown again at the next poll */ }
  }
  lineState();
  setInterval(lineState, 2000);
  Object.values(sparks).forEach(s => s.draw());
  document.body.dataset.ready = 'true';
})();
