// Shared by the HMI pages: session, CSRF token, JSON requests, number formatting, the header.
'use strict';
const Hmi = (() => {
  function cookie(name) {
    for (const part of document.cookie.split(';')) {
      const [k, v] = part.trim().split('=');
      if (k === name) return decodeURIComponent(v || '');
    }
    return null;
  }
  async function api(method, url, body) {
    const headers = { 'Accept': 'application/json' };
    if (method !== 'GET') {
      headers['Content-Type'] = 'application/json';
      headers['X-CSRF-Token'] = cookie('flowpat.csrf') || '';
    }
    const r = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin' });
    let json = null;
    try { json = await r.json(); } catch (e) { /* empty body */ }
    // A 401 about a password entered again (signing) is an answer for the dialog, not the end of the session.
    if (r.status === 401 && !url.endsWith('/api/login') && !(json && json.field === 'password')) { location.href = '/login.html'; }
    if (!r.ok) { const err = new Error((json && json.error) || r.statusText); err.status = r.status; throw err; }
    return json;
  }
  // Digits that suit the instrument span: 3 significant figures of the span.
  function digits(range) {
    if (!range) return 2;
    const span = Math.abs(range.max - range.min);
    if (span >= 1000) return 0;
    if (span >= 100) return 1;
    if (span >= 10) return 2;
    return 3;
  }
  function fmt(v, range) {
    if (v === null || v === undefined || !isFinite(v)) return '----';
    const d = digits(range);
    return (Math.abs(v) < 0.5 * Math.pow(10, -d) ? 0 : Number(v)).toFixed(d); // never "-0"
  }
  function time(ms) { return ms ? new Date(ms).toLocaleTimeString('en-GB') : ''; }
  function dateTime(ms) { return ms ? new Date(ms).toLocaleString('en-GB') : ''; }
  function el(tag, attrs, text) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }
  function unitText(u) { return u === 'degC' ? '°C' : (u || ''); }
  function outside(v, r) { return r && v !== null && v !== undefined && (v < r.min || v > r.max); }
  // The header every page shares: brand, plant, navigation, clock, user and log-out, rendered into <header class="top">.
  const PAGES = [['overview', 'Overview'], ['trends', 'Trends'], ['charts', 'Control charts'], ['alarms', 'Alarms'],
    ['control', 'Control'], ['lots', 'Lots'], ['audit', 'Audit trail'], ['simulator', 'Simulator']];
  function renderHeader() {
    const top = document.querySelector('header.top');
    if (!top || top.childElementCount) return;
    const nav = el('nav');
    for (const [id, label] of PAGES) {
      const a = el('a', { href: '/' + id + '.html', 'data-page': id }, label);
      if (id === 'simulator') a.hidden = true;
      nav.append(a);
    }
    top.append(el('span', { class: 'brand' }, 'FlowPAT'), el('span', { class: 'plant', id: 'plant' }), nav,
      el('span', { class: 'spacer' }), el('span', { class: 'clock', id: 'clock' }), el('span', { class: 'user', id: 'user' }),
      el('button', { id: 'logout', type: 'button' }, 'Log out'));
  }
  async function header(page) {
    renderHeader();
    const me = await api('GET', '/api/me');
    document.getElementById('user').textContent = me.name + ' (' + me.role + ')';
    document.querySelectorAll('header nav a').forEach(a => a.classList.toggle('current', a.dataset.page === page));
    // The simulator panel exists in demo mode only.
    api('GET', '/api/health').then(h => {
      const sim = document.querySelector('header nav a[data-page=simulator]');
      if (sim) sim.hidden = !h.demo;
      const plant = document.getElementById('plant');
      if (plant && !plant.textContent) plant.textContent = h.plant;
    }).catch(() => {});
    document.getElementById('logout').addEventListener('click', async () => {
      try { await api('POST', '/api/logout', {}); } finally { location.href = '/login.html'; }
    });
    const clock = document.getElementById('clock');
    const tick = () => { clock.textContent = new Date().toLocaleTimeString('en-GB'); };
    tick(); setInterval(tick, 1000);
    return me;
  }
  // The live feed: reconnects with back-off; onSamples gets arrays of {signal, value, quality, time}.
  // subscribe() returns the signal list, or {subscribe: [...], spc: ['L1/purity'], multivariate: ['L1']} to follow
  // control-chart results, multivariate results and PLS predictions too: results = {spc, multivariate, pat}, each a
  // function that gets arrays of them.
  function live(subscribe, onSamples, onState, results) {
    const request = () => { const s = subscribe(); return JSON.stringify(Array.isArray(s) ? { subscribe: s } : s); };
    let ws, delay = 500, closed = false;
    function open() {
      ws = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws/live');
      ws.onopen = () => { delay = 500; ws.send(request()); onState && onState(true); };
      ws.onmessage = ev => {
        const m = JSON.parse(ev.data);
        if (m.type === 'samples' && onSamples) onSamples(m.samples);
        else if (results && results[m.type]) results[m.type](m.results);
      };
      ws.onclose = ev => {
        onState && onState(false);
        if (ev.code === 1008) { location.href = '/login.html'; return; }  // the login ended
        if (!closed) { setTimeout(open, delay); delay = Math.min(delay * 2, 10000); }
      };
    }
    open();
    return {
      resubscribe() { if (ws && ws.readyState === 1) ws.send(request()); },
      close() { closed = true; ws && ws.close(); }
    };
  }
  // Drawn at once (this script loads at the end of <body>), so the layout does not jump when /api/me answers.
  renderHeader();
  return { api, fmt, digits, unitText, outside, header, live, cookie, time, dateTime, el };
})();
