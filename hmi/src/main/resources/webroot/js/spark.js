// A sparkline: the last minutes of one signal on a small canvas, with its normal band and spec limits.
'use strict';
class Spark {
  constructor(canvas, { normal, lsl, usl, windowMs = 10 * 60 * 1000 } = {}) {
    this.canvas = canvas; this.normal = normal; this.lsl = lsl; this.usl = usl; this.windowMs = windowMs;
    this.points = [];
  }
  add(t, v) {
    if (v === null || !isFinite(v)) return;
    // History may arrive after the first live values: keep the points in time order.
    let i = this.points.length;
    while (i > 0 && this.points[i - 1][0] > t) i--;
    if (i > 0 && this.points[i - 1][0] === t) return;
    this.points.splice(i, 0, [t, v]);
    const cut = this.points[this.points.length - 1][0] - this.windowMs;
    while (this.points.length && this.points[0][0] < cut) this.points.shift();
  }
  draw() {
    const c = this.canvas, dpr = window.devicePixelRatio || 1;
    const w = c.clientWidth, h = c.clientHeight;
    if (c.width !== w * dpr) { c.width = w * dpr; c.height = h * dpr; }
    const g = c.getContext('2d');
    g.setTransform(dpr, 0, 0, dpr, 0, 0);
    g.clearRect(0, 0, w, h);
    if (this.points.length < 2) return;
    const now = this.points[this.points.length - 1][0], t0 = now - this.windowMs;
    let lo = Infinity, hi = -Infinity;
    for (const [, v] of this.points) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
    for (const x of [this.lsl, this.usl]) if (x !== null && x !== undefined) { lo = Math.min(lo, x); hi = Math.max(hi, x); }
    if (this.normal) { lo = Math.min(lo, this.normal.min); hi = Math.max(hi, this.normal.max); }
    if (hi - lo < 1e-9) { hi += 1; lo -= 1; }
    const pad = (hi - lo) * 0.08; lo -= pad; hi += pad;
    const X = t => (t - t0) / this.windowMs * (w - 4) + 1, Y = v => h - 2 - (v - lo) / (hi - lo) * (h - 4);
    if (this.normal) {
      g.fillStyle = '#d5d8da';
      g.fillRect(0, Y(this.normal.max), w, Y(this.normal.min) - Y(this.normal.max));
    }
    g.strokeStyle = '#c8102e'; g.setLineDash([3, 2]); g.lineWidth = 1;
    for (const x of [this.lsl, this.usl]) if (x !== null && x !== undefined) { g.beginPath(); g.moveTo(0, Y(x)); g.lineTo(w, Y(x)); g.stroke(); }
    g.setLineDash([]);
    g.strokeStyle = '#2b3035'; g.lineWidth = 1.3; g.beginPath();
    this.points.forEach(([t, v], i) => i ? g.lineTo(X(t), Y(v)) : g.moveTo(X(t), Y(v)));
    g.stroke();
    const [lt, lv] = this.points[this.points.length - 1];
    g.fillStyle = '#2b3035'; g.beginPath(); g.arc(X(lt), Y(lv), 2, 0, 7); g.fill();
  }
}
