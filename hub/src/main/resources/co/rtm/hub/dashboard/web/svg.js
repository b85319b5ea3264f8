// Small inline-SVG drawings: bar charts, line plots, maps. No library.
const NS = 'http://www.w3.org/2000/svg';

export function el(name, attrs = {}, text) {
  const e = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

function svg(width, height, title) {
  const s = el('svg', { width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': title });
  s.appendChild(el('title', {}, title));
  return s;
}

/** Bars {label, value} with an optional dashed limit line; bars over the limit are marked. */
export function barChart(bars, { title, limit = null, width = 640, height = 200 } = {}) {
  const s = svg(width, height, title);
  const pad = { l: 34, r: 8, t: 16, b: 30 };
  const max = Math.max(1, limit || 0, ...bars.map((b) => b.value));
  const w = (width - pad.l - pad.r) / Math.max(1, bars.length);
  const y = (v) => height - pad.b - (v / max) * (height - pad.t - pad.b);
  s.appendChild(el('text', { x: 4, y: 12 }, title));
  s.appendChild(el('text', { x: 4, y: y(max) + 4 }, String(max)));
  s.appendChild(el('text', { x: 4, y: y(0) }, '0'));
  bars.forEach((b, i) => {
    const over = limit !== null && b.value > limit;
    const r = el('rect', { class: over ? 'bar over' : 'bar', x: pad.l + i * w + 1, y: y(b.value), width: Math.max(1, w - 2), height: y(0) - y(b.value) });
    r.appendChild(el('title', {}, `${b.label}: ${b.value}`));
    s.appendChild(r);
    if (bars.length <= 31) s.appendChild(el('text', { x: pad.l + i * w + 2, y: height - pad.b + 12 }, b.label));
  });
  if (limit !== null) s.appendChild(el('line', { class: 'cap', x1: pad.l, x2: width - pad.r, y1: y(limit), y2: y(limit) }));
  return s;
}

/** A line through [x, y] points, axes labelled with the ranges. */
export function linePlot(points, { title, width = 420, height = 160, xUnit = 'ms' } = {}) {
  const s = svg(width, height, title);
  const pad = { l: 44, r: 8, t: 16, b: 18 };
  const xs = points.map((p) => p[0]), ys = points.map((p) => p[1]);
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)], [y0, y1] = [Math.min(...ys), Math.max(...ys)];
  const sx = (x) => pad.l + ((x - x0) / ((x1 - x0) || 1)) * (width - pad.l - pad.r);
  const sy = (v) => height - pad.b - ((v - y0) / ((y1 - y0) || 1)) * (height - pad.t - pad.b);
  s.appendChild(el('text', { x: 4, y: 12 }, title));
  s.appendChild(el('text', { x: 2, y: pad.t + 8 }, fmt(y1)));
  s.appendChild(el('text', { x: 2, y: height - pad.b }, fmt(y0)));
  s.appendChild(el('text', { x: width - 70, y: height - 4 }, `${fmt(x1)} ${xUnit}`));
  const d = points.map((p, i) => `${i ? 'L' : 'M'}${sx(p[0]).toFixed(1)},${sy(p[1]).toFixed(1)}`).join('');
  s.appendChild(el('path', { class: 'series', d }));
  return s;
}

const fmt = (v) => (Math.abs(v) >= 100 ? Math.round(v) : Math.round(v * 100) / 100).toString();

/**
 * Municipal polygons (GeoJSON features) and a track of [lat, lon] fixes, in an equirectangular projection
 * scaled by cos(latitude) around the drawing's centre. The scheduled municipality is highlighted.
 */
export function trackMap(features, fixes, { scheduled, width = 640, height = 520, title } = {}) {
  const s = svg(width, height, title);
  const pts = [];
  const rings = (g) => (g.type === 'Polygon' ? g.coordinates : g.type === 'MultiPolygon' ? g.coordinates.flat() : []);
  features.forEach((f) => rings(f.geometry).forEach((r) => r.forEach((c) => pts.push(c))));
  fixes.forEach((f) => pts.push([f[1], f[0]]));
  if (!pts.length) return s;
  let [minX, maxX, minY, maxY] = [Infinity, -Infinity, Infinity, -Infinity];
  pts.forEach(([x, y]) => { minX = Math.min(minX, x); maxX = Math.max(maxX, x); minY = Math.min(minY, y); maxY = Math.max(maxY, y); });
  const k = Math.cos(((minY + maxY) / 2) * Math.PI / 180);
  const scale = Math.min((width - 20) / (((maxX - minX) * k) || 1e-6), (height - 20) / ((maxY - minY) || 1e-6));
  const px = (x) => 10 + (x - minX) * k * scale, py = (y) => height - 10 - (y - minY) * scale;
  const path = (ring) => ring.map((c, i) => `${i ? 'L' : 'M'}${px(c[0]).toFixed(1)},${py(c[1]).toFixed(1)}`).join('') + 'Z';
  features.forEach((f) => {
    const p = el('path', { class: f.properties.code === scheduled ? 'muni scheduled' : 'muni', d: rings(f.geometry).map(path).join('') });
    p.appendChild(el('title', {}, `${f.properties.name} (${f.properties.code})`));
    s.appendChild(p);
  });
  if (fixes.length) {
    const d = fixes.map((f, i) => `${i ? 'L' : 'M'}${px(f[1]).toFixed(1)},${py(f[0]).toFixed(1)}`).join('');
    const t = el('path', { class: 'track', d });
    t.appendChild(el('title', {}, `${fixes.length} posiciones`));
    s.appendChild(t);
  }
  return s;
}
