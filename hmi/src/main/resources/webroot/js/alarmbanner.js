// The overview's alarm banner: polls /api/alarms every 2 s; counts of annunciated alarms by priority and the
// newest first-out alarm, coloured by the highest priority present; grey and quiet when there are none.
'use strict';
(() => {
  const banner = document.getElementById('alarms');
  const text = document.getElementById('alarm-text');
  const ORDER = ['URGENT', 'CRITICAL', 'HIGH', 'MEDIUM', 'LOW'];
  async function refresh() {
    try {
      const a = await Hmi.api('GET', '/api/alarms');
      const counts = a.byPriority || {};
      const present = ORDER.filter(p => counts[p]).concat(Object.keys(counts).filter(p => !ORDER.includes(p)));
      banner.classList.remove('alarm', 'alarm-medium', 'alarm-low');
      banner.dataset.annunciated = a.annunciated;
      if (!a.annunciated) { text.textContent = 'No active alarms'; return; }
      const top = present[0];
      banner.classList.add(top === 'MEDIUM' ? 'alarm-medium' : top === 'LOW' ? 'alarm-low' : 'alarm');
      let s = a.annunciated + ' active alarm' + (a.annunciated === 1 ? '' : 's') + ' (' +
        present.map(p => counts[p] + ' ' + p).join(', ') + ')';
      if (a.unacknowledged) s += ', ' + a.unacknowledged + ' unacknowledged';
      if (a.newestFirstOut) s += ' · first out: ' + a.newestFirstOut.line + ' ' + a.newestFirstOut.name;
      text.textContent = s + ' ›';
    } catch (e) {
      if (e.status !== 401) text.textContent = 'alarms unavailable: ' + e.message;
    }
  }
  refresh();
  setInterval(refresh, 2000);
})();
