// The line as a simple process schematic in SVG, laid out by unit type (feeds and pumps in two rows, then the
// reactor train, then the diverter to product and waste). Each signal gets a value tag with id "v-UNIT.signal".
'use strict';
const Schematic = (() => {
  const NS = 'http://www.w3.org/2000/svg';
  const TAG_W = 128, TAG_H = 31;
  function el(parent, name, attrs, text) {
    const e = document.createElementNS(NS, name);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    if (text !== undefined) e.textContent = text;
    parent.appendChild(e);
    return e;
  }
  function words(id) { return id.replace(/([A-Z])/g, ' $1').toLowerCase(); }
  function short(label) {
    return label.replace('temperature', 'temp').replace('concentration', 'conc.').replace('residence time', 'res. time');
  }

  // Where each unit type sits: equipment centre and the top-left of its first value tag.
  function slot(type, index) {
    const row = index % 2 === 0 ? 110 : 370;
    switch (type) {
      case 'FEED_VESSEL': return { cx: 75, cy: row, tx: 14, ty: row + 52 };
      case 'PUMP': return { cx: 205, cy: row, tx: 144, ty: row + 30 };
      case 'MIXER': return { cx: 300, cy: 240, tx: 270, ty: 262 };
      case 'REACTOR': return { cx: 435, cy: 240, tx: 374, ty: 285 };
      case 'QUENCH': return { cx: 568, cy: 240, tx: 540, ty: 470 };
      case 'ANALYZER': return { cx: 650, cy: 240, tx: 590, ty: 285 };
      case 'BACK_PRESSURE_REGULATOR': return { cx: 785, cy: 240, tx: 724, ty: 285 };
      case 'DIVERTER': return { cx: 915, cy: 240, tx: 860, ty: 285 };
      case 'VESSEL': return { cx: 1095, cy: row, tx: 1040, ty: row + 52 };
      default: return null;
    }
  }

  function drawEquipment(g, unit, s) {
    const { cx, cy } = s;
    switch (unit.type) {
      case 'FEED_VESSEL': case 'VESSEL':
        el(g, 'rect', { class: 'equip', x: cx - 32, y: cy - 42, width: 64, height: 84, rx: 10 }); break;
      case 'PUMP':
        el(g, 'circle', { class: 'equip', cx, cy, r: 18 });
        el(g, 'path', { class: 'coil', d: `M${cx - 8} ${cy - 10} L${cx + 12} ${cy} L${cx - 8} ${cy + 10} Z` }); break;
      case 'MIXER':
        el(g, 'circle', { class: 'equip', cx, cy, r: 9 }); break;
      case 'REACTOR': {
        el(g, 'rect', { class: 'equip', x: cx - 60, y: cy - 30, width: 120, height: 60, rx: 6 });
        let d = `M${cx - 52} ${cy}`;
        for (let i = 0; i < 8; i++) d += ` q6 ${i % 2 ? 22 : -22} 13 0`;
        el(g, 'path', { class: 'coil', d }); break;
      }
      case 'QUENCH':
        el(g, 'rect', { class: 'equip', x: cx - 14, y: cy - 14, width: 28, height: 28 }); break;
      case 'ANALYZER':
        el(g, 'rect', { class: 'equip', x: cx - 28, y: cy - 22, width: 56, height: 44, rx: 3 });
        el(g, 'text', { class: 'tagname', x: cx, y: cy + 5, 'text-anchor': 'middle' }, 'AT'); break;
      case 'BACK_PRESSURE_REGULATOR': case 'DIVERTER':
        el(g, 'path', { class: 'equip', d: `M${cx - 16} ${cy - 11} L${cx + 16} ${cy + 11} L${cx + 16} ${cy - 11} L${cx - 16} ${cy + 11} Z` });
        if (unit.type === 'DIVERTER') el(g, 'path', { class: 'equip', d: `M${cx - 11} ${cy - 16} L${cx + 11} ${cy - 16} L${cx} ${cy} Z` });
        break;
    }
    // Small units between busy neighbours carry their name below the symbol.
    const labelY = unit.type === 'FEED_VESSEL' || unit.type === 'VESSEL' ? cy - 50
      : unit.type === 'PUMP' ? cy - 26 : unit.type === 'QUENCH' ? cy + 42 : cy - 38;
    if (unit.type === 'MIXER') { // pipes run above and below it: name to the upper right
      el(g, 'text', { class: 'tagname', x: cx + 12, y: cy - 22 }, unit.id);
      el(g, 'text', { class: 'uname', x: cx + 12, y: cy - 10 }, unit.name);
      return;
    }
    el(g, 'text', { class: 'tagname', x: cx, y: labelY - 11, 'text-anchor': 'middle' }, unit.id);
    el(g, 'text', { class: 'uname', x: cx, y: labelY + 1, 'text-anchor': 'middle' }, unit.name);
  }

  function pipes(g, pos) {
    const p = (d, id) => el(g, 'path', Object.assign({ class: 'pipe', d }, id ? { id } : {}));
    const feeds = pos.FEED_VESSEL || [], pumps = pos.PUMP || [], vessels = pos.VESSEL || [];
    const mixer = (pos.MIXER || [])[0], reactor = (pos.REACTOR || [])[0], dv = (pos.DIVERTER || [])[0];
    feeds.forEach((f, i) => pumps[i] && p(`M${f.cx + 32} ${f.cy} L${pumps[i].cx - 18} ${pumps[i].cy}`));
    if (mixer) pumps.forEach(pu => p(`M${pu.cx + 18} ${pu.cy} L${mixer.cx} ${pu.cy} L${mixer.cx} ${mixer.cy + (pu.cy < mixer.cy ? -9 : 9)}`));
    const train = ['MIXER', 'REACTOR', 'QUENCH', 'ANALYZER', 'BACK_PRESSURE_REGULATOR', 'DIVERTER']
      .map(t => (pos[t] || [])[0]).filter(Boolean);
    const halfWidth = { MIXER: 9, REACTOR: 60, QUENCH: 14, ANALYZER: 28, BACK_PRESSURE_REGULATOR: 16, DIVERTER: 16 };
    for (let i = 0; i + 1 < train.length; i++) {
      p(`M${train[i].cx + halfWidth[train[i].type]} 240 L${train[i + 1].cx - halfWidth[train[i + 1].type]} 240`);
    }
    if (dv && vessels.length) {
      p(`M${dv.cx} ${dv.cy - 16} L${dv.cx} ${vessels[0].cy} L${vessels[0].cx - 32} ${vessels[0].cy}`, 'route-product');
      if (vessels[1]) p(`M${dv.cx} ${dv.cy + 11} L${dv.cx} ${vessels[1].cy} L${vessels[1].cx - 32} ${vessels[1].cy}`, 'route-waste');
      el(g, 'text', { class: 'route', id: 'route-text', x: dv.cx + 22, y: dv.cy - 22 }, '');
    }
    return train;
  }

  function tag(g, lineId, unit, sig, x, y) {
    const t = el(g, 'g', { id: 'v-' + unit.id + '.' + sig.id, 'data-signal': lineId + '/' + unit.id + '.' + sig.id });
    el(t, 'rect', { class: 'valbox', x, y, width: TAG_W, height: TAG_H, rx: 2 });
    const label = short((sig.kind === 'SETPOINT' ? 'SP ' : '') + words(sig.id).replace(/ setpoint$/, ''));
    const room = sig.normal ? 12 : 21;
    el(t, 'text', { class: 'lbl', x: x + 4, y: y + 11 }, label.length > room ? label.slice(0, room - 1) + '…' : label);
    if (sig.normal) el(t, 'text', { class: 'rng', x: x + TAG_W - 4, y: y + 11, 'text-anchor': 'end' },
      Hmi.fmt(sig.normal.min, sig.range) + '–' + Hmi.fmt(sig.normal.max, sig.range));
    el(t, 'text', { class: 'qual', x: x + 4, y: y + 26 }, '');
    el(t, 'text', { class: 'val', x: x + 86, y: y + 26, 'text-anchor': 'end' }, '----');
    el(t, 'text', { class: 'eu', x: x + 90, y: y + 26 }, Hmi.unitText(sig.unit));
  }

  function build(svg, line) {
    svg.innerHTML = '';
    const pos = {};
    const gPipes = el(svg, 'g', {}), gEquip = el(svg, 'g', {}), gTags = el(svg, 'g', {});
    for (const unit of line.units) {
      const list = pos[unit.type] || (pos[unit.type] = []);
      const s = slot(unit.type, list.length);
      if (!s) continue;
      list.push(Object.assign({ type: unit.type, id: unit.id }, s));
      drawEquipment(gEquip, unit, s);
      let y = s.ty;
      for (const sig of unit.signals) {
        if (sig.kind === 'SPECTRUM' || (unit.type === 'DIVERTER')) continue;
        tag(gTags, line.id, unit, sig, s.tx, y);
        y += TAG_H + 3;
      }
    }
    pipes(gPipes, pos);
  }

  // Shows one value: number with digits for its range, amber when outside the normal range, marked when not Good.
  function update(svg, unitSignal, sig, live) {
    const t = svg.querySelector('[id="v-' + unitSignal + '"]');
    if (!t) return;
    const box = t.querySelector('rect'), val = t.querySelector('.val'), qual = t.querySelector('.qual');
    const v = live ? live.value : null;
    if (sig.kind === 'COMMAND' && sig.range && sig.range.max === 1) {
      val.textContent = v === null ? '----' : (v >= 0.5 ? 'ON' : 'OFF');
    } else {
      val.textContent = Hmi.fmt(v, sig.range);
    }
    const bad = live && live.quality === 'BAD', unc = live && live.quality === 'UNCERTAIN';
    qual.textContent = bad ? 'BAD' : unc ? 'UNC' : '';
    box.classList.toggle('bad', !!bad);
    box.classList.toggle('uncertain', !!unc);
    box.classList.toggle('abnormal', !bad && Hmi.outside(v, sig.normal));
    t.setAttribute('data-value', v === null || v === undefined ? '' : String(v));
  }

  function route(svg, position) {
    const product = svg.querySelector('#route-product'), waste = svg.querySelector('#route-waste');
    const text = svg.querySelector('#route-text');
    if (!product || !waste || !text) return;
    const toWaste = position !== null && position !== undefined && position >= 0.5;
    product.classList.toggle('active', position !== null && !toWaste);
    waste.classList.toggle('active', toWaste);
    text.textContent = position === null || position === undefined ? 'route ?' : toWaste ? 'TO WASTE' : 'TO PRODUCT';
    text.classList.toggle('waste', toWaste);
  }
  return { build, update, route };
})();
