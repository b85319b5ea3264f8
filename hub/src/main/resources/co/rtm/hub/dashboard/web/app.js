// The supervisors' dashboard: hash routes, one render function per page. Texts in Spanish, code in English.
import { session, get, post, api } from './api.js';
import { barChart, linePlot, trackMap } from './svg.js';

const main = document.getElementById('main');
const feed = [];          // newest first, at most 200
let source = null;        // the live feed's EventSource

const h = (tag, attrs = {}, ...children) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k.startsWith('on')) e.addEventListener(k.slice(2), v); else if (v !== null && v !== undefined) e.setAttribute(k, v);
  }
  children.flat().forEach((c) => e.append(c instanceof Node ? c : document.createTextNode(c ?? '')));
  return e;
};
const table = (head, rows) => h('table', {}, h('thead', {}, h('tr', {}, head.map((x) => h('th', { scope: 'col' }, x)))),
  h('tbody', {}, rows.map((r) => (r instanceof Node ? r : h('tr', {}, r.map((c) => h('td', {}, c)))))));
const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'America/Bogota' });
const pct = (x) => (x === null || x === undefined ? '—' : (x * 100).toFixed(1) + ' %');
const show = (title, ...nodes) => { main.replaceChildren(h('h2', {}, title), ...nodes); main.focus(); };

// ---- live feed: a one-use ticket buys the stream (EventSource cannot send the bearer token)
async function connectFeed() {
  if (source) return;
  const { ticket } = await post('/api/events/ticket');
  source = new EventSource('/api/events/stream?ticket=' + encodeURIComponent(ticket));
  source.addEventListener('result', (ev) => {
    feed.unshift(JSON.parse(ev.data));
    feed.length = Math.min(feed.length, 200);
    const list = document.getElementById('feed-list');
    if (list) list.prepend(feedItem(feed[0]));
  });
  source.addEventListener('end', () => { source.close(); source = null; });
  source.onerror = () => { // a dead stream's ticket is spent: ask for a new one
    if (source && source.readyState === EventSource.CLOSED) { source = null; if (session.token) setTimeout(connectFeed, 2000); }
  };
}
const feedItem = (e) => h('li', { class: e.outcome === 'REFUSED' ? 'refused' : 'accepted' },
  e.outcome === 'REFUSED'
    ? `${e.at} · RECHAZADO ${e.reasonCode} · ${e.centerId ?? '?'}/${e.stationId ?? '?'}`
    : `${e.at} · ${e.type === 'EXAM' ? 'Examen' : 'Revisión'} ${e.subject} · ${e.verdict} · FUR ${e.furNumber ?? '—'} · ${e.centerId}/${e.stationId}`);

// ---- pages
function login() {
  document.getElementById('nav').hidden = true;
  const err = h('p', { id: 'login-error', class: 'error', role: 'alert' });
  const form = h('form', { id: 'login-form' },
    h('p', {}, h('label', { for: 'login-user' }, 'Usuario'), h('input', { id: 'login-user', name: 'user', autocomplete: 'username', required: '' })),
    h('p', {}, h('label', { for: 'login-password' }, 'Contraseña'), h('input', { id: 'login-password', type: 'password', autocomplete: 'current-password', required: '' })),
    h('button', { id: 'login-submit', type: 'submit' }, 'Ingresar'), err);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    err.textContent = '';
    try {
      const r = await post('/api/login', { user: form.querySelector('#login-user').value, password: form.querySelector('#login-password').value });
      session.set(r.token, r.user, r.role);
      location.hash = '#/resumen';
    } catch (e) {
      err.textContent = e.status === 401 ? 'Usuario o contraseña incorrectos.' : e.status === 429 ? 'Demasiados intentos: ' + e.message : e.message;
    }
  });
  show('Ingreso', form);
}

async function overview() {
  const o = await get('/api/dashboard/overview?date=' + today());
  const cards = h('div', { class: 'cards' },
    h('div', { class: 'card' }, 'Revisiones hoy', h('b', { id: 'ov-inspections' }, String(o.inspections))),
    h('div', { class: 'card' }, 'Exámenes hoy', h('b', { id: 'ov-exams' }, String(o.exams))),
    h('div', { class: 'card' }, 'Aprobación', h('b', { id: 'ov-rate' }, pct(o.approvalRate))),
    h('div', { class: 'card' }, 'Estaciones en línea', h('b', {}, `${o.stationsOnline} / ${o.stationsTotal}`)),
    h('div', { class: 'card' }, 'Eventos perdidos (clientes lentos)', h('b', {}, String(o.feed.dropped))));
  const rows = [];
  o.centers.forEach((c) => c.stations.forEach((s, i) => rows.push(h('tr', {},
    h('td', {}, i ? '' : `${c.id} · ${c.name} (${c.kind})`), h('td', {}, s.id),
    h('td', { class: s.online ? 'online' : s.status === 'unknown' ? 'unknown' : 'offline' }, s.online ? 'en línea' : s.status === 'unknown' ? 'sin datos' : 'fuera de línea'),
    h('td', {}, String(s.inspections)), h('td', {}, String(s.exams)),
    h('td', {}, pct(s.inspections + s.exams ? s.approved / (s.inspections + s.exams) : null))))));
  show('Resumen del ' + o.date, cards, h('table', { id: 'ov-table' },
    h('thead', {}, h('tr', {}, ['Centro', 'Línea', 'Estado', 'Revisiones', 'Exámenes', 'Aprobación'].map((x) => h('th', { scope: 'col' }, x)))),
    h('tbody', {}, rows)));
  performance.mark('overview-rendered'); // what OverviewLoadSpeed reads
}

function live() {
  show('Resultados en vivo', h('p', {}, 'Resultados aceptados y rechazados a medida que llegan.'),
    h('ul', { id: 'feed-list', 'aria-live': 'polite' }, feed.map(feedItem)));
}

async function capacity(params) {
  const centers = await get('/api/centers?limit=1000');
  const center = params.get('centro') || (centers[0] && centers[0].id);
  const date = params.get('fecha') || today();
  const select = h('select', { id: 'cap-center' }, centers.map((c) => h('option', { value: c.id, ...(c.id === center ? { selected: '' } : {}) }, `${c.id} · ${c.name}`)));
  const dateIn = h('input', { id: 'cap-date', type: 'date', value: date });
  const form = h('form', {}, h('label', { for: 'cap-center' }, 'Centro'), select, h('label', { for: 'cap-date' }, 'Fecha'), dateIn, h('button', { type: 'submit' }, 'Ver'));
  form.addEventListener('submit', (ev) => { ev.preventDefault(); location.hash = `#/capacidad?centro=${encodeURIComponent(select.value)}&fecha=${dateIn.value}`; });
  if (!center) return show('Capacidad', form);
  const [hours, days] = await Promise.all([get(`/api/capacity?center=${encodeURIComponent(center)}&date=${date}`),
    get(`/api/dashboard/capacity?center=${encodeURIComponent(center)}&date=${date}&days=14`)]);
  const charts = h('div', { id: 'cap-charts' });
  (hours.lanes || []).forEach((lane) => {
    // hours with no inspection are left out of /api/capacity: show the whole day, 00 to 23
    const byHour = new Map((lane.hours || []).map((x) => [String(x.hour).slice(0, 2), x.count]));
    const bars = Array.from({ length: 24 }, (_, i) => String(i).padStart(2, '0')).map((hh) => ({ label: hh, value: byHour.get(hh) || 0 }));
    charts.append(h('h3', {}, `Línea ${lane.stationId}`), barChart(bars, { title: `Revisiones por hora, ${date} (capacidad ${lane.capacityPerHour ?? 'sin registrar'})`, limit: lane.capacityPerHour ?? null }));
  });
  days.lanes.forEach((lane) => {
    charts.append(barChart(lane.days.map((d) => ({ label: d.date.slice(8), value: d.busiestHourCount })),
      { title: `${lane.stationId}: hora más ocupada por día (${days.from} a ${days.to})`, limit: lane.capacityPerHour ?? null }));
  });
  show('Capacidad por línea', form, charts);
}

async function search(params) {
  const q = params.get('q') || '';
  const input = h('input', { id: 'search-q', value: q, 'aria-describedby': 'search-help' });
  const form = h('form', { role: 'search' }, h('label', { for: 'search-q' }, 'Placa, número FUR, certificado o documento'), input,
    h('button', { id: 'search-submit', type: 'submit' }, 'Buscar'), h('p', { id: 'search-help' }, 'Ejemplos: ABC123, 1042, CC-79123456'));
  form.addEventListener('submit', (ev) => { ev.preventDefault(); location.hash = '#/buscar?q=' + encodeURIComponent(input.value.trim()); });
  if (!q) return show('Buscar en el registro', form);
  const rows = await get('/api/dashboard/search?q=' + encodeURIComponent(q));
  show('Buscar en el registro', form, rows.length ? table(['Tipo', 'Placa / documento', 'Resultado', 'FUR', 'Certificado', 'Centro', 'Línea', 'Fecha'],
    rows.map((r) => [r.resultType === 'EXAM' ? 'Examen' : 'Revisión', h('a', { href: '#/resultado/' + r.messageId, class: 'result-link' }, r.subject),
      r.verdict, String(r.furNumber ?? '—'), String(r.certificateNumber ?? '—'), r.centerId, r.stationId, r.testedAt]))
    : h('p', { id: 'search-none' }, 'Sin resultados.'));
}

async function detail(id) {
  const r = await get('/api/dashboard/results/' + encodeURIComponent(id));
  const defects = ((r.rescored && r.rescored.defects) || []);
  const parts = [
    table(['Campo', 'Valor'], [['Placa / documento', r.subject], ['Resultado', r.verdict], ['FUR', String(r.furNumber ?? '—')],
      ['Certificado', String(r.certificateNumber ?? '—')], ['Centro', `${r.center?.id} · ${r.center?.name ?? ''}`],
      ['Línea', `${r.station?.id} (${r.station?.profileId})`], ['Inspectores', (r.inspectors || []).join(', ') || '—'],
      ['Declarado por la línea', r.claimed ? `${r.claimed.verdict} (A ${r.claimed.typeA}, B ${r.claimed.typeB})` : '—'],
      ['Recalificado por el hub', r.rescored && r.rescored.verdict ? `${r.rescored.verdict} (A ${r.rescored.typeA}, B ${r.rescored.typeB})` : '—']]),
    h('h3', {}, 'Mediciones'),
    h('table', { id: 'detail-measurements' }, h('thead', {}, h('tr', {}, ['Medición', 'Valor'].map((x) => h('th', { scope: 'col' }, x)))),
      h('tbody', {}, (r.measurements || []).map((m) => h('tr', {}, h('td', {}, m.path), h('td', {}, String(m.value)))))),
    h('h3', {}, 'Límites aplicados (recalificación del hub)'),
    (r.limits || []).length ? h('table', { id: 'detail-limits' },
      h('thead', {}, h('tr', {}, ['Prueba', 'Magnitud', 'Falla si', 'Unidad', 'Resultado', 'Fuente'].map((x) => h('th', { scope: 'col' }, x)))),
      h('tbody', {}, r.limits.map((l) => h('tr', { class: l.passed ? '' : 'fail' }, h('td', {}, l.test), h('td', {}, l.quantity),
        h('td', {}, l.failsWhen), h('td', {}, l.unit), h('td', {}, l.passed ? 'cumple' : `defecto ${l.defect}: medido ${l.measured ?? '—'} frente a límite ${l.limit ?? '—'}`),
        h('td', {}, l.source)))))
      : h('p', {}, 'Sin límites que mostrar (examen o perfil desconocido).'),
    h('h3', {}, 'Defectos (medido frente a límite, según la recalificación)'),
    defects.length ? table(['Código', 'Tipo', 'Prueba', 'Medido', 'Límite', 'Unidad', 'Descripción'],
      defects.map((d) => [d.code, d.type, d.test ?? '—', String(d.measured ?? '—'), String(d.limit ?? '—'), d.unit ?? '', d.description ?? '']))
      : h('p', {}, 'Ninguno: todas las mediciones dentro de sus límites.'),
    h('h3', {}, 'Series de muestras'),
  ];
  const plots = h('div', { id: 'detail-plots' });
  (r.plots || []).forEach((p) => plots.append(linePlot(p.points, { title: `${p.test} · ${p.sample} · ${p.field}` })));
  if (!(r.plots || []).length) plots.append(h('p', {}, 'El resultado no trae series de muestras.'));
  show(`Resultado ${r.subject}`, ...parts, plots);
}

async function alerts(params) {
  const open = params.get('abiertas') !== 'no';
  const list = await get('/api/alerts?limit=200' + (open ? '&open=true' : ''));
  const toggle = h('a', { href: open ? '#/alertas?abiertas=no' : '#/alertas' }, open ? 'Ver todas' : 'Ver solo abiertas');
  const rows = list.map((a) => {
    const comment = h('input', { id: 'comment-' + a.id, 'aria-label': 'Comentario para la alerta ' + a.id });
    const status = h('span', { role: 'status' });
    const ack = h('button', { type: 'button', class: 'ack', 'data-id': a.id, onclick: async () => {
      try { await post(`/api/alerts/${a.id}/ack`, { comment: comment.value }); status.textContent = 'Atendida'; ack.disabled = true; }
      catch (e) { status.textContent = e.message; status.className = 'error'; }
    } }, 'Atender');
    return h('tr', { id: 'alert-' + a.id }, h('td', {}, String(a.id)), h('td', {}, a.kind), h('td', {}, `${a.centerId ?? ''}/${a.stationId ?? ''}`),
      h('td', {}, a.detail ?? ''), h('td', {}, a.createdAt ?? ''),
      h('td', {}, a.ackedBy ? `${a.ackedBy}: ${a.ackComment ?? ''}` : [comment, ack, status]));
  });
  show('Alertas', toggle, table(['#', 'Tipo', 'Centro/línea', 'Detalle', 'Creada', 'Atención'], rows));
}

async function mobile(params) {
  const stations = (await get('/api/stations?limit=1000'));
  const centers = await get('/api/centers?limit=1000');
  const mobileCenters = new Set(centers.filter((c) => c.kind === 'MOBILE').map((c) => c.id));
  const station = params.get('linea') || (stations.find((s) => mobileCenters.has(s.centerId)) || {}).id;
  const lines = stations.filter((s) => mobileCenters.has(s.centerId) || s.id === station);
  const date = params.get('fecha') || today();
  const select = h('select', { id: 'mob-line' }, lines.map((s) => h('option', { value: s.id, ...(s.id === station ? { selected: '' } : {}) }, `${s.centerId} / ${s.id}`)));
  const dateIn = h('input', { id: 'mob-date', type: 'date', value: date });
  const form = h('form', {}, h('label', { for: 'mob-line' }, 'Unidad móvil'), select, h('label', { for: 'mob-date' }, 'Fecha'), dateIn, h('button', { type: 'submit' }, 'Ver'));
  form.addEventListener('submit', (ev) => { ev.preventDefault(); location.hash = `#/moviles?linea=${encodeURIComponent(select.value)}&fecha=${dateIn.value}`; });
  if (!station) return show('Unidades móviles', form, h('p', {}, 'No hay unidades móviles registradas.'));
  const t = await get(`/api/dashboard/lines/${encodeURIComponent(station)}/track?date=${date}&days=31`);
  const geo = t.departmentCode ? await get('/api/geo/municipalities?department=' + t.departmentCode) : { features: [] };
  const map = h('div', { id: 'map' });
  map.append(trackMap(geo.features, t.fixes, { scheduled: t.scheduledMunicipality, title: `Recorrido de ${station}` }));
  show('Unidades móviles', form,
    h('p', {}, `Municipio programado el ${t.date}: ${t.scheduledMunicipality ?? 'ninguno'} · ${t.fixes.length} posiciones GPS (31 días)`),
    map, table(['Municipio', 'Desde', 'Hasta'], t.stays.map((s) => [s.municipalityCode, s.from, s.to])));
}

async function exams(params) {
  const doc = params.get('documento') || '', center = params.get('cale') || '', date = params.get('fecha') || '';
  const docIn = h('input', { id: 'ex-document', value: doc, placeholder: 'CC-79123456' });
  const centerIn = h('input', { id: 'ex-center', value: center });
  const dateIn = h('input', { id: 'ex-date', type: 'date', value: date });
  const form = h('form', {}, h('label', { for: 'ex-document' }, 'Documento'), docIn, h('label', { for: 'ex-center' }, 'CALE'), centerIn,
    h('label', { for: 'ex-date' }, 'Fecha'), dateIn, h('button', { type: 'submit' }, 'Filtrar'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    location.hash = `#/examenes?documento=${encodeURIComponent(docIn.value.trim())}&cale=${encodeURIComponent(centerIn.value.trim())}&fecha=${dateIn.value}`;
  });
  const q = new URLSearchParams({ limit: '200' });
  if (doc) q.set('document', doc);
  if (center) q.set('center', center);
  if (date) q.set('date', date);
  const list = await get('/api/exams?' + q);
  show('Exámenes en los CALE', form, list.length ? table(['Documento', 'Categoría', 'Parte', 'Trámite', 'Resultado', 'CALE', 'Estación', 'Inicio', 'Certificado'],
    list.map((e) => [e.candidate, e.category, e.part === 'THEORY' ? 'teórica' : 'práctica', e.procedure ?? '', e.verdict, e.center, e.station,
      e.startedAt, String(e.certificateNumber ?? '—')]))
    : h('p', { id: 'exams-none' }, 'No hay exámenes que coincidan.'));
}

// ---- routing
const pages = { resumen: overview, 'en-vivo': live, capacidad: capacity, buscar: search, alertas: alerts, moviles: mobile, examenes: exams };

async function route() {
  const [path, query] = location.hash.replace(/^#\/?/, '').split('?');
  const params = new URLSearchParams(query || '');
  if (!session.token || path === 'login') return login();
  document.getElementById('nav').hidden = false;
  connectFeed().catch(() => {});
  try {
    if (path.startsWith('resultado/')) return await detail(decodeURIComponent(path.slice('resultado/'.length)));
    await (pages[path] || overview)(params);
  } catch (e) {
    show('Error', h('p', { class: 'error', role: 'alert' }, e.message));
  }
}

document.getElementById('logout').addEventListener('click', async () => {
  try { await api('POST', '/api/logout'); } catch (e) { /* already ended */ }
  session.clear();
  if (source) { source.close(); source = null; }
  location.hash = '#/login';
});
window.addEventListener('hashchange', route);
route();
